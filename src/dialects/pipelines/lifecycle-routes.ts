import { z } from "@hono/zod-openapi";
import { auditStamp } from "../../api/middleware/auth";
import { json } from "../../api/schemas";
import { AppError } from "../../domain/errors";
import { controlRun, purgeRunOutputs, type RunAction, updateRun } from "../../services/runs";
import { deleteWorkflow } from "../../services/workflows";
import type { Dialect } from "../kit";
import { scopedRoute } from "../route";
import { WorkflowCleanupResponse, WorkflowPublic } from "./schemas";
import { queryBoolean } from "./validation";
import { conflictAnswer, errorAnswers, readWorkflow, refusedAnswer, requireStatus, WorkflowIdParam, workflowPublic } from "./views";

const tags = ["workflows"];
const ITEM = "/api/v1/workflows/{workflow_id}";

const control = (method: "delete" | "post", path: string, operationId: string, summary: string, description: string) =>
  scopedRoute(
    {
      method,
      path,
      operationId,
      tags,
      summary,
      description,
      request: { params: WorkflowIdParam },
      responses: { 200: json(WorkflowPublic, "The workflow"), ...conflictAnswer, ...refusedAnswer, ...errorAnswers },
    },
    "run",
  );

const CONTROLS: Array<{ route: ReturnType<typeof control>; action: RunAction; allowed: WorkflowPublic["status"][]; verb: string }> = [
  {
    // docs/dialects/pipelines.md#endpoints: DELETE /{workflow_id} (cancel).
    route: control(
      "delete",
      ITEM,
      "cancelWorkflow",
      "Cancel Workflow",
      "Cancels a PENDING or RUNNING workflow; tasks in flight are aborted.",
    ),
    action: "cancel",
    allowed: ["PENDING", "RUNNING"],
    verb: "cancelled",
  },
  {
    // docs/dialects/pipelines.md#endpoints: POST /{workflow_id}/start.
    route: control("post", `${ITEM}/start`, "startWorkflow", "Start Workflow", "Starts a PENDING workflow (created with start=false)."),
    action: "start",
    allowed: ["PENDING"],
    verb: "started",
  },
  {
    // docs/dialects/pipelines.md#endpoints: POST /{workflow_id}/resume.
    route: control(
      "post",
      `${ITEM}/resume`,
      "resumeWorkflow",
      "Resume Workflow",
      "Continues a FAILED or PAUSED workflow: completed steps keep their results, failed and interrupted ones run again.",
    ),
    action: "resume",
    allowed: ["FAILED", "PAUSED"],
    verb: "resumed",
  },
];

const cleanup = scopedRoute(
  {
    method: "post",
    path: `${ITEM}/cleanup`,
    operationId: "cleanupWorkflow",
    tags,
    summary: "Cleanup Workflow",
    description:
      "Soft-deletes an ended workflow (hidden from lists unless include_deleted=true) and, with cleanup_tasks (default), " +
      "deletes its tasks' stored requests and results.",
    request: { params: WorkflowIdParam, query: z.object({ cleanup_tasks: queryBoolean(true) }) },
    responses: {
      200: json(WorkflowCleanupResponse, "The cleaned up workflow and what was cleaned"),
      ...conflictAnswer,
      ...refusedAnswer,
      ...errorAnswers,
    },
  },
  "write",
);

export function registerLifecycleRoutes({ app }: Dialect) {
  for (const { route, action, allowed, verb } of CONTROLS) {
    app.openapi(route, async (c) => {
      const id = c.req.valid("param").workflow_id;
      const appId = c.get("appId");
      const { status } = await readWorkflow(c.env, appId, id);
      requireStatus(id, status, allowed, verb);
      return c.json(await workflowPublic(c.env, await controlRun(c.env, appId, id, action)), 200);
    });
  }

  /** docs/dialects/pipelines.md#endpoints: POST /{workflow_id}/cleanup. */
  app.openapi(cleanup, async (c) => {
    const id = c.req.valid("param").workflow_id;
    const appId = c.get("appId");
    const { view, status } = await readWorkflow(c.env, appId, id);
    requireStatus(id, status, ["COMPLETED", "FAILED", "CANCELLED"], "cleaned up (cancel it first)");
    const cleanTasks = c.req.valid("query").cleanup_tasks;
    const purged = cleanTasks ? await purgeRunOutputs(c.env, auditStamp(c), id) : null;
    const deleted = await updateRun(c.env, auditStamp(c), id, { deleted: true });
    if (view.surface === "pipelines") {
      await deleteWorkflow(c.env, auditStamp(c), view.workflow_id).catch((error) => {
        if (!(error instanceof AppError && error.code === "WORKFLOW_NOT_FOUND")) throw error;
      });
    }
    return c.json(
      {
        workflow: await workflowPublic(c.env, deleted),
        cleanup: {
          tasks_processed: purged ? view.total_steps : 0,
          tasks_cleaned: purged?.steps.length ?? 0,
          deleted_paths: [],
          errors: [],
        },
      },
      200,
    );
  });
}
