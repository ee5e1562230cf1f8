import type { RunEvent } from "@stepline/client";

export type AttemptOutcome = "running" | "waiting" | "completed" | "failed" | "retrying" | "cancelled" | "interrupted";

export interface Attempt {
  stepId: string;
  attempt: number;
  start: number;
  /** null while the attempt is still open. */
  end: number | null;
  outcome: AttemptOutcome;
}

const CLOSING: Record<string, AttemptOutcome> = {
  "step.completed": "completed",
  "step.failed": "failed",
  "step.retrying": "retrying",
  "step.cancelled": "cancelled",
  "step.interrupted": "interrupted",
};

/**
 * Every attempt of every step, read from the run's event log: a `step.started` opens one, the
 * step's next completed, failed, retrying, cancelled or interrupted event closes it. Outputs
 * reused by a replay have no attempt.
 */
export function attemptsFrom(events: RunEvent[]): Attempt[] {
  const attempts: Attempt[] = [];
  const open = new Map<string, Attempt>();
  for (const event of events) {
    if (!event.step_id) continue;
    const at = Date.parse(event.at);
    if (event.type === "step.started") {
      const data = event.data as { attempt?: number } | null;
      const attempt: Attempt = { stepId: event.step_id, attempt: data?.attempt ?? 1, start: at, end: null, outcome: "running" };
      attempts.push(attempt);
      open.set(event.step_id, attempt);
      continue;
    }
    const current = open.get(event.step_id);
    if (!current) continue;
    if (event.type === "step.waiting") {
      current.outcome = "waiting";
    } else if (event.type in CLOSING) {
      current.end = at;
      current.outcome = CLOSING[event.type];
      open.delete(event.step_id);
    }
  }
  return attempts;
}
