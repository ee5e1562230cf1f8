import { afterCursor } from "../../api/paging";
import { json, listOf, optionalJsonBody, PageQuery, route } from "../../api/schemas";
import { getDiscoverableVersion, listDiscoverable, runDiscoverable } from "../../services/discover";
import type { Dialect } from "../kit";
import { DIALECT_SCHEMES } from "../route";
import { toAppsRun, toAppsVersion, toAppsWorkflow } from "./mappers";
import {
  AppParams,
  AppsRun,
  AppsWorkflow,
  AppsWorkflowDetail,
  AppsWorkflowVersion,
  RunParams,
  RunRequest,
  VersionParams,
  WorkflowParams,
} from "./schemas";
import { appsRunOf, cancelRunOfWorkflow, discoverableForRun, discoverableWorkflow, snapshotOptions } from "./sources";

const tags = ["Workflows"];
const BASE = "/apps/{app_id}/workflows/discover";

const list = route(
  {
    method: "get",
    path: BASE,
    operationId: "discoverWorkflows",
    tags,
    summary: "Discover Workflows",
    description: "Workflows any app marked discoverable, newest first; `app_id` of each is its owner.",
    request: { params: AppParams, query: PageQuery },
    responses: { 200: json(listOf(AppsWorkflow, "AppsDiscoverableWorkflowList"), "A page of workflows") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND"] },
);

const get = route(
  {
    method: "get",
    path: `${BASE}/{workflow_id}`,
    operationId: "getDiscoverableWorkflow",
    tags,
    summary: "Get Discoverable Workflow",
    request: { params: WorkflowParams },
    responses: { 200: json(AppsWorkflowDetail, "The workflow with its current version") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

const version = route(
  {
    method: "get",
    path: `${BASE}/{workflow_id}/versions/{version}`,
    operationId: "getDiscoverableWorkflowVersion",
    tags,
    summary: "Get Discoverable Workflow Version",
    request: { params: VersionParams },
    responses: { 200: json(AppsWorkflowVersion, "The version") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

const run = route(
  {
    method: "post",
    path: `${BASE}/{workflow_id}/runs`,
    operationId: "runDiscoverableWorkflow",
    tags,
    summary: "Run Discoverable Workflow",
    description:
      "Runs another app's discoverable workflow in the caller's app: the run is the caller's (origin DISCOVER), uses the caller's " +
      "variables, never the owner's, and the owner never sees it. Send `Idempotency-Key` to make a retry safe.",
    request: { params: WorkflowParams, body: optionalJsonBody(RunRequest) },
    responses: { 200: json(AppsRun, "The new run") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, idempotent: true, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND", "INPUT_INVALID"] },
);

const cancel = route(
  {
    method: "post",
    path: `${BASE}/{workflow_id}/runs/{run_id}/cancel`,
    operationId: "cancelDiscoverableWorkflowRun",
    tags,
    summary: "Cancel a Discoverable Workflow Run",
    description: "Cancels the caller's run of that workflow. A run that has ended is a 409.",
    request: { params: RunParams },
    responses: { 200: json(AppsRun, "The cancelled run") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "RUN_NOT_FOUND", "RUN_PURGED", "RUN_ALREADY_FINISHED"] },
);

/**
 * docs/dialects/apps.md#endpoints: discovering workflows, one and its version, running one and
 * cancelling that run.
 * Registered before the workflow routes: `/workflows/discover` is not a workflow id.
 */
export function registerDiscoverRoutes({ app }: Dialect) {
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const page = await listDiscoverable(c.env, limit, afterCursor(cursor));
    return c.json({ data: page.data.map((view) => toAppsWorkflow(view, view.app_id)), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { workflow_id } = c.req.valid("param");
    const { view, workflow } = await discoverableWorkflow(c.env, workflow_id);
    const current = await getDiscoverableVersion(c.env, workflow_id, view.current_version);
    return c.json({ ...toAppsWorkflow(view, view.app_id), workflow_version: toAppsVersion(workflow, current) }, 200);
  });

  app.openapi(version, async (c) => {
    const { workflow_id, version: number } = c.req.valid("param");
    const { workflow } = await discoverableWorkflow(c.env, workflow_id);
    return c.json(toAppsVersion(workflow, await getDiscoverableVersion(c.env, workflow_id, Number(number))), 200);
  });

  app.openapi(run, async (c) => {
    const appId = c.get("appId");
    const { workflow_id } = c.req.valid("param");
    const body = c.req.valid("json") ?? {};
    const { number, described } = await discoverableForRun(c.env, workflow_id, body.version);
    const started = await runDiscoverable(c.env, appId, workflow_id, {
      id: c.get("createdId"),
      version: number,
      input: body.input,
      surface: "apps",
      options: snapshotOptions(described),
    });
    return c.json(toAppsRun(started, appId, described.workflow, described.version), 200);
  });

  app.openapi(cancel, async (c) => {
    const appId = c.get("appId");
    const { workflow_id, run_id } = c.req.valid("param");
    return c.json(await appsRunOf(c.env, appId, await cancelRunOfWorkflow(c.env, appId, workflow_id, run_id)), 200);
  });
}
