import { runView } from "../../engine/run-view";
import type { WebhookFormat } from "../../engine/webhook-format";
import { toExecution } from "./mappers";

const CHANGES = new Set(["run.started", "run.completed", "run.failed", "run.cancelled"]);

/** A resume changes the Data Flow status unless it continues a paused run (RUNNING either way). */
const resumedFromPause = (data: string | null) => data !== null && (JSON.parse(data) as { from?: string } | null)?.from === "paused";

/** Data Flow POSTs the execution object on every change of its status: RUNNING, then the final one. */
export const dataflowWebhook: WebhookFormat = {
  sends: (event, _run, data) => CHANGES.has(event) || (event === "run.resumed" && !resumedFromPause(data)),
  body: (_event, run, steps) => toExecution(runView(run, steps)),
};
