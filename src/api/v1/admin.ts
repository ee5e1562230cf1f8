import { z } from "@hono/zod-openapi";
import { RUN_STATUSES } from "../../domain/run-status";
import { SCOPES } from "../../domain/scopes";
import { createApp } from "../../services/apps";
import { backfillRunsIndex } from "../../services/backfill";
import { diagnoseRun, findStuckRuns } from "../../services/diagnostics";
import { createKey } from "../../services/keys";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { IdParam, json, jsonBody, route, time } from "../schemas";

const NameBody = z.object({ name: z.string().min(1).max(255) }).strict();

export const AppView = z.object({ id: z.string(), name: z.string(), created_at: time() }).openapi("App");

const ScopeList = z
  .array(z.enum(SCOPES))
  .min(1)
  .max(SCOPES.length)
  .openapi({ description: "What the key may do: `read` < `run` < `write` < `admin`, each including the ones before it" });

const KeyFields = {
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: ScopeList,
  created_at: time(),
  expires_at: time().nullable().openapi({ description: "After it the key is refused with 401; null: never" }),
  last_used_at: time().nullable().openapi({ description: "Within the hour: written at most once an hour" }),
  revoked_at: time().nullable(),
};

export const Key = z.object(KeyFields).openapi("ApiKey");

export const CreatedKey = z
  .object({ ...KeyFields, key: z.string().openapi({ description: "The secret; shown only in this answer" }) })
  .openapi("CreatedKey");

const expiresAt = z.iso
  .datetime({ offset: true })
  .nullable()
  .optional()
  .openapi({ description: "When the key stops working: in the future, at most 2 years away; absent or null: never" });

/** A key the app makes for itself: its scopes are chosen, never assumed. */
export const NewKeyBody = z
  .object({ name: z.string().min(1).max(255), scopes: ScopeList, expires_at: expiresAt })
  .strict()
  .openapi("NewKey");

/** The bootstrap key of an app: `admin` unless told otherwise, so it can make the others. */
const BootstrapKeyBody = NewKeyBody.extend({ scopes: ScopeList.default(["admin"]) }).openapi("NewAppKey");

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

const createAppRoute = route(
  {
    method: "post",
    path: "/v1/admin/apps",
    operationId: "createApp",
    tags: ["Admin"],
    summary: "Create an app",
    security: [{ AdminToken: [] }],
    request: { body: jsonBody(NameBody) },
    responses: { 201: json(AppView, "The app") },
  },
  { scope: null },
);

const createKeyRoute = route(
  {
    method: "post",
    path: "/v1/admin/apps/{app_id}/keys",
    operationId: "createAppKey",
    tags: ["Admin"],
    summary: "Create an API key for an app",
    security: [{ AdminToken: [] }],
    request: { params: IdParam("app_id"), body: jsonBody(BootstrapKeyBody) },
    responses: { 201: json(CreatedKey, "The key, with its secret shown once") },
  },
  { scope: null, errors: ["NOT_FOUND"] },
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
  { scope: null, errors: ["NOT_FOUND"] },
);

const stuckRoute = route(
  {
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
  },
  { scope: null },
);

const backfillRoute = route(
  {
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
  },
  { scope: null },
);

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
    return c.json(await createKey(c.env, app_id, c.req.valid("json"), auditStamp(c, app_id)), 201);
  });
}

export { NameBody };
