import { AppError } from "../domain/errors";
import { Limits } from "../domain/limits";

/** A new claim carries the id of what the request creates; a replay carries the stored answer. */
export type Claim = { kind: "new"; createdId: string } | { kind: "replay"; status: number; body: string };

/**
 * A first request that has not answered after this long died with its server (a crash, a
 * deploy): a retry takes its claim over. What it created keeps its id (see stableId), so
 * taking over never creates a second object.
 */
const ABANDONED_AFTER_MS = 10_000;

/**
 * Idempotency keys, scoped to the app and kept 24 h (docs/runs.md#idempotency-keys): the first request with a key
 * claims it; a repeat with the same request gets the first answer; another request under the
 * same key is a 422; a repeat while the first is still running is a 409.
 */
export async function claimKey(env: Env, appId: string, key: string, requestHash: string): Promise<Claim> {
  const now = Date.now();
  const createdId = await stableId(appId, key, now);
  await env.DB.prepare("DELETE FROM idempotency_keys WHERE app_id = ? AND key = ? AND expires_at <= ?").bind(appId, key, now).run();
  const inserted = await env.DB.prepare(
    `INSERT INTO idempotency_keys (app_id, key, request_hash, resource_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  )
    .bind(appId, key, requestHash, createdId, now, now + Limits.idempotencyTtlMs)
    .run();
  if (inserted.meta.changes === 1) return { kind: "new", createdId };
  const row = await env.DB.prepare(
    "SELECT request_hash, response_status, response_body, created_at FROM idempotency_keys WHERE app_id = ? AND key = ?",
  )
    .bind(appId, key)
    .first<{ request_hash: string; response_status: number | null; response_body: string | null; created_at: number }>();
  if (!row) return claimKey(env, appId, key, requestHash);
  if (row.request_hash !== requestHash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", `Idempotency-Key "${key}" was already used with a different request`);
  }
  if (row.response_status === null) {
    if (now - row.created_at >= ABANDONED_AFTER_MS) return { kind: "new", createdId: await stableId(appId, key, row.created_at) };
    throw new AppError("IDEMPOTENCY_IN_PROGRESS", `A request with Idempotency-Key "${key}" is still in progress; retry shortly`);
  }
  return { kind: "replay", status: row.response_status, body: row.response_body ?? "" };
}

export async function completeKey(env: Env, appId: string, key: string, status: number, body: string): Promise<void> {
  await env.DB.prepare("UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE app_id = ? AND key = ?")
    .bind(status, body, appId, key)
    .run();
}

/** A failed first request releases its key, so the client can retry it. */
export async function releaseKey(env: Env, appId: string, key: string): Promise<void> {
  await env.DB.prepare("DELETE FROM idempotency_keys WHERE app_id = ? AND key = ? AND response_status IS NULL").bind(appId, key).run();
}

/** Drops keys past their 24 hours (the sweeper calls this). */
export async function expireKeys(env: Env, now = Date.now()): Promise<void> {
  await env.DB.prepare("DELETE FROM idempotency_keys WHERE expires_at <= ?").bind(now).run();
}

/**
 * The id of what a keyed request creates: a UUIDv7 whose time is the claim's and whose other
 * bits come from the app and the key, so a retry that takes over an abandoned claim addresses
 * the same object (run objects are created idempotently by id).
 */
export async function stableId(appId: string, key: string, claimedAt: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${appId}\n${key}`)));
  const bytes = new Uint8Array(16);
  const ms = Math.max(0, Math.floor(claimedAt));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  bytes.set(digest.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
