import { allowsPrivateNetwork } from "../net/fetch";
import { checkUrl, type UnsafeUrlError } from "../net/ssrf";
import { nextDelayMs, retryAfterMs, retrySchedule } from "./schedule";
import { type SigningSecrets, signatureHeader } from "./sign";

export const TIMEOUT_MS = 15_000;
/** How long an attempt may hold its delivery before another may be made: its timeout and a margin. */
export const LEASE_MS = TIMEOUT_MS + 15_000;
/** A message may come up to a second before its attempt is due (queue delays are whole seconds). */
export const EARLY_MS = 1000;
/** Why a delivery failed without an attempt: the queue gave up on its message. */
export const DEAD_LETTERED = "the queue gave up on this delivery (dead-lettered)";

/** What an attempt is made of: the delivery as it stands before it. */
export interface AttemptTarget {
  /** The delivery id: the `webhook-id` of every attempt. */
  id: string;
  appId: string;
  url: string;
  payload: string;
  /** This attempt's number, from 1. */
  attempt: number;
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

/** One signed POST: 2xx delivers; 410 stops the delivery; anything else is retried on the schedule. */
export async function attemptDelivery(
  env: Env,
  target: AttemptTarget,
  signingSecrets: (appId: string) => Promise<SigningSecrets>,
): Promise<AttemptRecord> {
  const attemptNo = target.attempt;
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
    checkUrl(target.url, allowsPrivateNetwork(env));
  } catch (error) {
    return finish(null, (error as UnsafeUrlError).message, false);
  }
  const timestamp = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Stepline-Webhooks/1.0",
    "webhook-id": target.id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatureHeader(await signingSecrets(target.appId), target.id, timestamp, target.payload),
  };
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers,
      body: target.payload,
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
