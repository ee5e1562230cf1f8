import { runView } from "../engine/run-view";
import type { RunRecord, StepRecord } from "../engine/store";

/**
 * The body of a webhook is the run in the shape of the surface that started it. Native runs
 * get `{ type, timestamp, data }`; each dialect registers its own formatter.
 */
export type WebhookFormatter = (event: { type: string; at: number }, run: RunRecord, steps: StepRecord[]) => unknown;

const formatters = new Map<string, WebhookFormatter>();

export function registerFormatter(surface: string, formatter: WebhookFormatter): void {
  formatters.set(surface, formatter);
}

const native: WebhookFormatter = (event, run, steps) => {
  const view = runView(run, steps);
  return {
    type: event.type,
    timestamp: new Date(event.at).toISOString(),
    data: { ...view, steps: view.steps.map(({ id, type, status, attempts, error }) => ({ id, type, status, attempts, error })) },
  };
};

registerFormatter("native", native);

export function formatWebhook(event: { type: string; at: number }, run: RunRecord, steps: StepRecord[]): string {
  return JSON.stringify((formatters.get(run.surface) ?? native)(event, run, steps));
}
