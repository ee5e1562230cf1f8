import { runView } from "../../engine/run-view";
import type { WebhookFormat } from "../../engine/webhook-format";
import { SNAPSHOT_OPTION, toAppsRun, type WorkflowSnapshot } from "./mappers";

const ENDS = new Set(["run.completed", "run.failed", "run.cancelled"]);

/**
 * The run object, once, when the run ends (the platform has no waiting status to report). The
 * workflow's facts come from what the run kept when it started here: the body is made inside
 * the run's object, without a lookup.
 */
export const appsWebhook: WebhookFormat = {
  sends: (event) => ENDS.has(event),
  body: (_event, run, steps) => {
    const snapshot = run.options[SNAPSHOT_OPTION] as WorkflowSnapshot | undefined;
    const workflow = snapshot?.workflow ?? { app_id: run.appId, id: run.workflowId, name: run.workflowId, description: null };
    const version = { ...run.definition, version: run.version, created_at: snapshot?.version_created_at ?? null };
    return toAppsRun(runView(run, steps), run.appId, workflow, version);
  },
};
