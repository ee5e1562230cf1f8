import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { MetadataFields, VersionDefinition, VersionedFields, WorkflowDefinition } from "../../domain/definition";
import { type ErrorDetail, validationFailed } from "../../domain/errors";
import {
  createVersion,
  createWorkflow,
  deleteWorkflow,
  getVersion,
  getWorkflow,
  listVersions,
  listWorkflows,
  updateWorkflow,
  workflowProblems,
} from "../../services/workflows";
import type { App, HonoEnv } from "../env";
import { auditStamp } from "../middleware/auth";
import { requestDetails } from "../middleware/errors";
import { afterCursor, versionCursor } from "../paging";
import { booleanQuery, IdParam, json, jsonBody, listOf, PageQuery, route } from "../schemas";
import { Workflow, WorkflowVersion, WorkflowWithDefinition } from "./views";

const WorkflowPatch = z
  .object({
    ...Object.fromEntries(Object.entries(MetadataFields).map(([k, v]) => [k, v.optional()])),
    ...Object.fromEntries(Object.entries(VersionedFields).map(([k, v]) => [k, v.optional()])),
    webhook_url: MetadataFields.webhook_url.nullable(),
    current_version: z.number().int().min(1).optional().openapi({ description: "Move the current version (rollback)" }),
  })
  .strict()
  .openapi("WorkflowPatch");

const WorkflowParams = IdParam("id");

type ValidationResult = { success: boolean; target: string } & ({ success: true } | { success: false; error: z.ZodError });

/** The body a failed validation saw: on failure the validator passes the raw body along as `data`. */
const rawBody = (result: ValidationResult): unknown => (result as { data?: unknown }).data;

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);

/**
 * The problems of a definition that fails its schema: it is still checked semantically, so one
 * answer lists the structural and the semantic mistakes together.
 */
function failedDefinitionProblems(result: ValidationResult & { success: false }, c: Context<HonoEnv>): ErrorDetail[] {
  const data = rawBody(result);
  const details = requestDetails(result.error, result.target, data);
  return isObject(data) ? workflowProblems(data, details, c.env) : details;
}

function definitionHook(result: ValidationResult, c: Context<HonoEnv>): undefined {
  if (result.success) return undefined;
  if (result.target !== "json") throw validationFailed(requestDetails(result.error, result.target, rawBody(result)));
  throw validationFailed(failedDefinitionProblems(result, c), "The workflow definition is not valid");
}

/**
 * Validation answers what creating the workflow (or the version) would: the same problems from
 * the same function, with nothing stored. A version of a workflow that does not exist is a 404,
 * as creating it would be.
 */
async function validationAnswer(c: Context<HonoEnv>, problems: ErrorDetail[]) {
  const id = c.req.param("id");
  if (id !== undefined) await getWorkflow(c.env, c.get("appId"), id);
  return c.json({ valid: problems.length === 0, problems }, 200);
}

function validationHook(result: ValidationResult, c: Context<HonoEnv>) {
  if (result.success) return undefined;
  if (result.target !== "json") throw validationFailed(requestDetails(result.error, result.target, rawBody(result)));
  return validationAnswer(c, failedDefinitionProblems(result, c));
}

const Validation = z
  .object({
    valid: z.boolean(),
    problems: z.array(z.object({ path: z.string().openapi({ example: "steps[2].config.url" }), message: z.string() })),
  })
  .openapi("Validation");

const tags = ["Workflows"];
const notFound = { errors: ["WORKFLOW_NOT_FOUND"] } as const;

const create = route(
  {
    method: "post",
    path: "/v1/workflows",
    operationId: "createWorkflow",
    tags,
    summary: "Create a workflow (version 1)",
    description:
      "Every problem with the definition comes back in one 400, each with the path of the field. Send an Idempotency-Key header to make retries safe.",
    request: { body: jsonBody(WorkflowDefinition) },
    responses: { 201: json(WorkflowWithDefinition, "The workflow") },
  },
  { scope: "write", idempotent: true },
);

const validate = route(
  {
    method: "post",
    path: "/v1/workflows/validate",
    operationId: "validateWorkflow",
    tags,
    summary: "Check a definition without storing it",
    description:
      "Answers 200 with every problem `POST /v1/workflows` would refuse the same body for (the same checks, in the same order); nothing is stored. Needs only the read scope, since nothing changes.",
    request: { body: jsonBody(WorkflowDefinition) },
    responses: { 200: json(Validation, "Whether the definition is valid, and every problem with it") },
  },
  { scope: "read" },
);

const validateVersion = route(
  {
    method: "post",
    path: "/v1/workflows/{id}/versions/validate",
    operationId: "validateWorkflowVersion",
    tags,
    summary: "Check a new version without storing it",
    description: "Answers 200 with every problem `POST /v1/workflows/{id}/versions` would refuse the same body for; nothing is stored.",
    request: { params: WorkflowParams, body: jsonBody(VersionDefinition) },
    responses: { 200: json(Validation, "Whether the version is valid, and every problem with it") },
  },
  { ...notFound, scope: "read" },
);

const list = route(
  {
    method: "get",
    path: "/v1/workflows",
    operationId: "listWorkflows",
    tags,
    summary: "List workflows",
    request: {
      query: PageQuery.extend({
        name: z.string().max(255).optional().openapi({ description: "Exact name" }),
        name_contains: z
          .string()
          .min(1)
          .max(255)
          .optional()
          .openapi({ description: "Part of the name, any case (`appr` finds `Approval`)" }),
        discoverable: booleanQuery.optional(),
        include_deleted: booleanQuery.optional(),
      }),
    },
    responses: { 200: json(listOf(Workflow, "WorkflowList"), "A page of workflows, newest first") },
  },
  { scope: "read" },
);

const get = route(
  {
    method: "get",
    path: "/v1/workflows/{id}",
    operationId: "getWorkflow",
    tags,
    summary: "Get a workflow with its current version's definition",
    request: { params: WorkflowParams, query: z.object({ include_deleted: booleanQuery.optional() }) },
    responses: { 200: json(WorkflowWithDefinition, "The workflow") },
  },
  { ...notFound, scope: "read" },
);

const patch = route(
  {
    method: "patch",
    path: "/v1/workflows/{id}",
    operationId: "updateWorkflow",
    tags,
    summary: "Change metadata, make a new version, or move current_version",
    description: "Changing steps, schemas or output makes a new version; metadata changes do not.",
    request: { params: WorkflowParams, body: jsonBody(WorkflowPatch) },
    responses: { 200: json(WorkflowWithDefinition, "The workflow") },
  },
  { ...notFound, scope: "write" },
);

const remove = route(
  {
    method: "delete",
    path: "/v1/workflows/{id}",
    operationId: "deleteWorkflow",
    tags,
    summary: "Soft-delete a workflow",
    request: { params: WorkflowParams },
    responses: { 200: json(Workflow, "The deleted workflow") },
  },
  { ...notFound, scope: "write" },
);

const createVersionRoute = route(
  {
    method: "post",
    path: "/v1/workflows/{id}/versions",
    operationId: "createWorkflowVersion",
    tags,
    summary: "Add a version and make it current",
    request: { params: WorkflowParams, body: jsonBody(VersionDefinition) },
    responses: { 201: json(WorkflowVersion, "The new version") },
  },
  { ...notFound, scope: "write" },
);

const listVersionsRoute = route(
  {
    method: "get",
    path: "/v1/workflows/{id}/versions",
    operationId: "listWorkflowVersions",
    tags,
    summary: "List versions, newest first",
    request: { params: WorkflowParams, query: PageQuery },
    responses: { 200: json(listOf(WorkflowVersion, "VersionList"), "A page of versions") },
  },
  { ...notFound, scope: "read" },
);

const getVersionRoute = route(
  {
    method: "get",
    path: "/v1/workflows/{id}/versions/{version}",
    operationId: "getWorkflowVersion",
    tags,
    summary: "Get one version",
    request: {
      params: WorkflowParams.extend({
        version: z.coerce
          .number()
          .int()
          .min(1)
          .openapi({ param: { name: "version", in: "path" } }),
      }),
    },
    responses: { 200: json(WorkflowVersion, "The version") },
  },
  { scope: "read", errors: ["WORKFLOW_NOT_FOUND", "NOT_FOUND"] },
);

export function registerWorkflows(app: App) {
  app.openapi(
    create,
    async (c) => c.json(await createWorkflow(c.env, auditStamp(c), c.req.valid("json"), c.get("createdId")), 201),
    definitionHook,
  );

  app.openapi(validate, (c) => validationAnswer(c, workflowProblems(c.req.valid("json"), [], c.env)) as never, validationHook as never);

  app.openapi(
    validateVersion,
    (c) => validationAnswer(c, workflowProblems(c.req.valid("json"), [], c.env)) as never,
    validationHook as never,
  );

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const result = await listWorkflows(c.env, c.get("appId"), {
      limit: q.limit,
      after: afterCursor(q.cursor),
      name: q.name,
      nameContains: q.name_contains,
      discoverable: q.discoverable,
      includeDeleted: q.include_deleted,
    });
    return c.json(result, 200);
  });

  app.openapi(get, async (c) =>
    c.json(await getWorkflow(c.env, c.get("appId"), c.req.valid("param").id, c.req.valid("query").include_deleted), 200),
  );

  app.openapi(
    patch,
    async (c) => c.json(await updateWorkflow(c.env, auditStamp(c), c.req.valid("param").id, c.req.valid("json") as never), 200),
    definitionHook,
  );

  app.openapi(remove, async (c) => c.json(await deleteWorkflow(c.env, auditStamp(c), c.req.valid("param").id), 200));

  app.openapi(
    createVersionRoute,
    async (c) => c.json(await createVersion(c.env, auditStamp(c), c.req.valid("param").id, c.req.valid("json")), 201),
    definitionHook,
  );

  app.openapi(listVersionsRoute, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listVersions(c.env, c.get("appId"), c.req.valid("param").id, limit, versionCursor(cursor)), 200);
  });

  app.openapi(getVersionRoute, async (c) => {
    const { id, version } = c.req.valid("param");
    return c.json(await getVersion(c.env, c.get("appId"), id, Number(version)), 200);
  });
}
