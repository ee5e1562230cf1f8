import { createRoute, z } from "@hono/zod-openapi";
import { VersionedFields } from "../../domain/definition";
import { getDiscoverable, getDiscoverableVersion, listDiscoverable, runDiscoverable } from "../../services/discover";
import type { App } from "../env";
import { idempotent } from "../middleware/idempotency";
import { afterCursor } from "../paging";
import { errorResponses, IdParam, json, listOf, optionalJsonBody, PageQuery } from "../schemas";
import { Run, StartRunBody } from "./runs";

const tags = ["Discover"];

const Discoverable = z
  .object({
    id: z.string(),
    app_id: z.string().openapi({ description: "The owner's app" }),
    name: z.string(),
    description: z.string().nullable(),
    current_version: z.number().int(),
    latest_version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .passthrough()
  .openapi("DiscoverableWorkflow");

const list = createRoute({
  method: "get",
  path: "/v1/discover/workflows",
  tags,
  summary: "List workflows any app may run",
  request: { query: PageQuery.extend({ name: z.string().max(255).optional() }) },
  responses: { 200: json(listOf(Discoverable, "DiscoverableList"), "A page of discoverable workflows"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/v1/discover/workflows/{id}",
  tags,
  summary: "A discoverable workflow with its current definition",
  request: { params: IdParam("id") },
  responses: { 200: json(Discoverable.extend(VersionedFields), "The workflow"), ...errorResponses },
});

const version = createRoute({
  method: "get",
  path: "/v1/discover/workflows/{id}/versions/{version}",
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
  responses: { 200: json(z.unknown(), "The version"), ...errorResponses },
});

const run = createRoute({
  method: "post",
  path: "/v1/discover/workflows/{id}/runs",
  tags,
  summary: "Run a discoverable workflow in your own app",
  description:
    "The run is yours: it uses your profile's variables, never the owner's, and is listed, followed and cancelled like any of your runs.",
  request: { params: IdParam("id"), body: optionalJsonBody(StartRunBody) },
  responses: { 201: json(Run, "The run"), ...errorResponses },
});

export function registerDiscover(app: App) {
  app.use("/v1/discover/workflows/:id/runs", idempotent());
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
