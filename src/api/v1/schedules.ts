import { z } from "@hono/zod-openapi";
import { ProfileName } from "../../domain/profile-name";
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  setWorkflowSchedulesPaused,
  updateSchedule,
} from "../../services/schedules";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { afterCursor } from "../paging";
import { IdParam, json, jsonBody, listOf, PageQuery, route, time } from "../schemas";

const tags = ["Schedules"];

const Fields = {
  cron: z.string().min(1).max(200).openapi({ example: "0 9 * * 1-5", description: "Five fields (minute precision)" }),
  timezone: z.string().min(1).max(100).optional().openapi({ example: "Europe/Berlin", description: "IANA timezone; default UTC" }),
  input: z.unknown().optional(),
  profile: ProfileName.optional(),
  version: z.number().int().min(1).nullable().optional().openapi({ description: "Pin a version; default: the current one at each fire" }),
  overlap: z.enum(["allow", "skip"]).optional().openapi({ description: "skip: no new run while the previous one has not ended" }),
  paused: z.boolean().optional(),
};

const CreateBody = z.object(Fields).strict().openapi("CreateSchedule");
const PatchBody = z
  .object({ ...Fields, cron: Fields.cron.optional() })
  .strict()
  .openapi("PatchSchedule");

const SummaryFields = {
  id: z.string(),
  workflow_id: z.string(),
  cron: z.string(),
  timezone: z.string(),
  profile: z.string(),
  overlap: z.enum(["allow", "skip"]),
  paused: z.boolean(),
  next_run_at: time().nullable(),
  last_run_at: time().nullable(),
  last_run_id: z.string().nullable(),
  created_at: time(),
  updated_at: time(),
};

const ScheduleSummary = z.object(SummaryFields).openapi("ScheduleSummary");

const Schedule = z
  .object({
    ...SummaryFields,
    input: z.unknown(),
    version: z.number().int().nullable(),
    skipped_count: z.number().int().openapi({ description: "Fires skipped because the previous run had not ended (overlap: skip)" }),
    last_error: z.string().nullable().openapi({ description: "Why the last fire could not start a run" }),
  })
  .openapi("Schedule");

const notFound = { errors: ["NOT_FOUND"] } as const;

const create = route(
  {
    method: "post",
    path: "/v1/workflows/{id}/schedules",
    operationId: "createSchedule",
    tags,
    summary: "Run a workflow on a cron schedule",
    request: { params: IdParam("id"), body: jsonBody(CreateBody) },
    responses: { 201: json(Schedule, "The schedule") },
  },
  { scope: "write", errors: ["WORKFLOW_NOT_FOUND"] },
);

const list = route(
  {
    method: "get",
    path: "/v1/schedules",
    operationId: "listSchedules",
    tags,
    summary: "List schedules",
    request: { query: PageQuery.extend({ workflow_id: z.string().max(100).optional() }) },
    responses: { 200: json(listOf(ScheduleSummary, "ScheduleList"), "A page of schedules") },
  },
  { scope: "read" },
);

const get = route(
  {
    method: "get",
    path: "/v1/schedules/{id}",
    operationId: "getSchedule",
    tags,
    summary: "Get a schedule",
    request: { params: IdParam("id") },
    responses: { 200: json(Schedule, "The schedule") },
  },
  { ...notFound, scope: "read" },
);

const patch = route(
  {
    method: "patch",
    path: "/v1/schedules/{id}",
    operationId: "updateSchedule",
    tags,
    summary: "Pause, resume, or change the cron, timezone, input, profile or version",
    request: { params: IdParam("id"), body: jsonBody(PatchBody) },
    responses: { 200: json(Schedule, "The schedule") },
  },
  { scope: "write", errors: ["NOT_FOUND", "WORKFLOW_NOT_FOUND"] },
);

const remove = route(
  {
    method: "delete",
    path: "/v1/schedules/{id}",
    operationId: "deleteSchedule",
    tags,
    summary: "Delete a schedule",
    request: { params: IdParam("id") },
    responses: { 200: json(Schedule, "The deleted schedule") },
  },
  { ...notFound, scope: "write" },
);

const toggle = (action: "pause" | "resume") =>
  route(
    {
      method: "post",
      path: `/v1/workflows/{id}/schedules/${action}`,
      operationId: action === "pause" ? "pauseWorkflowSchedules" : "resumeWorkflowSchedules",
      tags,
      summary: action === "pause" ? "Pause every schedule of a workflow" : "Resume every schedule of a workflow",
      description:
        action === "pause"
          ? "Each schedule's alarm is dropped: nothing fires until it is resumed."
          : "Each schedule fires next at its first slot from now; slots missed while paused are not fired.",
      request: { params: IdParam("id") },
      responses: {
        200: json(z.object({ data: z.array(Schedule) }).openapi("WorkflowScheduleList"), "The workflow's schedules, newest first"),
      },
    },
    { scope: "write", errors: ["WORKFLOW_NOT_FOUND"] },
  );

export function registerSchedules(app: App) {
  for (const action of ["pause", "resume"] as const) {
    app.openapi(toggle(action), async (c) =>
      c.json(await setWorkflowSchedulesPaused(c.env, auditStamp(c), c.req.valid("param").id, action === "pause"), 200),
    );
  }
  app.openapi(create, async (c) => c.json(await createSchedule(c.env, auditStamp(c), c.req.valid("param").id, c.req.valid("json")), 201));
  app.openapi(list, async (c) => {
    const { limit, cursor, workflow_id } = c.req.valid("query");
    return c.json(await listSchedules(c.env, c.get("appId"), limit, afterCursor(cursor), workflow_id), 200);
  });
  app.openapi(get, async (c) => c.json(await getSchedule(c.env, c.get("appId"), c.req.valid("param").id), 200));
  app.openapi(patch, async (c) => c.json(await updateSchedule(c.env, auditStamp(c), c.req.valid("param").id, c.req.valid("json")), 200));
  app.openapi(remove, async (c) => c.json(await deleteSchedule(c.env, auditStamp(c), c.req.valid("param").id), 200));
}
