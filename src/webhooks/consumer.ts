import { allowsPrivateNetwork } from "../net/fetch";
import { checkUrl, type UnsafeUrlError } from "../net/ssrf";
import {
  type AttemptRecord,
  type DeliveryRow,
  leaseDueDelivery,
  loadDelivery,
  markDeadLettered,
  type QueueMessage,
  recordAttempt,
  signingSecrets,
} from "../services/webhooks";
import { nextDelayMs, retryAfterMs, retrySchedule } from "./schedule";
import { signatureHeader } from "./sign";

const TIMEOUT_MS = 15_000;
const LEASE_MS = TIMEOUT_MS + 15_000;
/** A message may come up to a second before its attempt is due (delays are whole seconds). */
const EARLY_MS = 1000;
/** Queues cap one delay at 12 hours; longer waits take several hops. */
const MAX_QUEUE_DELAY_S = 12 * 3600;

// A message may arrive up to a second early (see deliverMessage), so rounding is safe.
const delaySeconds = (ms: number) => Math.min(MAX_QUEUE_DELAY_S, Math.max(0, Math.round(ms / 1000)));

/** The webhook queue's consumer: one attempt per due message, every attempt recorded. */
export async function deliverBatch(batch: MessageBatch<QueueMessage>, env: Env): Promise<void> {
  await Promise.all(batch.messages.map((message) => deliverMessage(message, env)));
}

async function deliverMessage(message: Message<QueueMessage>, env: Env): Promise<void> {
  try {
    const { id, mid } = message.body;
    const now = Date.now();
    const row = await leaseDueDelivery(env, id, mid, now, LEASE_MS, EARLY_MS);
    if (!row) {
      // Rarely taken: a message that came early waits for its attempt; any other is acked.
      const current = await loadDelivery(env, id);
      const wait = (current?.nextAttemptAt ?? now) - now;
      if (current?.status === "pending" && current.messageId === mid && wait > EARLY_MS) {
        return message.retry({ delaySeconds: delaySeconds(wait) });
      }
      return message.ack();
    }
    const record = await attempt(env, row);
    await recordAttempt(env, id, record);
    if (record.status === "pending" && record.nextAttemptAt !== null) {
      message.retry({ delaySeconds: delaySeconds(record.nextAttemptAt - Date.now()) });
    } else message.ack();
  } catch (error) {
    // The row is untouched or its lease expires; a redelivery of this message tries again.
    console.error("webhooks: delivery failed unexpectedly", error);
    message.retry({ delaySeconds: 5 });
  }
}

/** One signed POST: 2xx delivers; 410 stops the delivery; anything else is retried on the schedule. */
async function attempt(env: Env, row: DeliveryRow): Promise<AttemptRecord> {
  const attemptNo = row.attemptCount + 1;
  const started = Date.now();
  const finish = (statusCode: number | null, error: string | null, retryable: boolean, retryAfter: number | null = null): AttemptRecord => {
    const at = Date.now();
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      return { attempt: attemptNo, statusCode, error: null, durationMs: at - started, at, status: "delivered", nextAttemptAt: null };
    }
    const scheduled = retryable ? nextDelayMs(attemptNo, retrySchedule(env)) : null;
    const delay = scheduled === null ? null : Math.max(scheduled, retryAfter ?? 0);
    return {
      attempt: attemptNo,
      statusCode,
      error,
      durationMs: at - started,
      at,
      status: delay === null ? "failed" : "pending",
      nextAttemptAt: delay === null ? null : at + delay,
    };
  };
  try {
    checkUrl(row.url, allowsPrivateNetwork(env));
  } catch (error) {
    return finish(null, (error as UnsafeUrlError).message, false);
  }
  const timestamp = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Stepline-Webhooks/1.0",
    "webhook-id": row.id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatureHeader(await signingSecrets(env, row.appId), row.id, timestamp, row.payload),
  };
  let response: Response;
  try {
    response = await fetch(row.url, {
      method: "POST",
      headers,
      body: row.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (error as Error).message;
    return finish(null, reason, true);
  }
  await response.body?.cancel();
  const status = response.status;
  if (status >= 200 && status < 300) return finish(status, null, false);
  if (status === 410) return finish(status, "the receiver answered 410 Gone; this delivery stops", false);
  const note = status >= 300 && status < 400 ? `redirect to ${response.headers.get("location") ?? "?"} not followed` : `answered ${status}`;
  const retryAfter = status === 429 || status === 503 ? retryAfterMs(response.headers.get("retry-after")) : null;
  return finish(status, note, true, retryAfter);
}

/** The dead-letter queue's consumer: the queue gave up, so the delivery is failed (and can be redelivered). */
export async function deadLetterBatch(batch: MessageBatch<QueueMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    await markDeadLettered(env, message.body.id);
    message.ack();
  }
}
