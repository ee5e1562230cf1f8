import { AppError, validationFailed } from "../../domain/errors";
import type { RunView } from "../../engine/run-view";
import { getDiscoverable } from "../../services/discover";
import { controlRun, getRun, type LoadedWorkflow } from "../../services/runs";
import { getWorkflow, loadForRun, loadVersionRow, versionView, workflowOfRun } from "../../services/workflows";
import { SNAPSHOT_OPTION, toAppsRun, type VersionFacts, type WorkflowFacts, type WorkflowSnapshot } from "./mappers";
import type { AppsRun } from "./schemas";

/**
 * What the apps shapes are built from, loaded through the services: a workflow's facts and one
 * of its versions, for the caller's own workflows, discoverable ones, and runs; and the run
 * operations both the workflow and the discover paths offer.
 */

export interface Described {
  workflow: WorkflowFacts;
  version: VersionFacts;
}

async function versionOf(env: Env, workflowId: string, version: number): Promise<VersionFacts | null> {
  const row = await loadVersionRow(env, workflowId, version);
  return row ? versionView(row) : null;
}

/** The caller's own workflow, as listed and as its versions name it. */
export async function ownWorkflow(env: Env, appId: string, workflowId: string) {
  const view = await getWorkflow(env, appId, workflowId);
  const workflow: WorkflowFacts = { app_id: appId, id: view.id, name: view.name, description: view.description };
  return { view, workflow };
}

/** A workflow another app made discoverable, as listed and as its versions name it. */
export async function discoverableWorkflow(env: Env, workflowId: string) {
  const view = await getDiscoverable(env, workflowId);
  const workflow: WorkflowFacts = { app_id: view.app_id, id: view.id, name: view.name, description: view.description };
  return { view, workflow };
}

/** What a run start needs of the caller's own workflow: the loaded version and its description. */
export async function ownWorkflowForRun(env: Env, appId: string, workflowId: string, version?: number) {
  const loaded: LoadedWorkflow = await loadForRun(env, appId, workflowId, version);
  const row = loaded.workflow;
  const described: Described = {
    workflow: { app_id: row.appId, id: row.id, name: row.name, description: row.description ?? null },
    version: (await versionOf(env, row.id, loaded.version)) as VersionFacts,
  };
  return { loaded, described };
}

/** A discoverable workflow's version for a run start; a version it does not have is the request's fault. */
export async function discoverableForRun(env: Env, workflowId: string, version?: number) {
  const { view, workflow } = await discoverableWorkflow(env, workflowId);
  const number = version ?? view.current_version;
  const facts = await versionOf(env, workflowId, number);
  if (!facts) throw validationFailed([{ path: "version", message: `workflow ${workflowId} has no version ${number}` }]);
  return { number, described: { workflow, version: facts } satisfies Described };
}

/** The options a run started here keeps: its workflow's facts, for its webhook body. */
export const snapshotOptions = ({ workflow, version }: Described) => ({
  [SNAPSHOT_OPTION]: { workflow, version_created_at: version.created_at } satisfies WorkflowSnapshot,
});

/** The workflow and version a run was made from, whoever owns the workflow (the caller holds the run). */
export async function describeRun(env: Env, run: Pick<RunView, "workflow_id" | "version">): Promise<Described> {
  const [owner, version] = await Promise.all([workflowOfRun(env, run.workflow_id), versionOf(env, run.workflow_id, run.version)]);
  if (!version) throw new AppError("INTERNAL", `run of workflow ${run.workflow_id} names a version it does not have`);
  return { workflow: { ...owner, id: run.workflow_id }, version };
}

/** The caller's run, only under the workflow it belongs to: another workflow's run is not found there. */
export async function runOfWorkflow(env: Env, appId: string, workflowId: string, runId: string): Promise<RunView> {
  const run = await getRun(env, appId, runId);
  if (run.workflow_id !== workflowId) throw new AppError("RUN_NOT_FOUND", `workflow ${workflowId} has no run ${runId}`);
  return run;
}

/** The run in the platform's shape, in the app that holds it. */
export async function appsRunOf(env: Env, appId: string, run: RunView): Promise<AppsRun> {
  const { workflow, version } = await describeRun(env, run);
  return toAppsRun(run, appId, workflow, version);
}

/** Cancels the caller's run of that workflow (both the workflow and the discover paths name it so). */
export async function cancelRunOfWorkflow(env: Env, appId: string, workflowId: string, runId: string): Promise<RunView> {
  await runOfWorkflow(env, appId, workflowId, runId);
  return controlRun(env, appId, runId, "cancel");
}

/** `describeRun` for a page of runs: each workflow version is described once. */
export function describeRuns(env: Env): (run: Pick<RunView, "workflow_id" | "version">) => Promise<Described> {
  const seen = new Map<string, Promise<Described>>();
  return (run) => {
    const key = `${run.workflow_id}:${run.version}`;
    const found = seen.get(key) ?? describeRun(env, run);
    seen.set(key, found);
    return found;
  };
}
