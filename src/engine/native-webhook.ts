import { runView } from "./run-view";
import type { WebhookFormat } from "./webhook-format";

const RUN_EVENTS = new Set(["run.completed", "run.failed", "run.cancelled", "run.waiting"]);

/** Native runs' webhooks: `{ type, timestamp, data }`, for the run's end and waits (and its steps when asked). */
export const nativeWebhook: WebhookFormat = {
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
