import { z } from "@hono/zod-openapi";
import { getDiscoverable, getDiscoverableVersion, listDiscoverable, runDiscoverable } from "../../services/discover";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { IdParam, json, listOf, optionalJsonBody, PageQuery, route } from "../schemas";
import { StartRunBody } from "./run-requests";
import { DiscoverableWorkflow, DiscoverableWorkflowWithDefinition, Run, WorkflowVersion } from "./views";

const tags = ["Discover"];
const notFound = { errors: ["WORKFLOW_NOT_FOUND"] } as const;

const list = route(
  {
    method: "get",
    path: "/v1/discover/workflows",
    operationId: "listDiscoverableWorkflows",
    tags,
    summary: "List workflows any app may run",
    request: { query: PageQuery.extend({ name: z.string().max(255).optional() }) },
    responses: { 200: json(listOf(DiscoverableWorkflow, "DiscoverableList"), "A page of discoverable workflows") },
  },
  { scope: "read" },
);

const get = route(
  {
    method: "get",
    path: "/v1/discover/workflows/{id}",
    operationId: "getDiscoverableWorkflow",
    tags,
    summary: "A discoverable workflow with its current definition",
    request: { params: IdParam("id") },
    responses: { 200: json(DiscoverableWorkflowWithDefinition, "The workflow") },
  },
  { ...notFound, scope: "read" },
);

const version = route(
  {
    method: "get",
    path: "/v1/discover/workflows/{id}/versions/{version}",
    operationId: "getDiscoverableWorkflowVersion",
    tags,
    summary: "One version of a discoverable workflow",
    request: {
      params: IdParam("id").extend({
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

const run = route(
  {
    method: "post",
    path: "/v1/discover/workflows/{id}/runs",
    operationId: "startDiscoverableRun",
    tags,
    summary: "Run a discoverable workflow in your own app",
    description:
      "The run is yours: it uses your profile's variables, never the owner's, and is listed, followed and cancelled like any of your runs.",
    request: { params: IdParam("id"), body: optionalJsonBody(StartRunBody) },
    responses: { 201: json(Run, "The run") },
  },
  { scope: "run", idempotent: true, errors: ["WORKFLOW_NOT_FOUND", "INPUT_INVALID"] },
);

export function registerDiscover(app: App) {
  app.openapi(list, async (c) => {
    const { limit, cursor, name } = c.req.valid("query");
    return c.json(await listDiscoverable(c.env, limit, afterCursor(cursor), name), 200);
  });
  app.openapi(get, async (c) => c.json(await getDiscoverable(c.env, c.req.valid("param").id), 200));
  app.openapi(version, async (c) => {
    const { id, version: n } = c.req.valid("param");
    return c.json(await getDiscoverableVersion(c.env, id, Number(n)), 200);
  });
  app.openapi(run, async (c) => {
    const body = c.req.valid("json") ?? {};
    const result = await runDiscoverable(c.env, c.get("appId"), c.req.valid("param").id, {
      id: c.get("createdId"),
      version: body.version,
      input: body.input,
      webhookUrl: body.webhook_url ?? null,
      profile: body.profile,
      start: body.start,
      retention: body.retention,
      metadata: body.metadata,
    });
    return c.json(result, 201);
  });
}
