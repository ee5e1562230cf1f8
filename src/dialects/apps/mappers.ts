import { dependenciesOf, type StepDefinition, type VersionDefinition } from "../../domain/definition";
import type { RunView } from "../../engine/run-view";
import { UPPERCASE_RUN_STATUS } from "../statuses";
import { versionId } from "../version-id";
import type { AppsRun, AppsStatus, AppsStep, AppsWorkflow, AppsWorkflowVersion } from "./schemas";

type NativeStatus = RunView["status"];

const STATUS: Record<NativeStatus, AppsStatus> = UPPERCASE_RUN_STATUS;

export const appsStatus = (status: NativeStatus): AppsStatus => STATUS[status];

/** The native statuses an apps status stands for: RUNNING is both running and waiting. */
export const nativeStatuses = (status: AppsStatus): NativeStatus[] =>
  (Object.keys(STATUS) as NativeStatus[]).filter((native) => STATUS[native] === status);

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);
const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** A canvas pair from `meta`: `[a, b]` as it is, or `{x, y}` / `{width, height}` as `[x, y]`. */
function pair(value: unknown, names: [string, string]): number[] | null {
  if (Array.isArray(value) && value.every((n) => typeof n === "number")) return value;
  if (isObject(value) && typeof value[names[0]] === "number" && typeof value[names[1]] === "number") {
    return [value[names[0]] as number, value[names[1]] as number];
  }
  return null;
}

/** The platform writes conditions and loops as strings; a literal `if: true` or `for_each: [..]` shows as its JSON. */
const expression = (value: unknown): string | null =>
  value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);

/**
 * Steps as the platform draws them. The DAG is stored as `depends_on` (edges into a step); the
 * platform lists `destinations` (edges out of it), so each step's are the steps that depend on it.
 * The step's config fields come first, so they can never hide one of the platform's fields.
 */
export function toAppsSteps(steps: StepDefinition[]): AppsStep[] {
  const dependencies = steps.map((_, i) => dependenciesOf(steps, i));
  const destinations = new Map<string, string[]>(steps.map((step) => [step.id, []]));
  dependencies.forEach((deps, i) => {
    for (const dep of deps) destinations.get(dep)?.push(steps[i].id);
  });
  return steps.map((step, i) => {
    const meta = step.meta ?? {};
    const config = step.config ?? {};
    return {
      ...config,
      type: step.type,
      key: step.id,
      display: stringOrNull(meta.display),
      conditional: expression(step.if),
      loop: expression(step.for_each),
      throw_on_error: step.on_error !== "continue",
      input_connected: dependencies[i].length > 0,
      destinations: destinations.get(step.id) ?? [],
      position: pair(meta.position, ["x", "y"]),
      size: pair(meta.size, ["width", "height"]),
      auto: isObject(meta.auto) ? meta.auto : null,
      note: stringOrNull(step.type === "note" ? config.text : meta.note),
    };
  });
}

/** What the platform shows of a workflow in a version: who owns it and what it is called. */
export interface WorkflowFacts {
  app_id: string;
  id: string;
  name: string;
  description: string | null;
}

/** One version of a workflow: its number, when it was made, and its definition. */
export type VersionFacts = Pick<VersionDefinition, "steps" | "input_schema" | "input_default"> & {
  version: number;
  created_at: string | null;
};

/**
 * A workflow version. Stepline versions carry no description, notes or author of their own:
 * `description` is the workflow's, `key` its name; notes, author, rollback origin and input
 * display options are null.
 */
export function toAppsVersion(workflow: WorkflowFacts, version: VersionFacts): AppsWorkflowVersion {
  return {
    id: versionId(workflow.id, version.version),
    app_id: workflow.app_id,
    workflow_id: workflow.id,
    description: workflow.description,
    version: version.version,
    rollback_version: null,
    notes: null,
    created_by: null,
    created_at: version.created_at,
    key: workflow.name,
    input: version.input_schema ?? null,
    input_default: version.input_default ?? null,
    input_options: null,
    steps: toAppsSteps(version.steps),
  };
}

/** A workflow as listed (without its version), in the caller's or the owner's app. */
export function toAppsWorkflow(
  view: Pick<AppsWorkflow, "id" | "name" | "description" | "discoverable" | "created_at" | "updated_at"> & {
    current_version: number;
    latest_version: number;
  },
  appId: string,
): AppsWorkflow {
  return {
    id: view.id,
    app_id: appId,
    name: view.name,
    description: view.description,
    version: view.current_version,
    latest_version: view.latest_version,
    discoverable: view.discoverable,
    created_at: view.created_at,
    updated_at: view.updated_at,
  };
}

/** What a run object is made of: the native run view, or what the runs index keeps of a purged run. */
export type RunFacts = Pick<RunView, "id" | "workflow_id" | "version" | "status" | "input" | "output" | "started_at" | "ended_at"> & {
  error: { message: string } | null;
  created_at: string;
  updated_at: string;
  steps: ReadonlyArray<{ id: string; attempts: number }>;
  usage: { steps_executed: number } | null;
  retention: { max_age_seconds: number; preserve_on_failure: boolean; due_at: string | null } | null;
};

/**
 * The platform's run object, in the app `appId` that holds the run. A run of another app's
 * discoverable workflow has origin DISCOVER and names that app as `workflow_app_id`.
 */
export function toAppsRun(run: RunFacts, appId: string, workflow: WorkflowFacts, version: VersionFacts): AppsRun {
  const output = run.output ?? null;
  return {
    id: run.id,
    result: output,
    input: run.input ?? null,
    output,
    status: appsStatus(run.status),
    origin: workflow.app_id === appId ? "WORKFLOW" : "DISCOVER",
    error: run.error?.message ?? null,
    started_at: run.started_at,
    ended_at: run.ended_at,
    app_id: appId,
    workflow_app_id: workflow.app_id,
    workflow_id: run.workflow_id,
    workflow_version_draft: null,
    workflow_version: toAppsVersion(workflow, version),
    collection_id: null,
    record_id: null,
    version: run.version,
    usage: run.usage && {
      total: run.usage.steps_executed,
      calls: [],
      steps: Object.fromEntries(run.steps.filter((step) => step.attempts > 0).map((step) => [step.id, step.attempts])),
    },
    retention: run.retention && {
      max_age_in_seconds: run.retention.max_age_seconds,
      preserve_on_failure: run.retention.preserve_on_failure,
    },
    retention_due_at: run.retention?.due_at ?? null,
    created_at: run.created_at,
    updated_at: run.updated_at,
  };
}

/** A run whose data retention removed, from its index row: what was purged is null. */
export function purgedRunFacts(row: {
  id: string;
  workflow_id: string;
  version: number;
  status: NativeStatus;
  error_code: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  updated_at: string;
}): RunFacts {
  return {
    id: row.id,
    workflow_id: row.workflow_id,
    version: row.version,
    status: row.status,
    input: null,
    output: null,
    error: row.error_code === null ? null : { message: row.error_code },
    started_at: row.started_at,
    ended_at: row.ended_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    steps: [],
    usage: null,
    retention: null,
  };
}

/** Kept in a run started here (its `options`), so its webhook body names the workflow without a lookup. */
export const SNAPSHOT_OPTION = "apps_workflow";

export interface WorkflowSnapshot {
  workflow: WorkflowFacts;
  version_created_at: string | null;
}
