import { AppError } from "../domain/errors";
import { Limits } from "../domain/limits";

export type Claim = { kind: "new" } | { kind: "replay"; status: number; body: string };

/**
 * Idempotency keys, scoped to the app and kept 24 h (DESIGN 10): the first request with a key
 * claims it; a repeat with the same request gets the first answer; another request under the
 * same key is a 422; a repeat while the first is still running is a 409.
 */
export async function claimKey(env: Env, appId: string, key: string, requestHash: string): Promise<Claim> {
  const now = Date.now();
  await env.DB.prepare("DELETE FROM idempotency_keys WHERE app_id = ? AND key = ? AND expires_at <= ?").bind(appId, key, now).run();
  const inserted = await env.DB.prepare(
    "INSERT INTO idempotency_keys (app_id, key, request_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  )
    .bind(appId, key, requestHash, now, now + Limits.idempotencyTtlMs)
    .run();
  if (inserted.meta.changes === 1) return { kind: "new" };
  const row = await env.DB.prepare("SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE app_id = ? AND key = ?")
    .bind(appId, key)
    .first<{ request_hash: string; response_status: number | null; response_body: string | null }>();
  if (!row) return claimKey(env, appId, key, requestHash);
  if (row.request_hash !== requestHash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", `Idempotency-Key "${key}" was already used with a different request`);
  }
  if (row.response_status === null) {
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
