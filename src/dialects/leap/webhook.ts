import { runView } from "../../engine/run-view";
import type { WebhookFormat } from "../../engine/webhook-format";
import { toLeapRun } from "./mappers";

const ENDS = new Set(["run.completed", "run.failed", "run.cancelled"]);

/** Leap POSTs the run object once, when the run completes or fails; never for waits. */
export const leapWebhook: WebhookFormat = {
  sends: (event) => ENDS.has(event),
  body: (_event, run, steps) => toLeapRun(runView(run, steps)),
};
