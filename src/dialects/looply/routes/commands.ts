import { z } from "@hono/zod-openapi";
import { auditStamp } from "../../../api/middleware/auth";
import { idempotent } from "../../../api/middleware/idempotency";
import { jsonBody, optionalJsonBody } from "../../../api/schemas";
import { AppError, validationFailed } from "../../../domain/errors";
import { Limits } from "../../../domain/limits";
import { startRun } from "../../../services/runs";
import { setWorkflowSchedulesPaused } from "../../../services/schedules";
import { getVersion } from "../../../services/workflows";
import type { Dialect, DialectContext } from "../../kit";
import { scopedRoute } from "../../route";
import { resumeExecution, terminateExecution } from "../executions";
import { currentState } from "../mappers";
import { ResumeBody, Resumed, ResumeProblem, TerminateBody, Terminated, ToggleBody, Toggled, TriggerBody, Triggered } from "../schemas";
import { commonErrors, message, tooLarge, versionNumber } from "./shared";

const tags = ["Workflow API"];
const BASE = "/v2/workflows";
const INCORRECT_WORKFLOW = { message: "incorrect workflow id" };
const DEFAULT_REASON = "Workflow execution terminated by user.";

const pathString = (name: string, description: string) =>
  z
    .string()
    .max(255)
    .openapi({ param: { name, in: "path" }, description });

const problem = (description: string) => ({ description, content: { "application/json": { schema: ResumeProblem } } });

const triggerRoute = <P extends z.ZodObject>(path: string, operationId: string, summary: string, params: P) =>
  scopedRoute(
    {
      method: "post",
      path,
      operationId,
      tags,
      summary,
      description:
        "Starts an execution with the body as its input. `?profile=` picks the profile whose variables it runs with. " +
        "Send an Idempotency-Key header to make a retry safe.",
      request: {
        params,
        query: z.object({
          profile: z.string().max(64).optional().openapi({ description: "name of the environment variable profile" }),
        }),
        headers: z.object({ "idempotency-key": z.string().max(255).optional() }),
        body: optionalJsonBody(TriggerBody),
      },
      responses: {
        200: { description: "Triggered", content: { "application/json": { schema: Triggered } } },
        ...commonErrors,
        ...tooLarge,
        ...tooLarge,
        400: message('Unknown workflow or version: `{"message":"incorrect workflow id"}`; or input that breaks the input schema'),
      },
    },
    "run",
  );

const workflowIdParam = pathString("workflow_id", "id of the workflow");
const triggerVersion = triggerRoute(
  `${BASE}/triggerworkflow/{workflow_id}/{workflow_version}`,
  "triggerWorkflow",
  "Trigger a workflow version",
  z.object({ workflow_id: workflowIdParam, workflow_version: pathString("workflow_version", "version of the workflow") }),
);
const triggerCurrent = triggerRoute(
  `${BASE}/triggerworkflow/{workflow_id}`,
  "triggerWorkflowCurrentVersion",
  "Trigger a workflow's current version",
  z.object({ workflow_id: workflowIdParam }),
);

const resume = scopedRoute(
  {
    method: "post",
    path: `${BASE}/resumeWorkflow/{process_id}`,
    operationId: "resumeWorkflow",
    tags,
    summary: "Resume an execution waiting at a wait state",
    description: "The payload becomes the event the waiting `wait_for_event` step receives, whatever event name it waits for.",
    request: {
      params: z.object({ process_id: pathString("process_id", "process_id given to triggerworkflow, else the looply_execution_id") }),
      body: jsonBody(ResumeBody),
    },
    responses: {
      200: { description: "WORKFLOW_RESTARTED", content: { "application/json": { schema: Resumed } } },
      ...commonErrors,
      ...tooLarge,
      404: problem("EXECUTION_NOT_FOUND"),
      409: problem("EXECUTION_IN_PROGRESS, NO_RESUMABLE_EXECUTION or ALREADY_RESTARTED"),
      500: problem("WORKFLOW_RESTART_FAILED"),
    },
  },
  "run",
);

const terminate = scopedRoute(
  {
    method: "post",
    path: `${BASE}/terminateWorkflow/{process_id}`,
    operationId: "terminateWorkflow",
    tags,
    summary: "Terminate an ongoing execution, with a reason",
    request: {
      params: z.object({ process_id: pathString("process_id", "process_id given to triggerworkflow, else the looply_execution_id") }),
      body: optionalJsonBody(TerminateBody),
    },
    responses: {
      200: { description: "Terminated", content: { "application/json": { schema: Terminated } } },
      ...commonErrors,
      ...tooLarge,
      404: message('No such execution, or it is not running: `{"message":"execution not found"}`'),
    },
  },
  "run",
);

const toggle = scopedRoute(
  {
    method: "post",
    path: `${BASE}/toggleScheduledWorkflow`,
    operationId: "toggleScheduledWorkflow",
    tags,
    summary: "Pause and resume a workflow's schedules",
    request: { body: jsonBody(ToggleBody) },
    responses: {
      200: { description: "Every schedule of the workflow is paused or active", content: { "application/json": { schema: Toggled } } },
      ...commonErrors,
      ...tooLarge,
      404: message("No such workflow or version, or the workflow has no schedule"),
      409: message("An action other than PAUSE or PLAY"),
    },
  },
  "write",
);

/** docs/dialects/looply.md#endpoints: triggerWorkflow. An unknown workflow or version is Looply's 400. */
async function trigger(c: DialectContext, workflowId: string, version: string | undefined, profile: string | undefined, body: unknown) {
  if (version !== undefined && !/^[1-9]\d{0,8}$/.test(version)) return c.json(INCORRECT_WORKFLOW, 400);
  const input = (body ?? {}) as { process_id?: string };
  try {
    const run = await startRun(c.env, c.get("appId"), {
      id: c.get("createdId"),
      workflowId,
      version: version === undefined ? undefined : Number(version),
      input,
      profile,
      processId: input.process_id,
      surface: "looply",
    });
    return c.json({ message: "success" as const, looply_execution_id: run.id, ...(profile !== undefined ? { profile } : {}) }, 200);
  } catch (error) {
    const unknown =
      error instanceof AppError &&
      (error.code === "WORKFLOW_NOT_FOUND" || (error.code === "VALIDATION_FAILED" && error.details?.[0]?.path === "version"));
    if (unknown) return c.json(INCORRECT_WORKFLOW, 400);
    throw error;
  }
}

export function registerCommandRoutes({ app }: Dialect) {
  app.use(`${BASE}/triggerworkflow/*`, idempotent());
  for (const path of [`${BASE}/triggerworkflow`, `${BASE}/triggerworkflow/`]) app.post(path, (c) => c.json(INCORRECT_WORKFLOW, 400));

  app.openapi(triggerVersion, async (c) => {
    const { workflow_id, workflow_version } = c.req.valid("param");
    return trigger(c, workflow_id, workflow_version, c.req.valid("query").profile, c.req.valid("json"));
  });
  app.openapi(triggerCurrent, async (c) =>
    trigger(c, c.req.valid("param").workflow_id, undefined, c.req.valid("query").profile, c.req.valid("json")),
  );

  /** docs/dialects/looply.md#endpoints: resumeWorkflow. */
  app.openapi(resume, async (c) => {
    const appId = c.get("appId");
    const processId = c.req.valid("param").process_id;
    const { payload } = c.req.valid("json");
    const size = JSON.stringify(payload).length;
    if (size > Limits.eventPayloadBytes) {
      throw validationFailed([{ path: "payload", message: `is ${size} bytes; the limit is ${Limits.eventPayloadBytes}` }]);
    }
    let outcome: Awaited<ReturnType<typeof resumeExecution>>;
    try {
      outcome = await resumeExecution(c.env, appId, processId, payload);
    } catch (error) {
      if (error instanceof AppError && error.code !== "INTERNAL") throw error;
      console.error(`request ${c.get("requestId")}: resume of ${processId} failed`, error);
      outcome = { kind: "failed", key: processId };
    }
    switch (outcome.kind) {
      case "restarted": {
        const { run } = outcome;
        const workflow_identifier = { organization_id: appId, workflow_id: run.workflow_id, workflow_execution_id: run.id };
        return c.json({ message: "success" as const, code: "WORKFLOW_RESTARTED" as const, data: { workflow_identifier } }, 200);
      }
      case "not_found":
        return c.json({ code: "EXECUTION_NOT_FOUND" as const, data: { organization_id: appId } }, 404);
      case "in_progress": {
        const { run } = outcome;
        const data = {
          execution_id: run.id,
          workflow_id: run.workflow_id,
          workflow_status: "IN_PROGRESS",
          workflow_current_state: currentState(run),
          workflow_process_id: processId,
          execution_description: `execution ${run.id} is ${run.status} and not at a wait state`,
          timestamp: run.updated_at ?? new Date().toISOString(),
        };
        return c.json({ code: "EXECUTION_IN_PROGRESS" as const, data }, 409);
      }
      case "ended":
        return c.json({ code: "NO_RESUMABLE_EXECUTION" as const, data: { execution_key: outcome.key } }, 409);
      case "already":
        return c.json({ code: "ALREADY_RESTARTED" as const, data: { execution_key: outcome.key } }, 409);
      case "failed":
        return c.json({ code: "WORKFLOW_RESTART_FAILED" as const, data: { execution_key: outcome.key } }, 500);
    }
  });

  /** docs/dialects/looply.md#endpoints: terminateWorkflow. */
  app.openapi(terminate, async (c) => {
    // Without a JSON body the validated body is empty: the default reason applies.
    const reason = c.req.valid("json")?.payload?.termination_reason ?? DEFAULT_REASON;
    if (await terminateExecution(c.env, c.get("appId"), c.req.valid("param").process_id, reason)) {
      return c.json({ message: "terminated" as const }, 200);
    }
    return c.json({ message: "execution not found" }, 404);
  });

  /** docs/dialects/looply.md#endpoints: toggleScheduledWorkflow. */
  app.openapi(toggle, async (c) => {
    const { workflow_id, workflow_version, action } = c.req.valid("json");
    if (action !== "PAUSE" && action !== "PLAY") return c.json({ message: `action must be PAUSE or PLAY, not ${action}` }, 409);
    const appId = c.get("appId");
    await getVersion(c.env, appId, workflow_id, versionNumber(String(workflow_version), "workflow_version"));
    const { data } = await setWorkflowSchedulesPaused(c.env, auditStamp(c), workflow_id, action === "PAUSE");
    if (data.length === 0) return c.json({ message: `workflow ${workflow_id} has no schedule` }, 404);
    return c.json(
      {
        message: "success" as const,
        workflow_id,
        workflow_version,
        status: action === "PAUSE" ? ("PAUSED" as const) : ("ACTIVE" as const),
      },
      200,
    );
  });
}
