import { z } from "@hono/zod-openapi";
import { CancelReason } from "./api/schemas";
import { EventBody, StartRunBody } from "./api/v1/run-requests";
import { WorkflowDefinition, zodDetails } from "./domain/definition";
import { validationFailed } from "./domain/errors";
import type { RunStatus } from "./engine/events";
import { decodeCursor } from "./lib/cursor";
import type { AuditStamp } from "./services/audit";
import { controlRun, getRun, listRuns, sendRunEvent, startRun } from "./services/runs";
import { assertValidDefinition, createWorkflow } from "./services/workflows";

/**
 * What the service binding's methods do (src/rpc.ts), for the app the binding acts for: the
 * caller's arguments checked with the rules of the matching /v1 request, then the service
 * call. Loaded on a binding's first call, so its schemas are not built when an isolate starts.
 */

const body = StartRunBody.shape;

/**
 * What a caller may set on a run it starts: the fields of POST /v1/runs, camel-cased, with the
 * same rules. Checked here because a binding's caller can send any object, and the service's own
 * request carries fields only Stepline sets (the run's id, its parent, reused outputs).
 */
const StartOptions = z
  .object({
    input: body.input,
    version: body.version,
    profile: body.profile,
    metadata: body.metadata,
    webhookUrl: body.webhook_url,
    processId: body.process_id,
  })
  .strict();

function checked<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodDetails(result.error, path));
  return result.data;
}

export type StartOptionsInput = z.input<typeof StartOptions>;

export type RunListFilter = { workflowId?: string; status?: RunStatus[]; limit?: number; cursor?: string };

export function createWorkflowFor(env: Env, stamp: AuditStamp, definition: unknown) {
  const parsed = WorkflowDefinition.safeParse(definition);
  if (!parsed.success) {
    assertValidDefinition((definition ?? {}) as Record<string, unknown>, zodDetails(parsed.error));
    throw validationFailed(zodDetails(parsed.error));
  }
  return createWorkflow(env, stamp, parsed.data);
}

export function startRunFor(env: Env, appId: string, workflowId: string, options: StartOptionsInput) {
  const { input, version, profile, metadata, webhookUrl, processId } = checked(StartOptions, options, "options");
  return startRun(env, appId, { workflowId, input, version, profile, metadata, webhookUrl, processId, trigger: "rpc" });
}

export function getRunFor(env: Env, appId: string, runId: string) {
  return getRun(env, appId, runId);
}

export function listRunsFor(env: Env, appId: string, filter: RunListFilter) {
  return listRuns(env, appId, {
    workflowId: filter.workflowId,
    status: filter.status,
    limit: Math.min(Math.max(filter.limit ?? 20, 1), 100),
    after: filter.cursor ? decodeCursor(filter.cursor) : null,
  });
}

export function sendEventFor(env: Env, appId: string, runId: string, event: unknown) {
  return sendRunEvent(env, appId, runId, checked(EventBody, event, "event"));
}

export function cancelRunFor(env: Env, appId: string, runId: string, reason: unknown) {
  return controlRun(env, appId, runId, "cancel", reason === undefined ? undefined : checked(CancelReason, reason, "reason"));
}
