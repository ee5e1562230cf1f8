import { createRoute, z } from "@hono/zod-openapi";
import { Retention } from "../../domain/definition";
import { validationFailed } from "../../domain/errors";
import { Limits } from "../../domain/limits";
import { METADATA_KEY } from "../../services/run-filters";
import {
  controlRun,
  getRun,
  listRuns,
  purgeRun,
  type RunAction,
  replayRun,
  runEvents,
  sendRunEvent,
  setRunRetention,
  startRun,
  streamRun,
  workflowSchema,
} from "../../services/runs";
import { assertWorkflowVisible } from "../../services/workflows";
import type { App } from "../env";
import { idempotent } from "../middleware/idempotency";
import { afterCursor } from "../paging";
import {
  booleanQuery,
  CancelReason,
  errorResponses,
  IdParam,
  json,
  jsonBody,
  listOf,
  optionalJsonBody,
  PageQuery,
  ProcessId,
} from "../schemas";

const STATUSES = ["queued", "running", "waiting", "paused", "completed", "failed", "cancelled"] as const;

const RunError = z.object({ code: z.string(), message: z.string(), step_id: z.string().nullable() }).nullable();

export const Run = z
  .object({
    id: z.string(),
    workflow_id: z.string(),
    version: z.number().int(),
    status: z.enum(STATUSES),
    input: z.unknown(),
    output: z.unknown(),
    error: RunError,
    process_id: z.string().nullable(),
    progress: z.number().int(),
    total_steps: z.number().int(),
    completed_steps: z.number().int(),
    current_steps: z.array(z.string()),
    steps: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        status: z.string(),
        attempts: z.number().int(),
        input: z.unknown(),
        output: z.unknown(),
        error: RunError,
        started_at: z.string().nullable(),
        ended_at: z.string().nullable(),
        task_id: z.string().nullable().openapi({ description: "The provider's job id (integration steps)" }),
      }),
    ),
    usage: z.object({ steps_executed: z.number().int(), http_calls: z.number().int(), duration_ms: z.number().int() }),
    created_at: z.string(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    deleted_at: z.string().nullable(),
    outputs_purged_at: z.string().nullable(),
  })
  .passthrough()
  .openapi("Run");

const RunSummary = z
  .object({ id: z.string(), workflow_id: z.string(), status: z.enum(STATUSES), created_at: z.string() })
  .passthrough()
  .openapi("RunSummary");

export const StartRunBody = z
  .object({
    input: z.unknown().optional(),
    version: z.number().int().min(1).optional(),
    webhook_url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable()
      .optional(),
    profile: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    start: z.boolean().optional().openapi({ description: "false: create the run queued; start it with POST /v1/runs/{id}/start" }),
    retention: Retention.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    process_id: ProcessId.optional(),
  })
  .strict()
  .openapi("StartRun");

const RunListQuery = PageQuery.extend({
  status: z
    .string()
    .optional()
    .openapi({ description: "One status or several, comma-separated" })
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const list = value.split(",").map((s) => s.trim());
      const bad = list.find((s) => !(STATUSES as readonly string[]).includes(s));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is not a status; use ${STATUSES.join(", ")}` });
        return z.NEVER;
      }
      return list as (typeof STATUSES)[number][];
    }),
  workflow_id: z.string().max(100).optional(),
  version: z.coerce.number().int().min(1).optional().openapi({ description: "Only runs of this workflow version" }),
  process_id: ProcessId.optional().openapi({ description: "Only runs started with this process id" }),
  created_after: z.iso.datetime({ offset: true }).optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
  surface: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/)
    .optional()
    .openapi({ description: "Runs started through this surface: native, leap, pipelines, ..." }),
  include_deleted: booleanQuery.optional().openapi({ description: "Include soft-deleted runs" }),
  "metadata[key]": z.string().optional().openapi({
    description: "Runs whose metadata has this top-level value, as text: metadata[customer]=acme (up to 5 keys)",
  }),
});

const MAX_METADATA_FILTERS = 5;

/** `metadata[key]=value` query parameters: top-level metadata values the runs must have. */
function metadataFilter(url: string): Record<string, string> | undefined {
  const filter: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) {
    const match = /^metadata\[(.*)\]$/.exec(name);
    if (!match) continue;
    if (!METADATA_KEY.test(match[1])) {
      throw validationFailed([{ path: `query.${name}`, message: `the key must match ${METADATA_KEY.source}` }]);
    }
    filter[match[1]] = value;
  }
  if (Object.keys(filter).length > MAX_METADATA_FILTERS) {
    throw validationFailed([{ path: "query.metadata", message: `at most ${MAX_METADATA_FILTERS} metadata filters` }]);
  }
  return Object.keys(filter).length > 0 ? filter : undefined;
}

const WorkflowParams = IdParam("id");
const RunParams = IdParam("id");

const EventBody = z
  .object({
    name: z.string().min(1).max(255),
    payload: z.unknown().optional(),
    id: z.string().min(1).max(255).optional().openapi({ description: "A repeated id is refused with DUPLICATE_EVENT" }),
  })
  .strict()
  .openapi("RunEvent");

const ReplayBody = z
  .object({ from_step: z.string().max(64).optional(), input: z.unknown().optional() })
  .strict()
  .openapi("Replay");

const RetentionPatchBody = z
  .object({
    max_age_seconds: z
      .number()
      .int()
      .min(1)
      .max(10 * 365 * 86_400)
      .optional(),
    preserve_on_failure: z.boolean().optional(),
  })
  .strict();

const CancelBody = z
  .object({ reason: CancelReason.optional().openapi({ description: "Kept as the run's error and in its run.cancelled event" }) })
  .strict()
  .openapi("CancelRun");

const EventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(Limits.eventsPerPage).default(100),
});

const tags = ["Runs"];

const startRoute = createRoute({
  method: "post",
  path: "/v1/workflows/{id}/runs",
  tags,
  summary: "Start a run",
  description: "Send an Idempotency-Key header to make retries safe.",
  request: { params: WorkflowParams, body: optionalJsonBody(StartRunBody) },
  responses: { 201: json(Run, "The run"), ...errorResponses },
});

const listForWorkflow = createRoute({
  method: "get",
  path: "/v1/workflows/{id}/runs",
  tags,
  summary: "List a workflow's runs",
  request: { params: WorkflowParams, query: RunListQuery.omit({ workflow_id: true }) },
  responses: { 200: json(listOf(RunSummary, "RunList"), "A page of runs, newest first"), ...errorResponses },
});

const list = createRoute({
  method: "get",
  path: "/v1/runs",
  tags,
  summary: "List runs",
  request: { query: RunListQuery },
  responses: { 200: json(listOf(RunSummary, "RunList"), "A page of runs, newest first"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/v1/runs/{id}",
  tags,
  summary: "Get a run with its steps, progress and usage",
  request: { params: RunParams },
  responses: { 200: json(Run, "The run"), 410: json(z.unknown(), "The run was purged"), ...errorResponses },
});

const events = createRoute({
  method: "get",
  path: "/v1/runs/{id}/events",
  tags,
  summary: "Read the run's event log",
  request: { params: RunParams, query: EventsQuery },
  responses: {
    200: json(z.object({ data: z.array(z.unknown()), next_after: z.number().nullable() }), "Events after `after`"),
    ...errorResponses,
  },
});

const stream = createRoute({
  method: "get",
  path: "/v1/runs/{id}/stream",
  tags,
  summary: "Follow the event log live (Server-Sent Events)",
  description: "Each event's `id:` is its sequence number; reconnect with Last-Event-ID to resume. Closes after the run ends.",
  request: { params: RunParams, query: z.object({ after: z.coerce.number().int().min(0).optional() }) },
  responses: { 200: { description: "text/event-stream" }, ...errorResponses },
});

const controlRoute = (action: RunAction, summary: string) =>
  createRoute({
    method: "post",
    path: `/v1/runs/{id}/${action}`,
    tags,
    summary,
    request: { params: RunParams },
    responses: { 200: json(Run, "The run"), 409: json(z.unknown(), "Not allowed in the run's status"), ...errorResponses },
  });

const cancel = createRoute({
  ...controlRoute("cancel", "Cancel a run (in-flight calls are aborted), optionally saying why"),
  request: { params: RunParams, body: optionalJsonBody(CancelBody) },
});

const sendEvent = createRoute({
  method: "post",
  path: "/v1/runs/{id}/events",
  tags,
  summary: "Send an event to a waiting step",
  description: "Applied at once to a waiting step (200), or kept for a step that will wait for it (202); otherwise 409.",
  request: { params: RunParams, body: jsonBody(EventBody) },
  responses: {
    200: json(z.object({ status: z.string(), step_id: z.string().nullable(), event_id: z.string() }), "Applied"),
    202: json(z.object({ status: z.string(), step_id: z.string().nullable(), event_id: z.string() }), "Kept for a later step"),
    ...errorResponses,
  },
});

const replay = createRoute({
  method: "post",
  path: "/v1/runs/{id}/replay",
  tags,
  summary: "Start a new run from this run's version and input",
  description: "With from_step, steps that neither are that step nor depend on it reuse their outputs.",
  request: { params: RunParams, body: optionalJsonBody(ReplayBody) },
  responses: { 201: json(Run, "The new run"), ...errorResponses },
});

const retention = createRoute({
  method: "patch",
  path: "/v1/runs/{id}/retention",
  tags,
  summary: "Change how long the run's data is kept",
  request: { params: RunParams, body: jsonBody(RetentionPatchBody) },
  responses: { 200: json(Run, "The run"), ...errorResponses },
});

const purge = createRoute({
  method: "delete",
  path: "/v1/runs/{id}",
  tags,
  summary: "Purge an ended run's data now",
  request: { params: RunParams },
  responses: { 200: json(z.object({ id: z.string(), purged_at: z.string() }), "Purged"), ...errorResponses },
});

const schema = createRoute({
  method: "get",
  path: "/v1/workflows/{id}/schema",
  tags: ["Workflows"],
  summary: "Input schema, a sample input and the output shape from the last completed run",
  request: { params: WorkflowParams },
  responses: { 200: json(z.unknown(), "The schema"), ...errorResponses },
});

function parseTime(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Date.parse(value);
}

function lastEventId(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (!/^\d{1,15}$/.test(header.trim()))
    throw validationFailed([{ path: "header.last-event-id", message: "must be an event sequence number" }]);
  return Number(header.trim());
}

export function registerRuns(app: App) {
  app.use("/v1/workflows/:id/runs", idempotent());
  app.use("/v1/runs/:id/replay", idempotent());

  app.openapi(startRoute, async (c) => {
    const body = c.req.valid("json") ?? {};
    const run = await startRun(c.env, c.get("appId"), {
      id: c.get("createdId"),
      workflowId: c.req.valid("param").id,
      version: body.version,
      input: body.input,
      webhookUrl: body.webhook_url,
      profile: body.profile,
      start: body.start,
      retention: body.retention,
      metadata: body.metadata,
      processId: body.process_id,
      trigger: "api",
    });
    return c.json(run, 201);
  });

  const filter = (q: z.infer<typeof RunListQuery>, workflowId: string | undefined, url: string) => ({
    workflowId,
    version: q.version,
    processId: q.process_id,
    status: q.status,
    createdAfter: parseTime(q.created_after),
    createdBefore: parseTime(q.created_before),
    surface: q.surface,
    includeDeleted: q.include_deleted,
    metadata: metadataFilter(url),
    limit: q.limit,
    after: afterCursor(q.cursor),
  });

  app.openapi(listForWorkflow, async (c) => {
    const workflowId = c.req.valid("param").id;
    await assertWorkflowVisible(c.env, c.get("appId"), workflowId);
    return c.json(await listRuns(c.env, c.get("appId"), filter(c.req.valid("query"), workflowId, c.req.url)), 200);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    return c.json(await listRuns(c.env, c.get("appId"), filter(q, q.workflow_id, c.req.url)), 200);
  });

  app.openapi(get, async (c) => c.json(await getRun(c.env, c.get("appId"), c.req.valid("param").id), 200));

  app.openapi(events, async (c) => {
    const { after, limit } = c.req.valid("query");
    return c.json(await runEvents(c.env, c.get("appId"), c.req.valid("param").id, after, limit), 200);
  });

  app.openapi(stream, async (c) => {
    const after = lastEventId(c.req.header("last-event-id")) ?? c.req.valid("query").after ?? 0;
    const body = await streamRun(c.env, c.get("appId"), c.req.valid("param").id, after);
    return new Response(body, {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache", "x-request-id": c.get("requestId") },
    }) as never;
  });

  for (const [action, summary] of [
    ["start", "Start a run created with start: false"],
    ["pause", "Pause a run (steps in flight finish; no new step starts)"],
    ["resume", "Resume a paused run, or re-run a failed run's failed steps"],
  ] as const) {
    app.openapi(controlRoute(action, summary), async (c) =>
      c.json(await controlRun(c.env, c.get("appId"), c.req.valid("param").id, action), 200),
    );
  }

  app.openapi(cancel, async (c) =>
    c.json(await controlRun(c.env, c.get("appId"), c.req.valid("param").id, "cancel", c.req.valid("json")?.reason), 200),
  );

  app.openapi(sendEvent, async (c) => {
    const body = c.req.valid("json");
    const size = JSON.stringify(body.payload ?? null).length;
    if (size > Limits.eventPayloadBytes) {
      throw validationFailed([{ path: "payload", message: `is ${size} bytes; the limit is ${Limits.eventPayloadBytes}` }]);
    }
    const result = await sendRunEvent(c.env, c.get("appId"), c.req.valid("param").id, body);
    return c.json(result, result.status === "applied" ? 200 : 202);
  });

  app.openapi(replay, async (c) =>
    c.json(await replayRun(c.env, c.get("appId"), c.req.valid("param").id, c.req.valid("json") ?? {}, c.get("createdId")), 201),
  );

  app.openapi(retention, async (c) =>
    c.json(await setRunRetention(c.env, c.get("appId"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(purge, async (c) => c.json(await purgeRun(c.env, c.get("appId"), c.req.valid("param").id), 200));

  app.openapi(schema, async (c) => c.json(await workflowSchema(c.env, c.get("appId"), c.req.valid("param").id), 200));
}
