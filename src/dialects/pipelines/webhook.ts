import { runView } from "../../engine/run-view";
import type { WebhookFormat } from "../../engine/webhook-format";
import { toWorkflowPublic } from "./mappers";

const ENDS = new Set(["run.completed", "run.failed", "run.cancelled"]);
const STEP_CHANGES = new Set([
  "step.started",
  "step.completed",
  "step.failed",
  "step.retrying",
  "step.fallback",
  "step.cancelled",
  "step.skipped",
]);

/**
 * The workflow's webhook_url gets WorkflowPublic when the workflow ends; with
 * `suppress_subtask_events: false`, also on every step status change.
 */
export const pipelinesWebhook: WebhookFormat = {
  sends: (event, run) =>
    ENDS.has(event) ||
    (STEP_CHANGES.has(event) && (run.metadata as { suppress_subtask_events?: unknown } | null)?.suppress_subtask_events === false),
  body: (_event, run, steps) => toWorkflowPublic(runView(run, steps), run.definition.steps),
};
