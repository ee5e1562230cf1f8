import { z } from "@hono/zod-openapi";
import { validationFailed } from "../../domain/errors";
import { Limits } from "../../domain/limits";
import { METADATA_KEY } from "../../domain/run-filter";
import {
  controlRun,
  getRun,
  listRuns,
  purgeRun,
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
import { auditStamp } from "../middleware/auth";
import { afterCursor } from "../paging";
import { IdParam, json, jsonBody, listOf, optionalJsonBody, route, time } from "../schemas";
import { CancelBody, EventBody, EventsQuery, ReplayBody, RetentionPatchBody, RunListQuery, StartRunBody } from "./run-requests";
import { Run, RunEvent, RunSummary } from "./views";

const WorkflowParams = IdParam("id");
const RunParams = IdParam("id");

const JsonObject = z.record(z.string(), z.unknown());

const tags = ["Runs"];
const RUN_ERRORS = ["RUN_NOT_FOUND", "RUN_PURGED"] as const;
const RunList = listOf(RunSummary, "RunList");
const EventAnswer = z.object({
  status: z.enum(["applied", "buffered"]),
  step_id: z.string().nullable().openapi({ description: "The step that took the event; null while it is kept" }),
  event_id: z.string(),
});

const startRoute = route(
  {
    method: "post",
    path: "/v1/workflows/{id}/runs",
    operationId: "startRun",
    tags,
    summary: "Start a run",
    description: "Send an Idempotency-Key header to make retries safe.",
    request: { params: WorkflowParams, body: optionalJsonBody(StartRunBody) },
    responses: { 201: json(Run, "The run") },
  },
  { scope: "run", idempotent: true, errors: ["WORKFLOW_NOT_FOUND", "INPUT_INVALID"] },
);

const listForWorkflow = route(
  {
    method: "get",
    path: "/v1/workflows/{id}/runs",
    operationId: "listWorkflowRuns",
    tags,
    summary: "List a workflow's runs",
    request: { params: WorkflowParams, query: RunListQuery.omit({ workflow_id: true }) },
    responses: { 200: json(RunList, "A page of runs, newest first") },
  },
  { scope: "read", errors: ["WORKFLOW_NOT_FOUND"] },
);

const list = route(
  {
    method: "get",
    path: "/v1/runs",
    operationId: "listRuns",
    tags,
    summary: "List runs",
    request: { query: RunListQuery },
    responses: { 200: json(RunList, "A page of runs, newest first") },
  },
  { scope: "read" },
);

const get = route(
  {
    method: "get",
    path: "/v1/runs/{id}",
    operationId: "getRun",
    tags,
    summary: "Get a run with its steps, progress and usage",
    request: { params: RunParams },
    responses: { 200: json(Run, "The run") },
  },
  { scope: "read", errors: RUN_ERRORS },
);

const events = route(
  {
    method: "get",
    path: "/v1/runs/{id}/events",
    operationId: "listRunEvents",
    tags,
    summary: "Read the run's event log",
    request: { params: RunParams, query: EventsQuery },
    responses: {
      200: json(
        z.object({ data: z.array(RunEvent), next_after: z.number().int().nullable() }).openapi("RunEventPage"),
        "Events after `after`; pass next_after back as `after` for the next page",
      ),
    },
  },
  { scope: "read", errors: RUN_ERRORS },
);

const stream = route(
  {
    method: "get",
    path: "/v1/runs/{id}/stream",
    operationId: "streamRunEvents",
    tags,
    summary: "Follow the event log live (Server-Sent Events)",
    description:
      "Replays the log after `after` (or `Last-Event-ID`), then follows the run live and closes when it ends. Each event's `id:` is its sequence number and `event:` its type.",
    parameters: [
      {
        name: "Last-Event-ID",
        in: "header",
        required: false,
        description: "The last sequence number seen; the stream resumes after it (wins over `after`)",
        schema: { type: "string", pattern: "^\\d{1,15}$" },
      },
    ],
    request: { params: RunParams, query: z.object({ after: z.coerce.number().int().min(0).optional() }) },
    responses: {
      200: {
        description: "The event stream",
        content: {
          "text/event-stream": {
            schema: {
              type: "string",
              description: "Server-Sent Events: `id: <seq>`, `event: <type>` and `data: <a RunEvent as JSON>` for each event",
            },
          },
        },
      },
    },
  },
  { scope: "read", errors: RUN_ERRORS },
);

const CONTROL = {
  start: { operationId: "startQueuedRun", summary: "Start a run created with start: false", codes: ["RUN_ALREADY_STARTED"] },
  pause: { operationId: "pauseRun", summary: "Pause a run (steps in flight finish; no new step starts)", codes: ["RUN_NOT_RUNNING"] },
  resume: {
    operationId: "resumeRun",
    summary: "Resume a paused run, or re-run a failed run's failed steps",
    codes: ["RUN_NOT_PAUSED", "RUN_OUTPUTS_PURGED"],
  },
} as const;

type ControlAction = keyof typeof CONTROL;

const controlRoute = (action: ControlAction) =>
  route(
    {
      method: "post",
      path: `/v1/runs/{id}/${action}`,
      operationId: CONTROL[action].operationId,
      tags,
      summary: CONTROL[action].summary,
      request: { params: RunParams },
      responses: { 200: json(Run, "The run") },
    },
    { scope: "run", errors: [...RUN_ERRORS, ...CONTROL[action].codes] },
  );

const cancel = route(
  {
    method: "post",
    path: "/v1/runs/{id}/cancel",
    operationId: "cancelRun",
    tags,
    summary: "Cancel a run (in-flight calls are aborted), optionally saying why",
    request: { params: RunParams, body: optionalJsonBody(CancelBody) },
    responses: { 200: json(Run, "The run") },
  },
  { scope: "run", errors: [...RUN_ERRORS, "RUN_ALREADY_FINISHED"] },
);

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

const sendEvent = route(
  {
    method: "post",
    path: "/v1/runs/{id}/events",
    operationId: "sendRunEvent",
    tags,
    summary: "Send an event to a waiting step",
    description:
      "Applied at once to a waiting step (200), or kept for a step that will wait for it (202). A payload that breaks the step's schema is a 400.",
    request: { params: RunParams, body: jsonBody(EventBody) },
    responses: { 200: json(EventAnswer, "Applied"), 202: json(EventAnswer, "Kept for a later step") },
  },
  { scope: "run", errors: [...RUN_ERRORS, "RUN_ALREADY_FINISHED", "DUPLICATE_EVENT", "NO_WAITING_STEP"] },
);

const replay = route(
  {
    method: "post",
    path: "/v1/runs/{id}/replay",
    operationId: "replayRun",
    tags,
    summary: "Start a new run from this run's version and input",
    description: "With from_step, steps that neither are that step nor depend on it reuse their outputs.",
    request: { params: RunParams, body: optionalJsonBody(ReplayBody) },
    responses: { 201: json(Run, "The new run") },
  },
  { scope: "run", idempotent: true, errors: [...RUN_ERRORS, "RUN_OUTPUTS_PURGED"] },
);

const retention = route(
  {
    method: "patch",
    path: "/v1/runs/{id}/retention",
    operationId: "updateRunRetention",
    tags,
    summary: "Change how long the run's data is kept",
    request: { params: RunParams, body: jsonBody(RetentionPatchBody) },
    responses: { 200: json(Run, "The run") },
  },
  { scope: "write", errors: RUN_ERRORS },
);

const purge = route(
  {
    method: "delete",
    path: "/v1/runs/{id}",
    operationId: "purgeRun",
    tags,
    summary: "Purge an ended run's data now",
    description:
      "Removes the input, outputs, errors, metadata and event log, redacts the bodies of the run's webhook deliveries (pending ones stop) and the stored answer of the Idempotency-Key that created it. The run stays listed; reading it answers 410 RUN_PURGED.",
    request: { params: RunParams },
    responses: { 200: json(z.object({ id: z.string(), purged_at: time() }).openapi("PurgedRun"), "Purged") },
  },
  { scope: "write", errors: [...RUN_ERRORS, "RUN_NOT_ENDED"] },
);

const schema = route(
  {
    method: "get",
    path: "/v1/workflows/{id}/schema",
    operationId: "getWorkflowSchema",
    tags: ["Workflows"],
    summary: "Input schema, a sample input and the output shape from the last completed run",
    request: { params: WorkflowParams },
    responses: {
      200: json(
        z
          .object({
            workflow_id: z.string(),
            version: z.number().int(),
            input_schema: JsonObject.nullable(),
            input_default: JsonObject.nullable(),
            output_schema: JsonObject.nullable(),
            sample_input: z.unknown().openapi({ description: "The input of the last completed run that was not purged, or null" }),
            output_shape: JsonObject.nullable().openapi({ description: "A JSON Schema inferred from that run's output" }),
            sample_run_id: z.string().nullable(),
          })
          .openapi("WorkflowSchema"),
        "The schema",
      ),
    },
  },
  { scope: "read", errors: ["WORKFLOW_NOT_FOUND"] },
);

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
    failedStep: q.failed_step,
    errorCode: q.error_code,
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

  for (const action of Object.keys(CONTROL) as ControlAction[]) {
    app.openapi(controlRoute(action), async (c) => c.json(await controlRun(c.env, c.get("appId"), c.req.valid("param").id, action), 200));
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
    c.json(await setRunRetention(c.env, auditStamp(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(purge, async (c) => c.json(await purgeRun(c.env, auditStamp(c), c.req.valid("param").id), 200));

  app.openapi(schema, async (c) => c.json(await workflowSchema(c.env, c.get("appId"), c.req.valid("param").id), 200));
}
