import type { StepDefinition } from "../../domain/definition";
import { dependenciesOf } from "../../domain/definition";
import type { RunView } from "../../engine/run-view";
import { UPPERCASE_RUN_STATUS, UPPERCASE_STEP_STATUS } from "../statuses";
import type { PipelinesTask } from "./definition";
import type { WorkflowPublic, WorkflowStepPublic } from "./schemas";

type Status = WorkflowPublic["status"];

const STATUS: Record<RunView["status"], Status> = UPPERCASE_RUN_STATUS;

/** The native statuses behind each pipelines status, for list filters. */
export const NATIVE_STATUSES: Record<Status, RunView["status"][]> = {
  PENDING: ["queued"],
  RUNNING: ["running", "waiting"],
  PAUSED: ["paused"],
  COMPLETED: ["completed"],
  FAILED: ["failed"],
  CANCELLED: ["cancelled"],
};

export const pipelinesStatus = (status: RunView["status"]): Status => STATUS[status];

const STEP_STATUS: Record<string, WorkflowStepPublic["status"]> = UPPERCASE_STEP_STATUS;

type Dict = Record<string, unknown>;
const isObject = (v: unknown): v is Dict => !!v && typeof v === "object" && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** A result is an object; any other output is shown as `{value}`. */
const asResult = (output: unknown): Dict | null =>
  output === null || output === undefined ? null : isObject(output) ? output : { value: output };

/** 64 bits of FNV-1a, as hex: a stable id from text without async crypto. */
function fnv64(text: string, seed: bigint): string {
  let hash = 0xcbf29ce484222325n ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** A step's UUID: the same for a run and step on every read (a version 8 UUID). */
export function stepUuid(runId: string, stepId: string): string {
  const hex = fnv64(`${runId}/${stepId}`, 0n) + fnv64(`${runId}/${stepId}`, 0x9e3779b97f4a7c15n);
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The task as the client defined it; a step of a workflow made through /v1 reads as its own type and config. */
function taskOf(def: StepDefinition | undefined, id: string, steps: StepDefinition[]): PipelinesTask {
  const task = def?.meta?.pipelines as PipelinesTask | undefined;
  if (task) return task;
  const index = steps.findIndex((s) => s.id === id);
  return {
    step_id: id,
    task_type: def?.type ?? "unknown",
    config: def?.config ?? {},
    provider_config: {},
    active_provider_capabilities: null,
    fallback_provider_type: def?.fallback?.type ?? null,
    fallback_provider_config: def?.fallback?.config ?? null,
    fallback_provider_capabilities: null,
    dependencies: index < 0 ? [] : dependenciesOf(steps, index),
    input_mappings: [],
    max_retries: Math.max(0, (def?.retry?.max_attempts ?? 5) - 1),
  };
}

function stepPublic(run: RunView, step: RunView["steps"][number], task: PipelinesTask): WorkflowStepPublic {
  const ended = step.status === "completed" || step.status === "failed" || step.status === "cancelled" || step.status === "skipped";
  return {
    id: stepUuid(run.id, step.id),
    step_id: task.step_id,
    task_type: task.task_type,
    config: task.config,
    provider_config: Object.keys(task.provider_config).length > 0 ? task.provider_config : null,
    active_provider_capabilities: task.active_provider_capabilities,
    fallback_provider_type: task.fallback_provider_type,
    fallback_provider_config: task.fallback_provider_config,
    fallback_provider_capabilities: task.fallback_provider_capabilities,
    dependencies: task.dependencies,
    input_mappings: task.input_mappings,
    // A step backing off before its next attempt is still being worked on.
    status: step.next_attempt_at !== null ? "RUNNING" : (STEP_STATUS[step.status] ?? "PENDING"),
    task_id: step.task_id,
    result: step.status === "completed" ? asResult(step.output) : null,
    error_message: step.error?.message ?? null,
    started_at: step.started_at,
    completed_at: ended ? step.ended_at : null,
    retry_count: Math.max(0, step.attempts - 1),
    max_retries: task.max_retries,
    created_at: run.created_at as string,
    updated_at: step.ended_at ?? step.started_at ?? (run.created_at as string),
  };
}

/**
 * A run as the pipelines service shows a workflow. `steps` is the run's definition (each
 * task in its `meta.pipelines`); the final step is the last step nothing depends on.
 */
export function toWorkflowPublic(run: RunView, steps: StepDefinition[]): WorkflowPublic {
  const defs = new Map(steps.map((s) => [s.id, s]));
  const tasks = new Map(run.steps.map((s) => [s.id, taskOf(defs.get(s.id), s.id, steps)]));
  const publicId = (id: string) => tasks.get(id)?.step_id ?? id;
  const dependedOn = new Set(steps.flatMap((_, i) => dependenciesOf(steps, i)));
  const sink = [...run.steps].reverse().find((s) => !dependedOn.has(s.id));
  const metadata = isObject(run.metadata) ? run.metadata : {};
  return {
    id: run.id,
    name: text(metadata.name) ?? `${run.workflow_id} run`,
    description: text(metadata.description),
    status: pipelinesStatus(run.status),
    total_steps: run.total_steps,
    completed_steps: run.completed_steps,
    progress: run.progress,
    current_step: run.current_steps.length > 0 ? publicId(run.current_steps[0]) : null,
    final_step_id: sink ? publicId(sink.id) : null,
    final_step_result: sink?.status === "completed" ? asResult(sink.output) : null,
    canvas_task_id: null,
    config: isObject(run.input) ? run.input : {},
    suppress_subtask_events: metadata.suppress_subtask_events !== false,
    origin_instance: text(metadata.origin_instance) ?? run.surface,
    origin_zone: text(metadata.origin_zone),
    origin_tenant_id: text(metadata.origin_tenant_id),
    origin_reference: text(metadata.origin_reference),
    webhook_url: run.webhook_url,
    error_message: run.error?.message ?? null,
    errors: run.steps.filter((s) => s.error).map((s) => `${publicId(s.id)}: ${s.error?.message}`),
    started_at: run.started_at,
    completed_at: run.ended_at,
    created_at: run.created_at as string,
    updated_at: run.updated_at as string,
    is_deleted: run.deleted_at !== null,
    deleted_at: run.deleted_at,
    steps: run.steps.map((s) => stepPublic(run, s, tasks.get(s.id) as PipelinesTask)),
  };
}
