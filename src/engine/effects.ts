import { callbackToken, callbackUrl } from "../services/callbacks";
import { startRun } from "../services/runs";
import { limiterStub, runStub } from "../services/stubs";
import { loadRunVariables, type RunVariables } from "../services/variables";
import type { LimiterRef } from "./run-types";
import type { StepOutcome } from "./steps/types";
import type { RunRecord, StepRecord } from "./store";

/**
 * What a run object asks of the rest of the system: child runs, its parent, its limiter,
 * profile variables. Each goes through services, the only code that talks to D1 and to
 * other objects.
 */

type ChildOutcome = Extract<StepOutcome, { kind: "child" }>;

export async function startChild(env: Env, parent: RunRecord, step: StepRecord, childRunId: string, outcome: ChildOutcome): Promise<void> {
  await startRun(env, parent.appId, {
    id: childRunId,
    workflowId: outcome.workflowId,
    version: outcome.version,
    input: outcome.input,
    profile: parent.profile,
    trigger: "child",
    parent: { runId: parent.id, stepId: step.id, appId: parent.appId },
  });
}

/** Creates the child of a waiting step again after a restart (same id, so at most once). */
export async function ensureChild(env: Env, parent: RunRecord, step: StepRecord): Promise<void> {
  if (step.wait?.kind !== "child") return;
  const config = (step.input ?? {}) as { workflow_id: string; version?: number | string; input?: unknown };
  await startChild(env, parent, step, step.wait.runId, {
    kind: "child",
    workflowId: config.workflow_id,
    version: config.version === undefined ? null : Number(config.version),
    input: config.input ?? {},
  });
}

export async function cancelChild(env: Env, childRunId: string): Promise<void> {
  await runStub(env, childRunId).cancelAsChild();
}

export async function notifyParent(env: Env, run: RunRecord): Promise<void> {
  const parent = run.parent;
  if (!parent) return;
  const status = run.status as "completed" | "failed" | "cancelled";
  await runStub(env, parent.runId).childEnded(parent.stepId, run.id, { status, output: run.output, error: run.error });
}

export async function acquireSlot(env: Env, limiter: LimiterRef, runId: string): Promise<"granted" | "queued"> {
  return limiterStub(env, limiter.name).acquire(runId, { concurrency: limiter.concurrency, rate: limiter.rate });
}

export async function releaseSlot(env: Env, limiter: LimiterRef, runId: string): Promise<void> {
  await limiterStub(env, limiter.name).release(runId);
}

export function loadVars(env: Env, appId: string, profile: string): Promise<RunVariables> {
  return loadRunVariables(env, appId, profile);
}

export async function callbackUrlFor(env: Env, run: RunRecord, step: StepRecord, expiresAt: number): Promise<string> {
  return callbackUrl(env, await callbackToken(env, run, step.id, step.attempts, expiresAt));
}
