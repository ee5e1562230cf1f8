import { z } from "@hono/zod-openapi";
import { createApp, createKey } from "../../services/apps";
import { backfillRunsIndex } from "../../services/backfill";
import { diagnoseRun, findStuckRuns } from "../../services/diagnostics";
import type { App } from "../env";
import { IdParam, json, jsonBody, route, time } from "../schemas";
import { RUN_STATUSES } from "./views";

const NameBody = z.object({ name: z.string().min(1).max(255) }).strict();

export const AppView = z.object({ id: z.string(), name: z.string(), created_at: time() }).openapi("App");

export const CreatedKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    key: z.string().openapi({ description: "The secret; shown only in this answer" }),
    created_at: time(),
    revoked_at: time().nullable().openapi({ description: "Always null for a new key" }),
  })
  .openapi("CreatedKey");

const Diagnosis = z
  .object({
    id: z.string(),
    status: z.enum(RUN_STATUSES),
    alarm_at: time().nullable(),
    timers: z.array(z.object({ kind: z.string(), step_id: z.string().nullable(), due_at: time() })),
    waiting: z.array(z.object({ step_id: z.string(), kind: z.string().nullable(), until: z.number().nullable() })),
    in_flight: z.array(z.string()).openapi({ description: "Steps running in this instance" }),
    alarm_failures: z.number().int(),
    stuck: z.string().nullable().openapi({ description: "Why the run is stuck, or null" }),
  })
  .openapi("RunDiagnosis");

const createAppRoute = route({
  method: "post",
  path: "/v1/admin/apps",
  operationId: "createApp",
  tags: ["Admin"],
  summary: "Create an app",
  security: [{ AdminToken: [] }],
  request: { body: jsonBody(NameBody) },
  responses: { 201: json(AppView, "The app") },
});

const createKeyRoute = route(
  {
    method: "post",
    path: "/v1/admin/apps/{app_id}/keys",
    operationId: "createAppKey",
    tags: ["Admin"],
    summary: "Create an API key for an app",
    security: [{ AdminToken: [] }],
    request: { params: IdParam("app_id"), body: jsonBody(NameBody) },
    responses: { 201: json(CreatedKey, "The key, with its secret shown once") },
  },
  { errors: ["NOT_FOUND"] },
);

const diagnoseRoute = route(
  {
    method: "get",
    path: "/v1/admin/runs/{id}/diagnostics",
    operationId: "getRunDiagnostics",
    tags: ["Admin"],
    summary: "A run's status, alarm, timers and waits, and whether it is stuck",
    security: [{ AdminToken: [] }],
    request: { params: IdParam("id") },
    responses: { 200: json(Diagnosis, "The diagnosis") },
  },
  { errors: ["NOT_FOUND"] },
);

const stuckRoute = route({
  method: "get",
  path: "/v1/admin/diagnostics/stuck",
  operationId: "listStuckRuns",
  tags: ["Admin"],
  summary: "Unfinished runs with no alarm and nothing open-ended to wait for (should be none)",
  security: [{ AdminToken: [] }],
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  responses: {
    200: json(z.object({ checked: z.number().int(), stuck: z.array(Diagnosis) }), "What was checked and what is stuck"),
  },
});

const backfillRoute = route({
  method: "post",
  path: "/v1/admin/backfill/runs-index",
  operationId: "backfillRunsIndex",
  tags: ["Admin"],
  summary: "Copy the runs index of an earlier version (D1's runs table) into the index shards",
  description:
    "One page per call, oldest first. Call again with `cursor` set to the answer's `next_cursor` until it is null. " +
    "Resumable and idempotent: a run copied twice, or after its object wrote a newer summary, is unchanged.",
  security: [{ AdminToken: [] }],
  request: {
    query: z.object({
      cursor: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(500),
    }),
  },
  responses: {
    200: json(
      z.object({ copied: z.number().int(), next_cursor: z.string().nullable() }).openapi("BackfillPage"),
      "What this call copied, and where the next one continues",
    ),
  },
});

export function registerAdmin(app: App) {
  app.openapi(backfillRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    return c.json(await backfillRunsIndex(c.env, cursor ?? null, limit), 200);
  });
  app.openapi(diagnoseRoute, async (c) => c.json(await diagnoseRun(c.env, c.req.valid("param").id), 200));
  app.openapi(stuckRoute, async (c) => c.json(await findStuckRuns(c.env, c.req.valid("query").limit), 200));
  app.openapi(createAppRoute, async (c) => c.json(await createApp(c.env, c.req.valid("json").name), 201));
  app.openapi(createKeyRoute, async (c) => {
    const { app_id } = c.req.valid("param");
    return c.json(await createKey(c.env, app_id, c.req.valid("json").name), 201);
  });
}

export { NameBody };
