import { DurableObject } from "cloudflare:workers";
import { runStub } from "../services/stubs";
import { isEnded } from "./events";

export interface Limits {
  concurrency: number | null;
  rate: { limit: number; periodMs: number } | null;
}

/** Holders that have been silent this long are checked: a lost release must not leak a slot. */
const HOLDER_CHECK_MS = 60_000;

/**
 * One per workflow (and concurrency key), so a limit holds across the whole network rather
 * than per isolate. Runs over the limit wait in a first-in first-out queue; a slot goes to
 * the head of the queue as soon as one frees (or the rate window allows another start).
 */
export class LimiterObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    void ctx.blockConcurrencyWhile(async () => {
      this.sql.exec(`
        CREATE TABLE IF NOT EXISTS holders (run_id TEXT PRIMARY KEY, since INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS starts (at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS config (k INTEGER PRIMARY KEY CHECK (k = 1), limits TEXT NOT NULL);
      `);
    });
  }

  private limits(): Limits {
    const row = this.sql.exec("SELECT limits FROM config WHERE k = 1").toArray()[0];
    return row ? JSON.parse(row.limits as string) : { concurrency: null, rate: null };
  }

  private isHolder(runId: string): boolean {
    return this.sql.exec("SELECT 1 FROM holders WHERE run_id = ?", runId).toArray().length > 0;
  }

  /** Idempotent: a run that already holds a slot is granted again; a queued run keeps its place. */
  async acquire(runId: string, limits: Limits): Promise<"granted" | "queued"> {
    this.sql.exec("INSERT OR REPLACE INTO config (k, limits) VALUES (1, ?)", JSON.stringify(limits));
    if (this.isHolder(runId)) return "granted";
    this.sql.exec("INSERT OR IGNORE INTO queue (run_id, at) VALUES (?, ?)", runId, Date.now());
    this.grant(runId);
    return this.isHolder(runId) ? "granted" : "queued";
  }

  async release(runId: string): Promise<void> {
    this.sql.exec("DELETE FROM holders WHERE run_id = ?", runId);
    this.sql.exec("DELETE FROM queue WHERE run_id = ?", runId);
    this.grant(null);
  }

  /** Moves runs from the head of the queue to the holders while the limits allow. */
  private grant(caller: string | null): void {
    const { concurrency, rate } = this.limits();
    const now = Date.now();
    if (rate) this.sql.exec("DELETE FROM starts WHERE at <= ?", now - rate.periodMs);
    const granted: string[] = [];
    for (;;) {
      const head = this.sql.exec("SELECT run_id FROM queue ORDER BY seq LIMIT 1").toArray()[0];
      if (!head) break;
      if (concurrency !== null && Number(this.sql.exec("SELECT COUNT(*) AS n FROM holders").one().n) >= concurrency) {
        void this.ensureAlarm(now + HOLDER_CHECK_MS);
        break;
      }
      if (rate) {
        const window = this.sql.exec("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM starts").one();
        if (Number(window.n) >= rate.limit) {
          void this.ensureAlarm(Number(window.oldest) + rate.periodMs);
          break;
        }
        this.sql.exec("INSERT INTO starts (at) VALUES (?)", now);
      }
      const runId = head.run_id as string;
      this.sql.exec("DELETE FROM queue WHERE run_id = ?", runId);
      this.sql.exec("INSERT OR REPLACE INTO holders (run_id, since) VALUES (?, ?)", runId, now);
      granted.push(runId);
    }
    for (const runId of granted) {
      if (runId === caller) continue;
      // A lost notification is harmless: a queued run asks again on its own timer.
      runStub(this.env, runId)
        .slotGranted()
        .catch((error) => console.error(`limiter: telling run ${runId} it may start failed`, error));
    }
  }

  private async ensureAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** Frees slots of holders that ended without releasing, then grants what the limits allow. */
  async alarm(): Promise<void> {
    const stale = this.sql.exec("SELECT run_id FROM holders WHERE since <= ?", Date.now() - HOLDER_CHECK_MS).toArray();
    for (const row of stale) {
      const runId = row.run_id as string;
      const status = await runStub(this.env, runId).status();
      if (status === null || isEnded(status)) this.sql.exec("DELETE FROM holders WHERE run_id = ?", runId);
    }
    this.grant(null);
  }
}
