import type { RunEvent } from "../../engine/events";
import { runView } from "../../engine/run-view";
import type { WebhookFormat } from "../../engine/webhook-format";
import { eventLog, toExecution } from "./mappers";

const SENT = new Set(["run.waiting", "run.completed", "run.failed", "run.cancelled"]);

/**
 * Looply documents no webhooks; an execution started through the dialect POSTs the execution
 * item when it reaches a wait state and when it ends, so a client learns when to resume it.
 * The log holds the event that caused the delivery (the run's object has no workflow name).
 */
export const looplyWebhook: WebhookFormat = {
  sends: (event) => SENT.has(event),
  body: (event, run, steps) => {
    const log = eventLog(
      [{ seq: 0, type: event.type as RunEvent["type"], at: new Date(event.at).toISOString(), step_id: null, data: null }],
      true,
    );
    return { event: event.type, item: toExecution(runView(run, steps), run.appId, log, { name: null, definition: run.definition }) };
  },
};
