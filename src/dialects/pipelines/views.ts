import { z } from "@hono/zod-openapi";
import { json } from "../../api/schemas";
import type { VersionDefinition } from "../../domain/definition";
import { AppError } from "../../domain/errors";
import type { RunView } from "../../engine/run-view";
import { getRun } from "../../services/runs";
import { loadVersionRow } from "../../services/workflows";
import { pipelinesStatus, toWorkflowPublic } from "./mappers";
import { HTTPError, HTTPValidationError, type WorkflowPublic } from "./schemas";

/** A pipelines workflow is a run; its tasks are in the definition of the version the run pinned. */
export async function workflowPublic(env: Env, view: RunView): Promise<WorkflowPublic> {
  const version = await loadVersionRow(env, view.workflow_id, view.version);
  return toWorkflowPublic(view, (version?.definition as VersionDefinition | undefined)?.steps ?? []);
}

export async function readWorkflow(env: Env, appId: string, id: string) {
  const view = await getRun(env, appId, id);
  return { view, status: pipelinesStatus(view.status) };
}

/** A 409 `{"detail"}` unless the workflow is in one of the statuses the action needs. */
export function requireStatus(id: string, status: WorkflowPublic["status"], allowed: WorkflowPublic["status"][], action: string): void {
  if (!allowed.includes(status)) {
    throw new AppError("CONFLICT", `Workflow ${id} is ${status}; only ${allowed.join(" or ")} workflows can be ${action}`);
  }
}

export const WorkflowIdParam = z.object({
  workflow_id: z
    .string()
    .max(100)
    .openapi({ param: { name: "workflow_id", in: "path" } }),
});

/** The error answers every route can give, as FastAPI writes them. */
export const errorAnswers = {
  401: json(HTTPError, "Not authenticated, or the credentials are not valid"),
  404: json(HTTPError, "Workflow not found (or another app's)"),
  422: json(HTTPValidationError, "Validation Error"),
} as const;

/** A key whose scopes do not cover a change or a run command. */
export const refusedAnswer = { 403: json(HTTPError, "The key's scopes do not cover this operation; nothing was changed") } as const;

export const conflictAnswer = { 409: json(HTTPError, "Not allowed in the workflow's status") } as const;
