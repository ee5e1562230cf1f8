import { parseDuration } from "../domain/duration";

/** Step defaults, as in Cloudflare Workflows: 5 attempts, 10 s delay, exponential, 10 min timeout. */
export const STEP_DEFAULTS = {
  maxAttempts: 5,
  delayMs: 10_000,
  backoff: "exponential" as Backoff,
  maxDelayMs: 60 * 60 * 1000,
  timeoutMs: 10 * 60 * 1000,
};

export type Backoff = "constant" | "linear" | "exponential";

export interface RetryPolicy {
  maxAttempts: number;
  delayMs: number;
  backoff: Backoff;
  maxDelayMs: number;
  onStatus: number[];
}

export function retryPolicy(spec?: {
  max_attempts?: number;
  backoff?: Backoff;
  delay?: string | number;
  max_delay?: string | number;
  on_status?: number[];
}): RetryPolicy {
  return {
    maxAttempts: spec?.max_attempts ?? STEP_DEFAULTS.maxAttempts,
    delayMs: parseDuration(spec?.delay) ?? STEP_DEFAULTS.delayMs,
    backoff: spec?.backoff ?? STEP_DEFAULTS.backoff,
    maxDelayMs: parseDuration(spec?.max_delay) ?? STEP_DEFAULTS.maxDelayMs,
    onStatus: spec?.on_status ?? [],
  };
}

/** Delay before attempt `attempt + 1`, after attempt `attempt` (1-based) failed. */
export function retryDelay(attempt: number, policy: RetryPolicy): number {
  const factor = policy.backoff === "constant" ? 1 : policy.backoff === "linear" ? attempt : 2 ** (attempt - 1);
  return Math.min(policy.delayMs * factor, policy.maxDelayMs);
}
