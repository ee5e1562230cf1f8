// The statuses are domain vocabulary (the runs index filters on them too); the engine's modules take them from here.
export { isEnded, type RunStatus, type StepStatus } from "../domain/run-status";

/**
 * The run's event log. Kinds are stored as numbers that are never reused or renumbered;
 * the API shows their names. Add new kinds at the end.
 */
export const EventKind = {
  "run.created": 1,
  "run.queued": 2,
  "run.started": 3,
  "run.waiting": 4,
  "run.running": 5,
  "run.paused": 6,
  "run.resumed": 7,
  "run.completed": 8,
  "run.failed": 9,
  "run.cancelled": 10,
  "step.started": 11,
  "step.completed": 12,
  "step.failed": 13,
  "step.retrying": 14,
  "step.skipped": 15,
  "step.waiting": 16,
  "step.cancelled": 17,
  "step.interrupted": 18,
  "step.fallback": 19,
  "event.received": 20,
  "run.retention_changed": 21,
  "child.started": 22,
  "callback.received": 23,
  "run.updated": 24,
  "task.submitted": 25,
  "run.outputs_purged": 26,
} as const;

export type EventName = keyof typeof EventKind;

const NAMES = new Map<number, EventName>(Object.entries(EventKind).map(([name, kind]) => [kind, name as EventName]));

export const eventName = (kind: number): string => NAMES.get(kind) ?? `unknown.${kind}`;

export function parseEventName(name: string): number | null {
  return (EventKind as Record<string, number>)[name] ?? null;
}

export interface RunEvent {
  seq: number;
  type: EventName;
  at: string;
  step_id: string | null;
  data: unknown;
}

/** An event as stored: its data stays serialised until someone reads it. */
export interface LoggedEvent {
  seq: number;
  type: string;
  at: number;
  stepId: string | null;
  dataJson: string | null;
}

/** The API's JSON for an event, built without parsing its data again. */
export function eventJson(e: LoggedEvent): string {
  const step = e.stepId === null ? "null" : JSON.stringify(e.stepId);
  return `{"seq":${e.seq},"type":"${e.type}","at":"${new Date(e.at).toISOString()}","step_id":${step},"data":${e.dataJson ?? "null"}}`;
}

export function toRunEvent(e: LoggedEvent): RunEvent {
  return {
    seq: e.seq,
    type: e.type as EventName,
    at: new Date(e.at).toISOString(),
    step_id: e.stepId,
    data: e.dataJson === null ? null : JSON.parse(e.dataJson),
  };
}
