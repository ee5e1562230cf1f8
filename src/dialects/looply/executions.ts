import { AppError } from "../../domain/errors";
import { isEnded } from "../../engine/events";
import type { RunView, runListView } from "../../engine/run-view";
import { isId } from "../../lib/ids";
import { controlRun, getRun, listRuns, runEvents, sendRunEvent } from "../../services/runs";
import { loadVersionRow, workflowNames } from "../../services/workflows";
import { eventLog, resumableStep, toExecution, toExecutionSummary } from "./mappers";

/** How many executions sharing one process id are considered, newest first. */
const NAMED_LIMIT = 20;
/** Events shown in an execution's log: the first ones, which tell its story; `trimmed` says when there are more. */
const LOG_EVENTS = 100;
/**
 * For this long after one of its waits received its event, a run that has not reached another
 * wait answers a resume with ALREADY_RESTARTED (Looply: "has just recently restarted"); later, it
 * has moved past its wait and the answer is EXECUTION_IN_PROGRESS.
 */
export const RESTART_WINDOW_MS = 60_000;

const gone = (error: unknown) => error instanceof AppError && (error.code === "RUN_NOT_FOUND" || error.code === "RUN_PURGED");

/** A run's view, or null when it does not exist (for this app) or its data was purged. */
async function readRun(env: Env, appId: string, runId: string): Promise<RunView | null> {
  try {
    return await getRun(env, appId, runId);
  } catch (error) {
    if (gone(error)) return null;
    throw error;
  }
}

/**
 * The executions a process id names, newest first: the runs started with it (from the indexed
 * column) and the run whose id it is. `ended` is what the index knows; the run decides.
 */
export async function executionsNamed(env: Env, appId: string, processId: string): Promise<Array<{ id: string; ended: boolean }>> {
  const named = (await listRuns(env, appId, { processId, limit: NAMED_LIMIT, after: null })).data.map((r) => ({
    id: r.id,
    ended: isEnded(r.status),
  }));
  if (isId(processId) && !named.some((r) => r.id === processId)) {
    try {
      const run = await getRun(env, appId, processId);
      named.push({ id: run.id, ended: isEnded(run.status) });
    } catch (error) {
      if (error instanceof AppError && error.code === "RUN_PURGED") named.push({ id: processId, ended: true });
      else if (!gone(error)) throw error;
    }
  }
  return named.sort((a, b) => (a.id < b.id ? 1 : -1));
}

export type ResumeOutcome =
  | { kind: "restarted"; run: RunView }
  | { kind: "not_found" }
  | { kind: "in_progress"; run: RunView }
  | { kind: "ended"; key: string }
  | { kind: "already"; key: string }
  | { kind: "failed"; key: string };

/** Whether one of the run's waits received its event within the restart window before `now`. */
export const recentlyResumed = (run: RunView, now: number) =>
  run.steps.some(
    (s) =>
      s.type === "wait_for_event" && s.status === "completed" && s.ended_at !== null && now - Date.parse(s.ended_at) <= RESTART_WINDOW_MS,
  );

/**
 * Sends the payload to the step the run waits at, whatever event it waits for. The event's id
 * is derived from that wait (step and attempt), so of concurrent resumes the run object applies
 * exactly one and refuses the others as duplicates.
 */
async function deliver(env: Env, appId: string, run: RunView, payload: unknown): Promise<ResumeOutcome> {
  const step = resumableStep(run) as NonNullable<ReturnType<typeof resumableStep>>;
  const events = (step.waiting_for as { events: string[] }).events;
  try {
    await sendRunEvent(env, appId, run.id, { name: events[0], payload, id: `resume:${step.id}:${step.attempts}` });
    return { kind: "restarted", run };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "INTERNAL") {
      console.error(`run ${run.id}: resuming ${step.id} failed`, error);
      return { kind: "failed", key: run.id };
    }
    if (error.code === "DUPLICATE_EVENT") return { kind: "already", key: run.id };
    if (error.code === "RUN_ALREADY_FINISHED" || gone(error)) return { kind: "ended", key: run.id };
    // The wait ended (timed out) between reading the run and sending.
    if (error.code === "NO_WAITING_STEP") return { kind: "in_progress", run: (await readRun(env, appId, run.id)) ?? run };
    throw error;
  }
}

/** Seed: resumeWorkflow. The newest execution of the process id that waits for an event is resumed. */
export async function resumeExecution(env: Env, appId: string, processId: string, payload: unknown): Promise<ResumeOutcome> {
  const named = await executionsNamed(env, appId, processId);
  if (named.length === 0) return { kind: "not_found" };
  let open: RunView | null = null;
  for (const entry of named) {
    if (entry.ended) continue;
    const run = await readRun(env, appId, entry.id);
    if (!run || isEnded(run.status)) continue;
    if (resumableStep(run)) return deliver(env, appId, run, payload);
    open ??= run;
  }
  if (!open) return { kind: "ended", key: named[0].id };
  return recentlyResumed(open, Date.now()) ? { kind: "already", key: open.id } : { kind: "in_progress", run: open };
}

/** Seed: terminateWorkflow. Cancels the newest execution of the process id that has not ended. */
export async function terminateExecution(env: Env, appId: string, processId: string, reason: string): Promise<boolean> {
  for (const entry of await executionsNamed(env, appId, processId)) {
    if (entry.ended) continue;
    try {
      await controlRun(env, appId, entry.id, "cancel", reason);
      return true;
    } catch (error) {
      if (!(error instanceof AppError && (error.code === "RUN_ALREADY_FINISHED" || gone(error)))) throw error;
    }
  }
  return false;
}

async function logOf(env: Env, appId: string, runId: string) {
  const { data, next_after } = await runEvents(env, appId, runId, 0, LOG_EVENTS);
  return eventLog(data, next_after !== null);
}

/** Seed: getWorkflowExecutionById. Null when the run is unknown, another app's, or of another workflow. */
export async function readExecution(env: Env, appId: string, workflowId: string, runId: string) {
  if (!isId(runId)) return null;
  let run: RunView;
  try {
    run = await getRun(env, appId, runId);
  } catch (error) {
    if (error instanceof AppError && error.code === "RUN_NOT_FOUND") return null;
    throw error;
  }
  if (run.workflow_id !== workflowId) return null;
  const [log, names, version] = await Promise.all([
    logOf(env, appId, runId),
    workflowNames(env, appId, [run.workflow_id]),
    loadVersionRow(env, run.workflow_id, run.version),
  ]);
  return toExecution(run, appId, log, {
    name: names.get(run.workflow_id) ?? null,
    definition: (version?.definition as Parameters<typeof toExecution>[3]["definition"]) ?? null,
  });
}

type RunRow = ReturnType<typeof runListView>;

/** List items for a page of the runs index: each run is read from its object; a purged one keeps what the index knows. */
export async function executionSummaries(env: Env, appId: string, rows: RunRow[]) {
  const names = await workflowNames(
    env,
    appId,
    rows.map((r) => r.workflow_id),
  );
  return Promise.all(
    rows.map(async (row) => {
      const name = names.get(row.workflow_id) ?? null;
      const run = await readRun(env, appId, row.id);
      if (!run)
        return toExecutionSummary(
          { ...row, created_at: row.created_at as string, updated_at: row.updated_at as string },
          appId,
          eventLog([], true),
          name,
        );
      return toExecutionSummary(run, appId, await logOf(env, appId, row.id), name);
    }),
  );
}
