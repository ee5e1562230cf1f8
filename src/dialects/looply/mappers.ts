import { dependenciesOf, type StepDefinition, type VersionDefinition } from "../../domain/definition";
import type { RunEvent, RunStatus } from "../../engine/events";
import type { RunView } from "../../engine/run-view";
import { actions } from "../../engine/steps/integration";
import type { EventLog, Execution, ExecutionSummary, WorkflowItem } from "./schemas";

/** What every execution item is built from: the run's view, or its index row once its data is purged. */
export type RunFacts = Pick<RunView, "id" | "workflow_id" | "version" | "status" | "trigger" | "process_id" | "created_at" | "updated_at"> &
  Partial<Pick<RunView, "current_steps" | "steps">>;

const ENDED_STATE: Partial<Record<RunStatus, string>> = { completed: "COMPLETED", failed: "FAILED", cancelled: "TERMINATED" };
const IDLE_STATE: Partial<Record<RunStatus, string>> = { queued: "QUEUED", paused: "PAUSED", running: "RUNNING", waiting: "RUNNING" };

/** The step a waiting run can be resumed at: one that waits for an event. */
export function resumableStep(run: Pick<RunView, "steps">) {
  return run.steps.find((s) => s.status === "waiting" && s.waiting_for?.kind === "event") ?? null;
}

/**
 * Looply's state name: the step the run waits at (an event wait first) or runs; an ended run's
 * outcome; otherwise what it is doing between steps.
 */
export function currentState(run: RunFacts): string {
  const ended = ENDED_STATE[run.status];
  if (ended) return ended;
  const waitingAt = run.steps ? resumableStep({ steps: run.steps }) : null;
  return waitingAt?.id ?? run.current_steps?.[0] ?? IDLE_STATE[run.status] ?? "RUNNING";
}

const epoch = (iso: string | null) => (iso === null ? 0 : Date.parse(iso));

/** The run's events without their data: what happened to which step, and when. */
export function eventLog(events: RunEvent[], trimmed: boolean): EventLog {
  return {
    count: events.length,
    trimmed,
    events: events.map((e) => ({ seq: e.seq, type: e.type, state: e.step_id, at: Date.parse(e.at) })),
  };
}

/** The edges of a definition: each step's dependencies (the previous step when it names none). */
export function connections(steps: ReadonlyArray<StepDefinition>): Array<{ from: string; to: string }> {
  return steps.flatMap((step, i) => dependenciesOf(steps, i).map((from) => ({ from, to: step.id })));
}

const PROVIDER_TYPES = new Set(actions.map((a) => a.type));

/** Which providers the workflow calls, and from which steps. */
export function integrations(steps: ReadonlyArray<StepDefinition>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const step of steps) {
    const provider =
      step.type === "integration" ? (step.config?.provider as string | undefined) : PROVIDER_TYPES.has(step.type) ? step.type : undefined;
    if (provider) out[provider] = [...(out[provider] ?? []), step.id];
  }
  return out;
}

function common(run: RunFacts, appId: string, log: EventLog) {
  return {
    workflow_id: run.workflow_id,
    workflow_execution_id: run.id,
    workflow_process_id: run.process_id ?? run.id,
    workflow_current_state: currentState(run),
    workflow_version: run.version,
    organization_id: appId,
    workspace_id: appId,
    modified_by: null,
    modified_on: epoch(run.updated_at),
    created_on: epoch(run.created_at),
    workflow_trigger_type: run.trigger === "schedule" ? ("SCHEDULE" as const) : ("REQUEST" as const),
    workflow_event_log: log,
  };
}

/** An item of Looply's execution lists (seed: getWorkflowExecutionHistory, getOrganizationExecutions). */
export function toExecutionSummary(run: RunFacts, appId: string, log: EventLog, workflowName: string | null): ExecutionSummary {
  return { ...common(run, appId, log), workflow_details: { workflow_name: workflowName } };
}

/** Looply's execution item (seed: getWorkflowExecutionById), with per-step input and output. */
export function toExecution(
  run: RunView,
  appId: string,
  log: EventLog,
  workflow: { name: string | null; definition: VersionDefinition | null },
): Execution {
  const steps = workflow.definition?.steps ?? [];
  return {
    ...common(run, appId, log),
    workflow_input_payload: run.input ?? null,
    workflow_output_payload: run.output ?? null,
    condensed_logs: Object.fromEntries(
      run.steps.map((s) => [s.id, { status: s.status, input: s.input ?? null, output: s.output ?? null, error: s.error?.message ?? null }]),
    ),
    workflow_details: { workflow_name: workflow.name, workflow_steps: steps, workflow_connections: connections(steps) },
  };
}

export interface WorkflowFacts {
  id: string;
  name: string;
  current_version: number;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

export interface VersionFacts extends VersionDefinition {
  version: number;
  created_at: string | null;
}

/** Looply's workflow item for one version: ACTIVE when new executions get it, `latest` as a string. */
export function toWorkflowItem(appId: string, workflow: WorkflowFacts, version: VersionFacts): WorkflowItem {
  const status = version.version === workflow.current_version ? "ACTIVE" : "INACTIVE";
  return {
    workflow_id: workflow.id,
    workflow_name: workflow.name,
    workflow_version: version.version,
    workflow_status: status,
    workflow_status_version: `${status}_${version.version}`,
    latest: version.version === workflow.latest_version ? "true" : "false",
    organization_id: appId,
    workspace_id: appId,
    created_by: null,
    modified_by: null,
    created_on: epoch(version.created_at ?? workflow.created_at),
    modified_on: epoch(workflow.updated_at),
    workflow_steps: version.steps,
    workflow_connections: connections(version.steps),
    workflow_integrations: integrations(version.steps),
    workflow_schema: (version.input_schema as Record<string, unknown> | undefined) ?? {},
  };
}
