import { z } from "@hono/zod-openapi";
import { auditStamp } from "../../api/middleware/auth";
import { idempotent } from "../../api/middleware/idempotency";
import { json, jsonBody } from "../../api/schemas";
import { AppError } from "../../domain/errors";
import type { RunPatch } from "../../engine/run-types";
import { runPageByOffset } from "../../services/run-index";
import { getRun, startRun, updateRun } from "../../services/runs";
import { plainVariables } from "../../services/variables";
import { createWorkflow, deleteWorkflow, updateWorkflow } from "../../services/workflows";
import type { Dialect } from "../kit";
import { scopedRoute } from "../route";
import { nativeWorkflow, variablesNeeded } from "./definition";
import { NATIVE_STATUSES } from "./mappers";
import { CreateWorkflow, HTTPError, WorkflowListResponse, WorkflowPublic, WorkflowStatus, WorkflowUpdate } from "./schemas";
import { queryBoolean, queryInteger, unprocessable } from "./validation";
import { conflictAnswer, errorAnswers, readWorkflow, refusedAnswer, WorkflowIdParam, workflowPublic } from "./views";

const tags = ["workflows"];
const BASE = "/api/v1/workflows/";
/** Pipelines workflows run with the app's default profile (credentials and PIPELINES_TASK_* variables). */
const PROFILE = "default";

const create = scopedRoute(
  {
    method: "post",
    path: BASE,
    operationId: "createWorkflow",
    tags,
    summary: "Create Workflow",
    description:
      "Creates a workflow from the provided definition; with start=true (default) it starts at once. " +
      "Send an Idempotency-Key header to make a retry safe.",
    request: { query: z.object({ start: queryBoolean(true) }), body: jsonBody(CreateWorkflow) },
    responses: {
      201: json(WorkflowPublic, "The created workflow with all its steps"),
      ...errorAnswers,
      ...refusedAnswer,
      413: json(HTTPError, "The request body, or the input it makes, is too large"),
    },
  },
  "run",
);

const ListQuery = z.object({
  status: WorkflowStatus.optional(),
  origin_instance: z.string().max(100).optional(),
  origin_tenant_id: z.string().max(100).optional(),
  include_deleted: queryBoolean(false),
  skip: queryInteger(0, 0, 1_000_000),
  limit: queryInteger(50, 0, 100),
});

const list = scopedRoute(
  {
    method: "get",
    path: BASE,
    operationId: "listWorkflows",
    tags,
    summary: "List Workflows",
    description: "Workflows created through this API, newest first, with filters and skip/limit paging (limit at most 100).",
    request: { query: ListQuery },
    responses: { 200: json(WorkflowListResponse, "A page of workflows and how many match"), ...errorAnswers },
  },
  "read",
);

const get = scopedRoute(
  {
    method: "get",
    path: `${BASE}{workflow_id}`,
    operationId: "getWorkflow",
    tags,
    summary: "Get Workflow",
    request: { params: WorkflowIdParam },
    responses: { 200: json(WorkflowPublic, "The workflow with all its steps and their current status"), ...errorAnswers },
  },
  "read",
);

const update = scopedRoute(
  {
    method: "patch",
    path: `${BASE}{workflow_id}`,
    operationId: "updateWorkflow",
    tags,
    summary: "Update Workflow",
    description: "Changes name, description and webhook_url; a new webhook_url applies to a running workflow too.",
    request: { params: WorkflowIdParam, body: jsonBody(WorkflowUpdate) },
    responses: { 200: json(WorkflowPublic, "The workflow"), ...conflictAnswer, ...refusedAnswer, ...errorAnswers },
  },
  "write",
);

export function registerWorkflowRoutes({ app }: Dialect) {
  app.use(BASE, idempotent());
  // As FastAPI does, the collection without its trailing slash redirects to it, keeping the method.
  app.all(BASE.slice(0, -1), (c) => {
    const url = new URL(c.req.url);
    url.pathname += "/";
    return c.redirect(url.toString(), 307);
  });

  /** docs/dialects/pipelines.md#endpoints: POST / (create). */
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const appId = c.get("appId");
    const built = nativeWorkflow(body, await plainVariables(c.env, appId, PROFILE, variablesNeeded(body.steps)));
    if (!built.workflow) return unprocessable(c, built.problems) as never;
    // The webhook goes on the one-off workflow, whose creation checks it before anything is stored.
    const workflow = await createWorkflow(c.env, auditStamp(c), {
      ...built.workflow,
      ...(body.webhook_url ? { webhook_url: body.webhook_url } : {}),
    });
    const run = startRun(c.env, appId, {
      id: c.get("createdId"),
      workflowId: workflow.id,
      input: body.config ?? {},
      start: c.req.valid("query").start,
      profile: PROFILE,
      surface: "pipelines",
      metadata: {
        name: body.name,
        description: body.description ?? null,
        origin_instance: body.origin_instance,
        origin_zone: body.origin_zone ?? null,
        origin_tenant_id: body.origin_tenant_id ?? null,
        origin_reference: body.origin_reference ?? null,
        suppress_subtask_events: body.suppress_subtask_events ?? true,
      },
    });
    // A run that cannot be created (its config too large, say) leaves its one-off workflow deleted.
    const view = await run.catch(async (error) => {
      await deleteWorkflow(c.env, auditStamp(c), workflow.id).catch(() => {});
      throw error;
    });
    return c.json(await workflowPublic(c.env, view), 201);
  });

  /** docs/dialects/pipelines.md#endpoints: GET / (list). */
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const appId = c.get("appId");
    const metadata: Record<string, string> = {};
    if (q.origin_instance !== undefined) metadata.origin_instance = q.origin_instance;
    if (q.origin_tenant_id !== undefined) metadata.origin_tenant_id = q.origin_tenant_id;
    const { ids, total } = await runPageByOffset(
      c.env,
      appId,
      {
        surface: "pipelines",
        excludePurged: true,
        includeDeleted: q.include_deleted,
        status: q.status && NATIVE_STATUSES[q.status],
        metadata,
      },
      q.skip,
      q.limit,
    );
    // A run purged between the query and its read is left out of the page.
    const views = await Promise.all(ids.map((id) => getRun(c.env, appId, id).catch(() => null)));
    const workflows = await Promise.all(views.filter((v) => v !== null).map((view) => workflowPublic(c.env, view)));
    return c.json({ workflows, total, skip: q.skip, limit: q.limit }, 200);
  });

  /** docs/dialects/pipelines.md#endpoints: GET /{workflow_id}. */
  app.openapi(get, async (c) => {
    const { view } = await readWorkflow(c.env, c.get("appId"), c.req.valid("param").workflow_id);
    return c.json(await workflowPublic(c.env, view), 200);
  });

  /** docs/dialects/pipelines.md#endpoints: PATCH /{workflow_id}. */
  app.openapi(update, async (c) => {
    const id = c.req.valid("param").workflow_id;
    const appId = c.get("appId");
    const body = c.req.valid("json");
    const { view } = await readWorkflow(c.env, appId, id);
    if (view.deleted_at !== null) throw new AppError("CONFLICT", `Workflow ${id} was cleaned up; it can no longer be changed`);
    const metadata: Record<string, unknown> = {};
    if (typeof body.name === "string") metadata.name = body.name;
    if (body.description !== undefined) metadata.description = body.description;
    const patch: RunPatch = {};
    if (Object.keys(metadata).length > 0) patch.metadata = metadata;
    if (body.webhook_url !== undefined) patch.webhook_url = body.webhook_url || null;
    if (Object.keys(patch).length === 0) return c.json(await workflowPublic(c.env, view), 200);
    const updated = await updateRun(c.env, auditStamp(c), id, patch);
    if (view.surface === "pipelines") {
      // The one-off native workflow carries the same name, description and webhook.
      await updateWorkflow(c.env, auditStamp(c), view.workflow_id, {
        ...(typeof body.name === "string" ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description as string } : {}),
        ...(patch.webhook_url !== undefined ? { webhook_url: patch.webhook_url as string } : {}),
      });
    }
    return c.json(await workflowPublic(c.env, updated), 200);
  });
}
