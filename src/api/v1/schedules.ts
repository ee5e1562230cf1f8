import { createRoute, z } from "@hono/zod-openapi";
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  setWorkflowSchedulesPaused,
  updateSchedule,
} from "../../services/schedules";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { errorResponses, IdParam, json, jsonBody, listOf, PageQuery } from "../schemas";

const tags = ["Schedules"];

const Fields = {
  cron: z.string().min(1).max(200).openapi({ example: "0 9 * * 1-5", description: "Five fields (minute precision)" }),
  timezone: z.string().min(1).max(100).optional().openapi({ example: "Europe/Berlin", description: "IANA timezone; default UTC" }),
  input: z.unknown().optional(),
  profile: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  version: z.number().int().min(1).nullable().optional().openapi({ description: "Pin a version; default: the current one at each fire" }),
  overlap: z.enum(["allow", "skip"]).optional().openapi({ description: "skip: no new run while the previous one has not ended" }),
  paused: z.boolean().optional(),
};

const CreateBody = z.object(Fields).strict().openapi("CreateSchedule");
const PatchBody = z
  .object({ ...Fields, cron: Fields.cron.optional() })
  .strict()
  .openapi("PatchSchedule");

const Schedule = z
  .object({
    id: z.string(),
    workflow_id: z.string(),
    cron: z.string(),
    timezone: z.string(),
    paused: z.boolean(),
    next_run_at: z.string().nullable(),
    last_run_id: z.string().nullable(),
  })
  .passthrough()
  .openapi("Schedule");

const create = createRoute({
  method: "post",
  path: "/v1/workflows/{id}/schedules",
  tags,
  summary: "Run a workflow on a cron schedule",
  request: { params: IdParam("id"), body: jsonBody(CreateBody) },
  responses: { 201: json(Schedule, "The schedule"), ...errorResponses },
});

const list = createRoute({
  method: "get",
  path: "/v1/schedules",
  tags,
  summary: "List schedules",
  request: { query: PageQuery.extend({ workflow_id: z.string().max(100).optional() }) },
  responses: { 200: json(listOf(Schedule, "ScheduleList"), "A page of schedules"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/v1/schedules/{id}",
  tags,
  summary: "Get a schedule",
  request: { params: IdParam("id") },
  responses: { 200: json(Schedule, "The schedule"), ...errorResponses },
});

const patch = createRoute({
  method: "patch",
  path: "/v1/schedules/{id}",
  tags,
  summary: "Pause, resume, or change the cron, timezone or input",
  request: { params: IdParam("id"), body: jsonBody(PatchBody) },
  responses: { 200: json(Schedule, "The schedule"), ...errorResponses },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/schedules/{id}",
  tags,
  summary: "Delete a schedule",
  request: { params: IdParam("id") },
  responses: { 200: json(Schedule, "The deleted schedule"), ...errorResponses },
});

const toggle = (action: "pause" | "resume") =>
  createRoute({
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
    responses: { 200: json(z.object({ data: z.array(Schedule) }), "The workflow's schedules, newest first"), ...errorResponses },
  });

export function registerSchedules(app: App) {
  for (const action of ["pause", "resume"] as const) {
    app.openapi(toggle(action), async (c) =>
      c.json(await setWorkflowSchedulesPaused(c.env, c.get("appId"), c.req.valid("param").id, action === "pause"), 200),
    );
  }
  app.openapi(create, async (c) => c.json(await createSchedule(c.env, c.get("appId"), c.req.valid("param").id, c.req.valid("json")), 201));
  app.openapi(list, async (c) => {
    const { limit, cursor, workflow_id } = c.req.valid("query");
    return c.json(await listSchedules(c.env, c.get("appId"), limit, afterCursor(cursor), workflow_id), 200);
  });
  app.openapi(get, async (c) => c.json(await getSchedule(c.env, c.get("appId"), c.req.valid("param").id), 200));
  app.openapi(patch, async (c) => c.json(await updateSchedule(c.env, c.get("appId"), c.req.valid("param").id, c.req.valid("json")), 200));
  app.openapi(remove, async (c) => c.json(await deleteSchedule(c.env, c.get("appId"), c.req.valid("param").id), 200));
}
