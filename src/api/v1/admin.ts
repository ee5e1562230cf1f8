import { createRoute, z } from "@hono/zod-openapi";
import { createApp, createKey } from "../../services/apps";
import { diagnoseRun, findStuckRuns } from "../../services/diagnostics";
import type { App } from "../env";
import { errorResponses, IdParam, json, jsonBody } from "../schemas";

const NameBody = z.object({ name: z.string().min(1).max(255) }).strict();

export const AppView = z.object({ id: z.string(), name: z.string(), created_at: z.string() }).openapi("App");

export const CreatedKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    key: z.string().openapi({ description: "The secret; shown only in this answer" }),
    created_at: z.string(),
  })
  .openapi("CreatedKey");

const createAppRoute = createRoute({
  method: "post",
  path: "/v1/admin/apps",
  tags: ["Admin"],
  summary: "Create an app",
  security: [{ AdminToken: [] }],
  request: { body: jsonBody(NameBody) },
  responses: { 201: json(AppView, "The app"), ...errorResponses },
});

const createKeyRoute = createRoute({
  method: "post",
  path: "/v1/admin/apps/{app_id}/keys",
  tags: ["Admin"],
  summary: "Create an API key for an app",
  security: [{ AdminToken: [] }],
  request: { params: IdParam("app_id"), body: jsonBody(NameBody) },
  responses: { 201: json(CreatedKey, "The key, with its secret shown once"), ...errorResponses },
});

const diagnoseRoute = createRoute({
  method: "get",
  path: "/v1/admin/runs/{id}/diagnostics",
  tags: ["Admin"],
  summary: "A run's status, alarm, timers and waits, and whether it is stuck",
  security: [{ AdminToken: [] }],
  request: { params: IdParam("id") },
  responses: { 200: json(z.unknown(), "The diagnosis"), ...errorResponses },
});

const stuckRoute = createRoute({
  method: "get",
  path: "/v1/admin/diagnostics/stuck",
  tags: ["Admin"],
  summary: "Unfinished runs with no alarm and nothing open-ended to wait for (should be none)",
  security: [{ AdminToken: [] }],
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  responses: {
    200: json(z.object({ checked: z.number(), stuck: z.array(z.unknown()) }), "What was checked and what is stuck"),
    ...errorResponses,
  },
});

export function registerAdmin(app: App) {
  app.openapi(diagnoseRoute, async (c) => c.json(await diagnoseRun(c.env, c.req.valid("param").id), 200));
  app.openapi(stuckRoute, async (c) => c.json(await findStuckRuns(c.env, c.req.valid("query").limit), 200));
  app.openapi(createAppRoute, async (c) => c.json(await createApp(c.env, c.req.valid("json").name), 201));
  app.openapi(createKeyRoute, async (c) => {
    const { app_id } = c.req.valid("param");
    return c.json(await createKey(c.env, app_id, c.req.valid("json").name), 201);
  });
}

export { NameBody };
