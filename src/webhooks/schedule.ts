/**
 * Delivery timing (Standard Webhooks): attempt at once, then after 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 14 h, 20 h and 24 h, each with jitter; after the last the delivery is `failed`.
 * WEBHOOK_RETRY_SCHEDULE ("0,1,2", seconds) replaces it, for tests and impatient setups.
 */
export const STANDARD_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400];

export function retrySchedule(env: { WEBHOOK_RETRY_SCHEDULE?: string }): number[] {
  const custom = env.WEBHOOK_RETRY_SCHEDULE?.trim();
  if (!custom) return STANDARD_SCHEDULE_SECONDS;
  const parsed = custom.split(",").map((s) => Number(s.trim()));
  return parsed.length > 0 && parsed.every((n) => Number.isFinite(n) && n >= 0) ? parsed : STANDARD_SCHEDULE_SECONDS;
}

/** Milliseconds before attempt `attempt + 1`, or null when `attempt` was the last. */
export function nextDelayMs(attempt: number, schedule: number[], random = Math.random): number | null {
  if (attempt >= schedule.length) return null;
  const base = schedule[attempt] * 1000;
  // ±10% jitter spreads the retries of many deliveries that failed together.
  return Math.round(base * (0.9 + random() * 0.2));
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** How often lost queue messages are looked for (WEBHOOK_SWEEP_SECONDS, 60 s by default). */
export const sweepIntervalMs = (env: { WEBHOOK_SWEEP_SECONDS?: string }): number =>
  Math.max(1, Number(env.WEBHOOK_SWEEP_SECONDS || 60)) * 1000;

/**
 * How long a delivery may be overdue before its queue message counts as lost and is sent again:
 * a message comes back a little late under load, and sending it again early only makes a stale copy.
 */
export const sweepGraceMs = (env: { WEBHOOK_SWEEP_SECONDS?: string }): number => Math.min(30_000, sweepIntervalMs(env));
