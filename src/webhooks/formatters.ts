import { appsWebhook } from "../dialects/apps/webhook";
import { dataflowWebhook } from "../dialects/dataflow/webhook";
import { leapWebhook } from "../dialects/leap/webhook";
import { looplyWebhook } from "../dialects/looply/webhook";
import { pipelinesWebhook } from "../dialects/pipelines/webhook";
import { runView } from "../engine/run-view";
import type { RunRecord, StepRecord } from "../engine/store";

/**
 * The webhook of a run speaks the surface that started it (docs/dialects/README.md#rules-for-every-dialect): which events are
 * sent and the body of each. Native runs get `{ type, timestamp, data }`.
 */
export interface WebhookFormat {
  /** Whether this event of the run is delivered to its webhook; `data` is the event's data as JSON. */
  sends(event: string, run: RunRecord, data: string | null): boolean;
  body(event: { type: string; at: number }, run: RunRecord, steps: StepRecord[]): unknown;
}

const RUN_EVENTS = new Set(["run.completed", "run.failed", "run.cancelled", "run.waiting"]);

const native: WebhookFormat = {
  sends: (event, run) => RUN_EVENTS.has(event) || (event.startsWith("step.") && run.options.step_webhooks === true),
  body: (event, run, steps) => {
    const view = runView(run, steps);
    return {
      type: event.type,
      timestamp: new Date(event.at).toISOString(),
      data: { ...view, steps: view.steps.map(({ id, type, status, attempts, error }) => ({ id, type, status, attempts, error })) },
    };
  },
};

const FORMATS: Record<string, WebhookFormat> = {
  native,
  leap: leapWebhook,
  apps: appsWebhook,
  dataflow: dataflowWebhook,
  looply: looplyWebhook,
  pipelines: pipelinesWebhook,
};

export const webhookFormat = (surface: string): WebhookFormat => FORMATS[surface] ?? native;
