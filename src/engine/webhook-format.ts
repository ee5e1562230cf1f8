import type { RunRecord, StepRecord } from "./store";

/**
 * The webhook of a run speaks the surface that started it (docs/dialects/README.md#rules-for-every-dialect): which events are
 * sent and the body of each. Native runs get `{ type, timestamp, data }`.
 */
export interface WebhookFormat {
  /** Whether this event of the run is delivered to its webhook; `data` is the event's data as JSON. */
  sends(event: string, run: RunRecord, data: string | null): boolean;
  body(event: { type: string; at: number }, run: RunRecord, steps: StepRecord[]): unknown;
}
