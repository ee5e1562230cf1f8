import { auditStamp } from "../../api/middleware/auth";
import { afterCursor } from "../../api/paging";
import { json, jsonBody, listOf, optionalJsonBody, route } from "../../api/schemas";
import { AppError } from "../../domain/errors";
import { getRun, listRuns, replayRun, setRunRetention, startRunOf } from "../../services/runs";
import { assertWorkflowVisible } from "../../services/workflows";
import type { Dialect } from "../kit";
import { DIALECT_SCHEMES } from "../route";
import { nativeStatuses, purgedRunFacts, type RunFacts, toAppsRun } from "./mappers";
import { AppsRun, RetentionRequest, RunListQuery, RunParams, RunRequest, WorkflowParams } from "./schemas";
import { appsRunOf, cancelRunOfWorkflow, describeRun, describeRuns, ownWorkflowForRun, runOfWorkflow, snapshotOptions } from "./sources";

const tags = ["Workflows"];
const BASE = "/apps/{app_id}/workflows/{workflow_id}/runs";

const list = route(
  {
    method: "get",
    path: BASE,
    operationId: "getWorkflowRuns",
    tags,
    summary: "Get Workflow Runs",
    description:
      "The caller's runs of the workflow (its own, or a discoverable one it ran), newest first. " +
      "`status` filters by one status; a run whose data was purged is listed with that data null.",
    request: { params: WorkflowParams, query: RunListQuery },
    responses: { 200: json(listOf(AppsRun, "AppsWorkflowRunList"), "A page of runs") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

const run = route(
  {
    method: "post",
    path: BASE,
    operationId: "runWorkflow",
    tags,
    summary: "Run a Workflow",
    description: "Starts a run of the current version (or `version`) and answers at once. Send `Idempotency-Key` to make a retry safe.",
    request: { params: WorkflowParams, body: optionalJsonBody(RunRequest) },
    responses: { 200: json(AppsRun, "The new run") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, idempotent: true, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND", "INPUT_INVALID"] },
);

const get = route(
  {
    method: "get",
    path: `${BASE}/{run_id}`,
    operationId: "getWorkflowRun",
    tags,
    summary: "Get a Workflow Run",
    request: { params: RunParams },
    responses: { 200: json(AppsRun, "The run") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "RUN_NOT_FOUND", "RUN_PURGED"] },
);

const replay = route(
  {
    method: "post",
    path: `${BASE}/{run_id}/replay`,
    operationId: "replayWorkflowRun",
    tags,
    summary: "Replay a Workflow Run",
    description: "Starts a new run of the same version with the same input; the run replayed is not changed.",
    request: { params: RunParams },
    responses: { 200: json(AppsRun, "The new run") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, idempotent: true, errors: ["NOT_FOUND", "RUN_NOT_FOUND", "RUN_PURGED"] },
);

const cancel = route(
  {
    method: "post",
    path: `${BASE}/{run_id}/cancel`,
    operationId: "cancelWorkflowRun",
    tags,
    summary: "Cancel a Workflow Run",
    description: "Calls in flight are aborted and no step starts afterwards. A run that has ended is a 409.",
    request: { params: RunParams },
    responses: { 200: json(AppsRun, "The cancelled run") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "RUN_NOT_FOUND", "RUN_PURGED", "RUN_ALREADY_FINISHED"] },
);

const retention = route(
  {
    method: "patch",
    path: `${BASE}/{run_id}/retention`,
    operationId: "updateRunRetention",
    tags,
    summary: "Update Run Data Retention Configuration",
    description:
      "How long the run's input, outputs and logs are kept after it ends. Answers the run with the new `retention_due_at` " +
      "(null until the run ends).",
    request: { params: RunParams, body: jsonBody(RetentionRequest) },
    responses: { 200: json(AppsRun, "The run") },
  },
  { scope: "write", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "RUN_NOT_FOUND", "RUN_PURGED"] },
);

/** docs/dialects/apps.md#endpoints: a workflow's runs (list, run, get, replay, cancel, retention). */
export function registerRunRoutes({ app }: Dialect) {
  app.openapi(list, async (c) => {
    const appId = c.get("appId");
    const { workflow_id } = c.req.valid("param");
    const q = c.req.valid("query");
    await assertWorkflowVisible(c.env, appId, workflow_id);
    const page = await listRuns(c.env, appId, {
      workflowId: workflow_id,
      status: q.status && nativeStatuses(q.status),
      limit: q.limit,
      after: afterCursor(q.cursor),
    });
    const describe = describeRuns(c.env);
    const data = await Promise.all(
      page.data.map(async (row) => {
        const facts: RunFacts = await getRun(c.env, appId, row.id).catch((error) => {
          if (error instanceof AppError && error.code === "RUN_PURGED") return purgedRunFacts(row);
          throw error;
        });
        const { workflow, version } = await describe(facts);
        return toAppsRun(facts, appId, workflow, version);
      }),
    );
    return c.json({ data, next_cursor: page.next_cursor }, 200);
  });

  app.openapi(run, async (c) => {
    const appId = c.get("appId");
    const body = c.req.valid("json") ?? {};
    const { loaded, described } = await ownWorkflowForRun(c.env, appId, c.req.valid("param").workflow_id, body.version);
    const started = await startRunOf(c.env, appId, loaded, {
      id: c.get("createdId"),
      input: body.input,
      surface: "apps",
      options: snapshotOptions(described),
    });
    return c.json(toAppsRun(started, appId, described.workflow, described.version), 200);
  });

  app.openapi(get, async (c) => {
    const appId = c.get("appId");
    const { workflow_id, run_id } = c.req.valid("param");
    return c.json(await appsRunOf(c.env, appId, await runOfWorkflow(c.env, appId, workflow_id, run_id)), 200);
  });

  app.openapi(replay, async (c) => {
    const appId = c.get("appId");
    const { workflow_id, run_id } = c.req.valid("param");
    const original = await runOfWorkflow(c.env, appId, workflow_id, run_id);
    const [started, { workflow, version }] = await Promise.all([
      replayRun(c.env, appId, run_id, {}, c.get("createdId")),
      describeRun(c.env, original),
    ]);
    return c.json(toAppsRun(started, appId, workflow, version), 200);
  });

  app.openapi(cancel, async (c) => {
    const appId = c.get("appId");
    const { workflow_id, run_id } = c.req.valid("param");
    return c.json(await appsRunOf(c.env, appId, await cancelRunOfWorkflow(c.env, appId, workflow_id, run_id)), 200);
  });

  app.openapi(retention, async (c) => {
    const appId = c.get("appId");
    const { workflow_id, run_id } = c.req.valid("param");
    const body = c.req.valid("json");
    await runOfWorkflow(c.env, appId, workflow_id, run_id);
    const changed = await setRunRetention(c.env, auditStamp(c), run_id, {
      max_age_seconds: body.max_age_in_seconds,
      preserve_on_failure: body.preserve_on_failure,
    });
    return c.json(await appsRunOf(c.env, appId, changed), 200);
  });
}
