import { eq } from "drizzle-orm";
import { apps } from "../db/schema";
import { AppError, type Result, unwrap } from "../domain/errors";
import type { DeliveryMessage } from "../engine/port";
import { page } from "../lib/cursor";
import { iso } from "../lib/json";
import { parseDeliveryId } from "../webhooks/delivery-id";
import type { DeliveryDetail, DeliveryView } from "../webhooks/delivery-view";
import { previousSecretExpiry, type SigningSecrets } from "../webhooks/sign";
import { newWebhookSecret } from "./apps";
import { type AuditStamp, auditInsert } from "./audit";
import { database } from "./db";
import { getLegacyDelivery, legacyRunDeliveries, redeliverLegacy } from "./legacy-deliveries";
import { tombstoneError } from "./run-index";
import { stubFor, unwrapRun } from "./runs";
import { forgetSigningSecrets, keepSigningSecrets, signingSecrets } from "./signing-secrets";
import { runStub } from "./stubs";

/**
 * Webhook deliveries are kept by their run's object, with their attempts (engine/deliveries.ts):
 * the row is the truth, and a queue message only triggers the object's next attempt. Deliveries
 * made before that live in D1 (legacy-deliveries.ts).
 */

/** Throws when the queue does not take them; the run object's alarm sends them again. */
export async function queueDeliveries(env: Env, messages: DeliveryMessage[]): Promise<void> {
  if (messages.length === 1) await env.WEBHOOKS.send(messages[0]);
  else if (messages.length > 1) await env.WEBHOOKS.sendBatch(messages.map((body) => ({ body })));
}

/** The sequence of a message's delivery in its run; null for a message that names another run. */
function messageSeq(message: DeliveryMessage): number | null {
  const parsed = parseDeliveryId(message.id);
  return parsed?.kind === "run" && parsed.runId === message.run ? parsed.seq : null;
}

/** The queue brought a message: the run's object makes the attempt. Answers ms until it should come back, or null to ack it. */
export async function deliverWebhook(env: Env, message: DeliveryMessage): Promise<number | null> {
  const seq = messageSeq(message);
  return seq === null ? null : runStub(env, message.run).deliverWebhook(seq, message.mid);
}

/** The queue gave up on a message: its delivery, if the message was still its latest, is failed (and can be redelivered). */
export async function deliveryDeadLettered(env: Env, message: DeliveryMessage): Promise<void> {
  const seq = messageSeq(message);
  if (seq !== null) await runStub(env, message.run).webhookDeadLettered(seq, message.mid);
}

// ---- the API's view ---------------------------------------------------------------------

function deliveryNotFound(id: string) {
  return new AppError("NOT_FOUND", `delivery ${id} was not found`);
}

/**
 * A delivery route's answer from the run object: a run that is not there (or not the app's) is a
 * delivery that is not, but for a purged run's, which answer 410 while its tombstone lasts.
 */
async function unwrapDelivery<T>(env: Env, appId: string, runId: string, id: string, answer: Result<T>): Promise<T> {
  if (!answer.ok && answer.error.code === "RUN_NOT_FOUND") throw (await tombstoneError(env, appId, runId)) ?? deliveryNotFound(id);
  return unwrap(answer);
}

/** Newest first. Deliveries made before they were kept by the run (D1) follow the run's own. */
export async function listRunDeliveries(env: Env, appId: string, runId: string, limit: number, after: string | null) {
  const cursor = after === null ? null : parseDeliveryId(after);
  const legacyCursor = cursor?.kind === "legacy" ? cursor.id : null;
  const before = cursor?.kind === "run" && cursor.runId === runId ? cursor.seq : null;
  // Past the run's own deliveries (a D1 cursor), the object is asked only whether the run is the app's.
  const rows = await unwrapRun<DeliveryView[]>(
    env,
    appId,
    runId,
    await stubFor(env, runId).listDeliveries(appId, before, legacyCursor ? 0 : limit + 1),
  );
  if (rows.length <= limit) rows.push(...(await legacyRunDeliveries(env, appId, runId, limit + 1 - rows.length, legacyCursor)));
  return page(rows, limit);
}

export async function getDelivery(env: Env, appId: string, id: string): Promise<DeliveryDetail> {
  const parsed = parseDeliveryId(id);
  if (!parsed) throw deliveryNotFound(id);
  if (parsed.kind === "legacy") return getLegacyDelivery(env, appId, id);
  return unwrapDelivery(env, appId, parsed.runId, id, await runStub(env, parsed.runId).getDelivery(appId, parsed.seq));
}

/** Sends a delivery again now, whatever its state; its attempts so far stay on record. */
export async function redeliver(env: Env, appId: string, id: string): Promise<DeliveryDetail> {
  const parsed = parseDeliveryId(id);
  if (!parsed) throw deliveryNotFound(id);
  if (parsed.kind === "legacy") return redeliverLegacy(env, appId, id);
  return unwrapDelivery(env, appId, parsed.runId, id, await runStub(env, parsed.runId).redeliverWebhook(appId, parsed.seq));
}

// ---- signing secrets --------------------------------------------------------------------------

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
  forgetSigningSecrets(appId);
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
  keepSigningSecrets(appId, secrets);
  return secretView(secrets);
}
