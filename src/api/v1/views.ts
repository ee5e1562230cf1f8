import { z } from "@hono/zod-openapi";
import { Concurrency, RateLimit, Retention, VersionedFields } from "../../domain/definition";
import { RUN_STATUSES, STEP_STATUSES } from "../../domain/run-status";
import { EventKind } from "../../engine/events";
import { TRIGGERS } from "../../engine/run-types";
import { time } from "../schemas";

/**
 * The shapes the native API answers with, one per view function of the services. They list
 * every field (no open objects), so a generated client knows each one and the response check
 * in the tests catches a field the document does not name.
 */

const WorkflowFields = {
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  current_version: z.number().int(),
  latest_version: z.number().int(),
  webhook_url: z.string().nullable(),
  retention: Retention.nullable(),
  concurrency: Concurrency.nullable(),
  rate_limit: RateLimit.nullable(),
  discoverable: z.boolean(),
  created_at: time(),
  updated_at: time(),
  deleted_at: time().nullable(),
};

export const Workflow = z.object(WorkflowFields).openapi("Workflow");

export const WorkflowWithDefinition = z.object({ ...WorkflowFields, ...VersionedFields }).openapi("WorkflowWithDefinition");

export const WorkflowVersion = z
  .object({ workflow_id: z.string(), version: z.number().int(), ...VersionedFields, created_at: time() })
  .openapi("WorkflowVersion");

const { webhook_url: _hook, retention: _retention, deleted_at: _deleted, ...DiscoverableFields } = WorkflowFields;
const DiscoverableWorkflowFields = { ...DiscoverableFields, app_id: z.string().openapi({ description: "The owner's app" }) };

export const DiscoverableWorkflow = z.object(DiscoverableWorkflowFields).openapi("DiscoverableWorkflow");

export const DiscoverableWorkflowWithDefinition = z
  .object({ ...DiscoverableWorkflowFields, ...VersionedFields })
  .openapi("DiscoverableWorkflowWithDefinition");

const RunError = z
  .object({
    code: z.string(),
    message: z.string(),
    step_id: z.string().nullable(),
    details: z.unknown().optional().openapi({ description: "What the step reported: an HTTP status and body, schema problems, ..." }),
  })
  .openapi("RunError");

const WaitingFor = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("sleep"), until: time() }),
    z.object({ kind: z.literal("event"), events: z.array(z.string()), timeout_at: time().nullable() }),
    z.object({ kind: z.literal("child"), run_id: z.string() }),
    z.object({ kind: z.literal("callback"), timeout_at: time().nullable() }),
  ])
  .openapi("WaitingFor");

const RunStep = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string().nullable(),
    status: z.enum(STEP_STATUSES),
    attempts: z.number().int(),
    input: z.unknown(),
    output: z.unknown(),
    error: RunError.nullable(),
    waiting_for: WaitingFor.nullable(),
    next_attempt_at: time().nullable().openapi({ description: "When a step that failed an attempt tries again" }),
    used_fallback: z.boolean(),
    task_id: z.string().nullable().openapi({ description: "The provider's job id (integration steps)" }),
    started_at: time().nullable(),
    ended_at: time().nullable(),
  })
  .openapi("RunStep");

const RunFields = {
  id: z.string(),
  workflow_id: z.string(),
  version: z.number().int(),
  status: z.enum(RUN_STATUSES),
  trigger: z.enum(TRIGGERS),
  surface: z.string().openapi({ description: "`native`, or the dialect the run was started through" }),
  profile: z.string(),
  schedule_id: z.string().nullable(),
  process_id: z.string().nullable().openapi({ description: "Your name for the run, given when it was started" }),
  parent_run_id: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  created_at: time(),
  started_at: time().nullable(),
  ended_at: time().nullable(),
  updated_at: time(),
  deleted_at: time().nullable().openapi({ description: "When the run was soft-deleted (hidden from lists)" }),
};

export const Run = z
  .object({
    ...RunFields,
    input: z.unknown(),
    output: z.unknown(),
    error: RunError.nullable(),
    progress: z.number().int().min(0).max(100),
    total_steps: z.number().int(),
    completed_steps: z.number().int(),
    current_steps: z.array(z.string()),
    steps: z.array(RunStep),
    usage: z.object({ steps_executed: z.number().int(), http_calls: z.number().int(), duration_ms: z.number().int() }),
    webhook_url: z.string().nullable(),
    retention: z.object({ max_age_seconds: z.number().int(), preserve_on_failure: z.boolean(), due_at: time().nullable() }),
    outputs_purged_at: time().nullable().openapi({ description: "When the step inputs and outputs were dropped" }),
  })
  .openapi("Run");

export const RunSummary = z
  .object({
    ...RunFields,
    error_code: z.string().nullable(),
    error_step: z.string().nullable().openapi({ description: "The step whose failure failed the run, when one did" }),
    purged_at: time().nullable(),
  })
  .openapi("RunSummary");

export const RunEvent = z
  .object({
    seq: z.number().int().openapi({ description: "Gap-free, from 1" }),
    type: z.enum(Object.keys(EventKind) as [keyof typeof EventKind, ...Array<keyof typeof EventKind>]),
    at: time(),
    step_id: z.string().nullable(),
    data: z.unknown(),
  })
  .openapi("RunEvent");
