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
 * step's next completed, failed, retrying, cancelled or interrupted event closes it; a pure
 * step's single event is a whole attempt. Outputs reused by a replay have no attempt.
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
    if (current && event.type === "step.waiting") {
      current.outcome = "waiting";
    } else if (current && event.type in CLOSING) {
      current.end = at;
      current.outcome = CLOSING[event.type];
      open.delete(event.step_id);
    } else if (!current && event.type in CLOSING) {
      // A pure step (transform, note, ...) logs no start: its one event carries its duration.
      const data = (event.data ?? {}) as { attempt?: number; duration_ms?: number; reused_from?: string };
      if (data.reused_from !== undefined) continue;
      const start = at - (data.duration_ms ?? 0);
      attempts.push({ stepId: event.step_id, attempt: data.attempt ?? 1, start, end: at, outcome: CLOSING[event.type] });
    }
  }
  return attempts;
}
