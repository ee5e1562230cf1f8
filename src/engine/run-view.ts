import { iso } from "../lib/json";
import { isEnded, type RunStatus } from "./events";
import type { Trigger } from "./run-types";
import type { RunRecord, StepRecord, WaitInfo } from "./store";

/** The run as the native API shows it. */
export function runView(run: RunRecord, steps: StepRecord[]) {
  const defs = new Map(run.definition.steps.map((d) => [d.id, d]));
  let finished = 0;
  const current: string[] = [];
  for (const step of steps) {
    if (
      step.status === "completed" ||
      step.status === "skipped" ||
      (step.status === "failed" && defs.get(step.id)?.on_error === "continue")
    ) {
      finished += 1;
    }
    if (step.status === "running" || step.status === "waiting") current.push(step.id);
  }
  const total = steps.length;
  const end = run.endedAt ?? (isEnded(run.status) ? run.updatedAt : Date.now());
  const { error_code: _code, error_step: _step, purged_at: _purged, ...fields } = runListView(runSummary(run));
  return {
    ...fields,
    input: run.input,
    output: run.output ?? null,
    error: run.error,
    progress: total === 0 ? 100 : Math.floor((finished / total) * 100),
    total_steps: total,
    completed_steps: finished,
    current_steps: current,
    steps: steps.map((step) => stepView(step, defs.get(step.id)?.type ?? "unknown", defs.get(step.id)?.name)),
    usage: {
      steps_executed: run.stepsExecuted,
      http_calls: run.httpCalls,
      duration_ms: run.startedAt === null ? 0 : Math.max(0, end - run.startedAt),
    },
    webhook_url: run.webhookUrl,
    retention: {
      max_age_seconds: run.retention.maxAgeSeconds,
      preserve_on_failure: run.retention.preserveOnFailure,
      due_at: iso(run.retentionDueAt),
    },
    outputs_purged_at: iso(run.outputsPurgedAt),
  };
}

export type RunView = ReturnType<typeof runView>;

function stepView(step: StepRecord, type: string, name: string | undefined) {
  return {
    id: step.id,
    type,
    name: name ?? null,
    status: step.status,
    attempts: step.attempts,
    input: step.input ?? null,
    output: step.output ?? null,
    error: step.error,
    waiting_for:
      step.wait && step.wait.kind !== "retry" ? (waitView(step.wait) as Exclude<ReturnType<typeof waitView>, { kind: "retry" }>) : null,
    next_attempt_at: step.wait?.kind === "retry" ? iso(step.wait.until) : null,
    used_fallback: step.usedFallback,
    task_id: step.taskId,
    started_at: iso(step.startedAt),
    ended_at: iso(step.endedAt),
  };
}

/** What the runs index holds for a run. */
export function runSummary(run: RunRecord) {
  return {
    id: run.id,
    appId: run.appId,
    workflowId: run.workflowId,
    version: run.version,
    status: run.status,
    trigger: run.trigger,
    surface: run.surface,
    scheduleId: run.scheduleId,
    processId: run.processId,
    parentRunId: run.parent?.runId ?? null,
    profile: run.profile,
    metadata: run.metadata ?? null,
    errorCode: run.error?.code ?? null,
    errorStep: run.error?.step_id ?? null,
    stateSeq: run.stateSeq,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    updatedAt: run.updatedAt,
    purgedAt: run.purgedAt,
    deletedAt: run.deletedAt,
  };
}

export type RunSummary = ReturnType<typeof runSummary>;

/** What the runs index holds for a run, as a list of runs shows it; the run's own view is made from it too. */
export function runListView(row: Omit<RunSummary, "appId" | "stateSeq" | "status" | "trigger"> & { status: string; trigger: string }) {
  return {
    id: row.id,
    workflow_id: row.workflowId,
    version: row.version,
    status: row.status as RunStatus,
    trigger: row.trigger as Trigger,
    surface: row.surface,
    schedule_id: row.scheduleId,
    process_id: row.processId,
    parent_run_id: row.parentRunId,
    profile: row.profile,
    metadata: row.metadata ?? null,
    error_code: row.errorCode,
    error_step: row.errorStep,
    created_at: iso(row.createdAt),
    started_at: iso(row.startedAt),
    ended_at: iso(row.endedAt),
    updated_at: iso(row.updatedAt),
    purged_at: iso(row.purgedAt),
    deleted_at: iso(row.deletedAt),
  };
}

export function waitView(wait: WaitInfo) {
  switch (wait.kind) {
    case "sleep":
      return { kind: "sleep" as const, until: new Date(wait.until).toISOString() };
    case "event":
      return { kind: "event" as const, events: wait.names, timeout_at: wait.until === null ? null : new Date(wait.until).toISOString() };
    case "child":
      return { kind: "child" as const, run_id: wait.runId };
    case "callback":
      return { kind: "callback" as const, timeout_at: wait.until === null ? null : new Date(wait.until).toISOString() };
    case "retry":
      return { kind: "retry" as const, next_attempt_at: new Date(wait.until).toISOString() };
  }
}
