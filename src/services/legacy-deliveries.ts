import { and, desc, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { webhookAttempts, webhookDeliveries } from "../db/schema";
import { AppError } from "../domain/errors";
import { newId } from "../lib/ids";
import { type AttemptRecord, attemptDelivery, DEAD_LETTERED, EARLY_MS, LEASE_MS } from "../webhooks/attempt";
import { type DeliveryFacts, type DeliveryStatus, deliveryDetailView, deliveryView } from "../webhooks/delivery-view";
import { database } from "./db";
import { PURGED_PAYLOAD } from "./purge";
import { signingSecrets } from "./signing-secrets";

/**
 * Only for deliveries made before deliveries were kept by their run's object: those rows live
 * in D1 (`webhook_deliveries`, `webhook_attempts`), their queue messages are `{ id, mid }`
 * without a run, and their ids are bare UUIDs. Nothing new is written here; this finishes what
 * was in flight during an upgrade and keeps those deliveries readable and redeliverable.
 */

type LegacyRow = typeof webhookDeliveries.$inferSelect;

export interface LegacyMessage {
  id: string;
  /** The message generation: a copy whose id is not the row's message_id is stale. */
  mid: string;
}

export const isLegacyMessage = (body: object): body is LegacyMessage => !("run" in body);

async function sendLegacyMessages(env: Env, messages: LegacyMessage[]): Promise<void> {
  try {
    if (messages.length === 1) await env.WEBHOOKS.send(messages[0]);
    else if (messages.length > 1) await env.WEBHOOKS.sendBatch(messages.map((body) => ({ body })));
  } catch (error) {
    console.error("webhooks: queueing failed; the sweeper will send these again", error);
  }
  pokeSweeper(env);
}

// The sweeper keeps an alarm while D1 deliveries are pending; telling it once per isolate
// every half minute is enough to make sure that alarm exists.
let lastPoke = 0;
function pokeSweeper(env: Env): void {
  const now = Date.now();
  if (now - lastPoke < 30_000) return;
  lastPoke = now;
  env.SWEEPER.get(env.SWEEPER.idFromName("webhooks"))
    .poke()
    .catch((error) => {
      lastPoke = 0;
      console.error("webhooks: waking the sweeper failed", error);
    });
}

const loadRow = (env: Env, id: string): Promise<LegacyRow | undefined> =>
  database(env).select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();

export async function legacyDeliveryExists(env: Env, id: string): Promise<boolean> {
  return (await env.DB.prepare("SELECT 1 FROM webhook_deliveries WHERE id = ?").bind(id).first()) !== null;
}

/**
 * One attempt for a due message, every attempt recorded: ms until the message should come
 * back, or null to ack it. The lease and the read are one statement; a message that is stale,
 * held by another consumer or not yet due leases nothing.
 */
export async function deliverLegacyMessage(env: Env, { id, mid }: LegacyMessage): Promise<number | null> {
  const now = Date.now();
  const row = await database(env)
    .update(webhookDeliveries)
    .set({ leaseExpiresAt: now + LEASE_MS })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.messageId, mid),
        eq(webhookDeliveries.status, "pending"),
        or(isNull(webhookDeliveries.leaseExpiresAt), lt(webhookDeliveries.leaseExpiresAt, now)),
        or(isNull(webhookDeliveries.nextAttemptAt), lte(webhookDeliveries.nextAttemptAt, now + EARLY_MS)),
      ),
    )
    .returning()
    .get();
  if (!row) {
    // Rarely taken: a message that came early waits for its attempt; any other is acked.
    const current = await loadRow(env, id);
    const wait = (current?.nextAttemptAt ?? now) - now;
    return current?.status === "pending" && current.messageId === mid && wait > EARLY_MS ? wait : null;
  }
  const record = await attemptDelivery(
    env,
    { id, appId: row.appId, url: row.url, payload: row.payload, attempt: row.attemptCount + 1 },
    (appId) => signingSecrets(env, appId),
  );
  await recordAttempt(env, id, record);
  return record.status === "pending" && record.nextAttemptAt !== null ? record.nextAttemptAt - Date.now() : null;
}

async function recordAttempt(env: Env, id: string, record: AttemptRecord): Promise<void> {
  const db = database(env);
  await db.batch([
    db.insert(webhookAttempts).values({
      deliveryId: id,
      attempt: record.attempt,
      statusCode: record.statusCode,
      error: record.error,
      durationMs: record.durationMs,
      at: record.at,
    }),
    db
      .update(webhookDeliveries)
      .set({
        status: record.status,
        attemptCount: record.attempt,
        nextAttemptAt: record.nextAttemptAt,
        leaseExpiresAt: null,
        lastStatusCode: record.statusCode,
        lastError: record.error,
        updatedAt: record.at,
        deliveredAt: record.status === "delivered" ? record.at : null,
      })
      // An attempt that was in flight when its run was purged must not make it pending again.
      .where(and(eq(webhookDeliveries.id, id), ne(webhookDeliveries.payload, PURGED_PAYLOAD))),
  ]);
}

export async function markLegacyDeadLettered(env: Env, id: string): Promise<void> {
  await env.DB.prepare(
    "UPDATE webhook_deliveries SET status = 'failed', last_error = ?, lease_expires_at = NULL, updated_at = ? WHERE id = ? AND status = 'pending'",
  )
    .bind(DEAD_LETTERED, Date.now(), id)
    .run();
}

/**
 * Re-sends D1 deliveries that are due but that no consumer holds and whose message is overdue
 * by more than `graceMs`: a lost message, a restarted local queue, a consumer that died.
 */
export async function sweepLegacyDeliveries(env: Env, now: number, graceMs: number): Promise<{ resent: number; pending: boolean }> {
  const due = await env.DB.prepare(
    `SELECT id, message_id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
       AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY next_attempt_at LIMIT 200`,
  )
    .bind(now - graceMs, now)
    .all<{ id: string; message_id: string | null }>();
  const messages: LegacyMessage[] = [];
  for (const row of due.results) {
    const mid = newId();
    const claimed = await env.DB.prepare("UPDATE webhook_deliveries SET message_id = ? WHERE id = ? AND message_id IS ?")
      .bind(mid, row.id, row.message_id)
      .run();
    if (claimed.meta.changes === 1) messages.push({ id: row.id, mid });
  }
  if (messages.length > 0) await sendLegacyMessages(env, messages);
  const pending = await env.DB.prepare("SELECT 1 FROM webhook_deliveries WHERE status = 'pending' LIMIT 1").first();
  return { resent: messages.length, pending: pending !== null };
}

// ---- the API's view ---------------------------------------------------------------------

const facts = (row: LegacyRow): DeliveryFacts => ({ ...row, status: row.status as DeliveryStatus });

/** A run's D1 deliveries, newest first, after the delivery id `after` when given. */
export async function legacyRunDeliveries(env: Env, appId: string, runId: string, limit: number, after: string | null) {
  const rows = await database(env)
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.runId, runId), eq(webhookDeliveries.appId, appId), after ? lt(webhookDeliveries.id, after) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((row) => deliveryView(facts(row)));
}

export async function getLegacyDelivery(env: Env, appId: string, id: string) {
  const db = database(env);
  const row = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.appId, appId)))
    .get();
  if (!row) throw new AppError("NOT_FOUND", `delivery ${id} was not found`);
  const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id)).orderBy(webhookAttempts.attempt);
  return deliveryDetailView(facts(row), row.payload, attempts);
}

export async function redeliverLegacy(env: Env, appId: string, id: string) {
  const delivery = await getLegacyDelivery(env, appId, id);
  if (delivery.payload === null) {
    throw new AppError("RUN_PURGED", `run ${delivery.run_id} was purged; delivery ${id} has nothing left to send`);
  }
  const now = Date.now();
  const mid = newId();
  await database(env)
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: now, leaseExpiresAt: null, messageId: mid, updatedAt: now, deliveredAt: null })
    .where(eq(webhookDeliveries.id, id));
  await sendLegacyMessages(env, [{ id, mid }]);
  return getLegacyDelivery(env, appId, id);
}
