import { afterCursor, versionCursor } from "../../api/paging";
import { json, listOf, PageQuery, route } from "../../api/schemas";
import { getVersion, listVersions, listWorkflows } from "../../services/workflows";
import type { Dialect } from "../kit";
import { DIALECT_SCHEMES } from "../route";
import { toAppsVersion, toAppsWorkflow } from "./mappers";
import { AppParams, AppsWorkflow, AppsWorkflowDetail, AppsWorkflowVersion, VersionParams, WorkflowParams } from "./schemas";
import { ownWorkflow } from "./sources";

const tags = ["Workflows"];

const list = route(
  {
    method: "get",
    path: "/apps/{app_id}/workflows",
    operationId: "getWorkflows",
    tags,
    summary: "Get Workflows",
    description: "The app's workflows, newest first.",
    request: { params: AppParams, query: PageQuery },
    responses: { 200: json(listOf(AppsWorkflow, "AppsWorkflowList"), "A page of workflows") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND"] },
);

const get = route(
  {
    method: "get",
    path: "/apps/{app_id}/workflows/{workflow_id}",
    operationId: "getWorkflow",
    tags,
    summary: "Get a Workflow",
    description: "The workflow with its current version.",
    request: { params: WorkflowParams },
    responses: { 200: json(AppsWorkflowDetail, "The workflow") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

const versions = route(
  {
    method: "get",
    path: "/apps/{app_id}/workflows/{workflow_id}/versions",
    operationId: "getWorkflowVersions",
    tags,
    summary: "Get Workflow Versions",
    description: "Every version, newest first.",
    request: { params: WorkflowParams, query: PageQuery },
    responses: { 200: json(listOf(AppsWorkflowVersion, "AppsWorkflowVersionList"), "A page of versions") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

const version = route(
  {
    method: "get",
    path: "/apps/{app_id}/workflows/{workflow_id}/versions/{version}",
    operationId: "getWorkflowVersion",
    tags,
    summary: "Get a Workflow Version",
    request: { params: VersionParams },
    responses: { 200: json(AppsWorkflowVersion, "The version") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

/** docs/dialects/apps.md#endpoints: workflows and their versions. */
export function registerWorkflowRoutes({ app }: Dialect) {
  app.openapi(list, async (c) => {
    const appId = c.get("appId");
    const { limit, cursor } = c.req.valid("query");
    const page = await listWorkflows(c.env, appId, { limit, after: afterCursor(cursor) });
    return c.json({ data: page.data.map((view) => toAppsWorkflow(view, appId)), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const appId = c.get("appId");
    const { workflow_id } = c.req.valid("param");
    const { view, workflow } = await ownWorkflow(c.env, appId, workflow_id);
    const current = await getVersion(c.env, appId, workflow_id, view.current_version);
    return c.json({ ...toAppsWorkflow(view, appId), workflow_version: toAppsVersion(workflow, current) }, 200);
  });

  app.openapi(versions, async (c) => {
    const appId = c.get("appId");
    const { workflow_id } = c.req.valid("param");
    const { limit, cursor } = c.req.valid("query");
    const { workflow } = await ownWorkflow(c.env, appId, workflow_id);
    const page = await listVersions(c.env, appId, workflow_id, limit, versionCursor(cursor));
    return c.json({ data: page.data.map((v) => toAppsVersion(workflow, v)), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(version, async (c) => {
    const appId = c.get("appId");
    const { workflow_id, version: number } = c.req.valid("param");
    const { workflow } = await ownWorkflow(c.env, appId, workflow_id);
    return c.json(toAppsVersion(workflow, await getVersion(c.env, appId, workflow_id, Number(number))), 200);
  });
}
