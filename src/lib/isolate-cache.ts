/**
 * Values an isolate keeps for a while, by key. Only settled values are shared between requests:
 * a read in flight belongs to the request that started it, and if that request ends first (its
 * client went away) Workers cancel whatever other requests chained onto it, which would then
 * hang. A read that a `forget` overtook is not kept, so a change never comes back stale.
 */
export class IsolateCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private forgets = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  async get(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const forgets = this.forgets;
    const value = await read();
    if (forgets === this.forgets) this.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  forget(key: string): void {
    this.forgets++;
    this.entries.delete(key);
  }
}
