/**
 * Copies of a run's data that live in D1, outside the run's own object. Purging a run (by
 * request or by its retention) clears them here; the object clears its own storage. What stays
 * is what a purged run is answered with: its id, status, times and error code in the runs index.
 */

/** What a delivery's body becomes once its run is purged (the column is NOT NULL). */
export const PURGED_PAYLOAD = "null";

const PURGED_ANSWER = (runId: string) =>
  JSON.stringify({ error: { code: "RUN_PURGED", message: `run ${runId} was purged`, request_id: null } });

/**
 * - webhook deliveries: the body (the run with its input and output) is dropped, and one not yet
 *   delivered stops, since there is nothing left to send;
 * - idempotency keys: the stored answer of the request that created the run becomes a 410, so a
 *   retry with that key neither shows the run nor creates another.
 * Idempotent, so the object can repeat it until it succeeds.
 */
export async function purgeRunCopies(env: Env, appId: string, runId: string): Promise<void> {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      `UPDATE webhook_deliveries SET payload = ?, updated_at = ?,
         status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
         last_error = CASE WHEN status = 'pending' THEN 'the run was purged before this delivery was made' ELSE last_error END,
         next_attempt_at = NULL, lease_expires_at = NULL
       WHERE run_id = ? AND app_id = ? AND payload <> ?`,
    ).bind(PURGED_PAYLOAD, now, runId, appId, PURGED_PAYLOAD),
    env.DB.prepare(
      "UPDATE idempotency_keys SET response_status = 410, response_body = ? WHERE resource_id = ? AND app_id = ? AND response_status IS NOT NULL",
    ).bind(PURGED_ANSWER(runId), runId, appId),
  ]);
}
