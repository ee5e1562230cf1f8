import { and, desc, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { apps, webhookAttempts, webhookDeliveries } from "../db/schema";
import { AppError } from "../domain/errors";
import { page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { IsolateCache } from "../lib/isolate-cache";
import { iso } from "../lib/json";
import { previousSecretExpiry, type SigningSecrets } from "../webhooks/sign";
import { newWebhookSecret } from "./apps";
import { type AuditStamp, auditInsert } from "./audit";
import { database } from "./db";
import { PURGED_PAYLOAD } from "./purge";
import { indexedRun } from "./run-index";

/**
 * Webhook deliveries in D1: the durable outbox. A row is the truth about a delivery; queue
 * messages only trigger attempts, and the sweeper re-sends one when a message was lost.
 */

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export interface QueueMessage {
  id: string;
  /** The message generation: a copy whose id is not the row's message_id is stale. */
  mid: string;
}

export interface NewDelivery {
  id: string;
  appId: string;
  runId: string;
  event: string;
  url: string;
  payload: string;
}

/** Writes the delivery (once: the id comes from the run's own outbox) and queues its first attempt. */
export async function enqueueDelivery(env: Env, delivery: NewDelivery): Promise<void> {
  const now = Date.now();
  const mid = newId();
  const inserted = await env.DB.prepare(
    `INSERT INTO webhook_deliveries (id, app_id, run_id, event, url, payload, status, attempt_count, next_attempt_at, message_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  )
    .bind(delivery.id, delivery.appId, delivery.runId, delivery.event, delivery.url, delivery.payload, now, mid, now, now)
    .run();
  if (inserted.meta.changes === 0) return;
  await sendMessages(env, [{ id: delivery.id, mid }]);
}

/** A lost message is not lost work: the row stays pending and the sweeper sends it again. */
async function sendMessages(env: Env, messages: QueueMessage[]): Promise<void> {
  try {
    if (messages.length === 1) await env.WEBHOOKS.send(messages[0]);
    else if (messages.length > 1) await env.WEBHOOKS.sendBatch(messages.map((body) => ({ body })));
  } catch (error) {
    console.error("webhooks: queueing failed; the sweeper will send these again", error);
  }
  pokeSweeper(env);
}

// The sweeper keeps an alarm while deliveries are pending; telling it once per isolate
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

export async function loadDelivery(env: Env, id: string): Promise<DeliveryRow | undefined> {
  return database(env).select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
}

/**
 * Takes a due delivery for one attempt and reads it, in one statement. Null when the message
 * is stale, another consumer holds the delivery, or its attempt is not due within `earlyMs`.
 */
export async function leaseDueDelivery(env: Env, id: string, mid: string, now: number, leaseMs: number, earlyMs: number) {
  const row = await database(env)
    .update(webhookDeliveries)
    .set({ leaseExpiresAt: now + leaseMs })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.messageId, mid),
        eq(webhookDeliveries.status, "pending"),
        or(isNull(webhookDeliveries.leaseExpiresAt), lt(webhookDeliveries.leaseExpiresAt, now)),
        or(isNull(webhookDeliveries.nextAttemptAt), lte(webhookDeliveries.nextAttemptAt, now + earlyMs)),
      ),
    )
    .returning()
    .get();
  return row ?? null;
}

export interface AttemptRecord {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: number;
  /** The delivery's state after this attempt. */
  status: "pending" | "delivered" | "failed";
  nextAttemptAt: number | null;
}

export async function recordAttempt(env: Env, id: string, record: AttemptRecord): Promise<void> {
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

export async function markDeadLettered(env: Env, id: string): Promise<void> {
  await env.DB.prepare(
    "UPDATE webhook_deliveries SET status = 'failed', last_error = ?, lease_expires_at = NULL, updated_at = ? WHERE id = ? AND status = 'pending'",
  )
    .bind("the queue gave up on this delivery (dead-lettered)", Date.now(), id)
    .run();
}

/**
 * Re-sends deliveries that are due but that no consumer holds and whose message is overdue by
 * more than `graceMs`: a lost message, a restarted local queue, a consumer that died.
 */
export async function sweepDeliveries(env: Env, now: number, graceMs: number): Promise<{ resent: number; pending: boolean }> {
  const due = await env.DB.prepare(
    `SELECT id, message_id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
       AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY next_attempt_at LIMIT 200`,
  )
    .bind(now - graceMs, now)
    .all<{ id: string; message_id: string | null }>();
  const messages: QueueMessage[] = [];
  for (const row of due.results) {
    const mid = newId();
    const claimed = await env.DB.prepare("UPDATE webhook_deliveries SET message_id = ? WHERE id = ? AND message_id IS ?")
      .bind(mid, row.id, row.message_id)
      .run();
    if (claimed.meta.changes === 1) messages.push({ id: row.id, mid });
  }
  if (messages.length > 0) await sendMessages(env, messages);
  const pending = await env.DB.prepare("SELECT 1 FROM webhook_deliveries WHERE status = 'pending' LIMIT 1").first();
  return { resent: messages.length, pending: pending !== null };
}

// ---- the API's view ---------------------------------------------------------------------

function deliveryView(row: DeliveryRow) {
  return {
    id: row.id,
    run_id: row.runId,
    event: row.event,
    url: row.url,
    status: row.status as "pending" | "delivered" | "failed",
    attempt_count: row.attemptCount,
    next_attempt_at: row.status === "pending" ? iso(row.nextAttemptAt) : null,
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    delivered_at: iso(row.deliveredAt),
  };
}

function deliveryNotFound(id: string) {
  return new AppError("NOT_FOUND", `delivery ${id} was not found`);
}

export async function listRunDeliveries(env: Env, appId: string, runId: string, limit: number, after: string | null) {
  const owned = isId(runId) && (await indexedRun(env, appId, runId)) !== null;
  if (!owned) throw new AppError("RUN_NOT_FOUND", `run ${runId} was not found`);
  const rows = await database(env)
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.runId, runId), eq(webhookDeliveries.appId, appId), after ? lt(webhookDeliveries.id, after) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1);
  return page(rows.map(deliveryView), limit);
}

export async function getDelivery(env: Env, appId: string, id: string) {
  if (!isId(id)) throw deliveryNotFound(id);
  const db = database(env);
  const row = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.appId, appId)))
    .get();
  if (!row) throw deliveryNotFound(id);
  const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id)).orderBy(webhookAttempts.attempt);
  return {
    ...deliveryView(row),
    payload: JSON.parse(row.payload),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      status_code: a.statusCode,
      error: a.error,
      duration_ms: a.durationMs,
      at: iso(a.at),
    })),
  };
}

/** Sends a delivery again now, whatever its state; its attempts so far stay on record. */
export async function redeliver(env: Env, appId: string, id: string) {
  const delivery = await getDelivery(env, appId, id);
  if (delivery.payload === null) {
    throw new AppError("RUN_PURGED", `run ${delivery.run_id} was purged; delivery ${id} has nothing left to send`);
  }
  const now = Date.now();
  const mid = newId();
  await database(env)
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: now, leaseExpiresAt: null, messageId: mid, updatedAt: now, deliveredAt: null })
    .where(eq(webhookDeliveries.id, id));
  await sendMessages(env, [{ id, mid }]);
  return getDelivery(env, appId, id);
}

// ---- signing secrets --------------------------------------------------------------------------

// Deliveries for one app reuse one read of its secrets (kept 30 s per isolate).
const secretCache = new IsolateCache<SigningSecrets>(30_000);

export function signingSecrets(env: Env, appId: string): Promise<SigningSecrets> {
  return secretCache.get(appId, () => readSigningSecrets(env, appId));
}

async function readSigningSecrets(env: Env, appId: string): Promise<SigningSecrets> {
  const row = await database(env).select().from(apps).where(eq(apps.id, appId)).get();
  if (!row) throw new AppError("NOT_FOUND", `app ${appId} was not found`);
  return { current: row.webhookSecret, previous: row.previousWebhookSecret, rotatedAt: row.webhookSecretRotatedAt };
}

function secretView(secrets: SigningSecrets) {
  const expires = previousSecretExpiry(secrets.rotatedAt);
  const overlap = expires !== null && expires > Date.now();
  return {
    secret: secrets.current,
    previous_secret: overlap ? secrets.previous : null,
    previous_secret_expires_at: overlap ? iso(expires) : null,
    rotated_at: iso(secrets.rotatedAt),
  };
}

export async function getWebhookSecret(env: Env, appId: string) {
  secretCache.forget(appId);
  return secretView(await signingSecrets(env, appId));
}

/** A new secret; the old one keeps signing beside it for 24 hours. */
export async function rotateWebhookSecret(env: Env, stamp: AuditStamp) {
  const { appId } = stamp;
  const current = await signingSecrets(env, appId);
  const now = Date.now();
  const secrets = { current: newWebhookSecret(), previous: current.current, rotatedAt: now };
  const db = database(env);
  await db.batch([
    db
      .update(apps)
      .set({ webhookSecret: secrets.current, previousWebhookSecret: secrets.previous, webhookSecretRotatedAt: now })
      .where(eq(apps.id, appId)),
    auditInsert(env, stamp, { action: "webhook_secret.rotated", resource: { type: "app", id: appId }, changes: ["webhook_secret"] }, now),
  ]);
  secretCache.forget(appId);
  secretCache.set(appId, secrets);
  return secretView(secrets);
}
