import type { CreateRunParams } from "./run-types";
import type { RunRecord, StepRecord } from "./store";

/** The stored shape of a new run and its steps (reused steps start out completed). */
export function createRunRecord(params: CreateRunParams): { run: RunRecord; steps: StepRecord[] } {
  const now = Date.now();
  const run: RunRecord = {
    id: params.id,
    appId: params.appId,
    workflowId: params.workflowId,
    version: params.version,
    status: "queued",
    trigger: params.trigger,
    surface: params.surface,
    profile: params.profile,
    scheduleId: params.scheduleId,
    processId: params.processId ?? null,
    parent: params.parent,
    definition: params.definition,
    input: params.input,
    output: null,
    error: null,
    webhookUrl: params.webhookUrl,
    retention: params.retention,
    metadata: params.metadata,
    options: params.options,
    limiter: params.limiter,
    createdAt: now,
    startedAt: null,
    endedAt: null,
    updatedAt: now,
    retentionDueAt: null,
    purgedAt: null,
    stateSeq: 1,
    syncedSeq: 0,
    stepsExecuted: 0,
    httpCalls: 0,
    deletedAt: null,
    outputsPurgedAt: null,
  };
  const reused = params.reuse?.outputs ?? {};
  const steps = params.definition.steps.map((def, index): StepRecord => {
    if (!Object.hasOwn(reused, def.id)) return pendingStep(def.id, index);
    const output = reused[def.id] ?? null;
    return { ...pendingStep(def.id, index), status: "completed", output, outputJson: JSON.stringify(output), startedAt: now, endedAt: now };
  });
  return { run, steps };
}

function pendingStep(id: string, index: number): StepRecord {
  return {
    id,
    index,
    status: "pending",
    attempts: 0,
    input: null,
    output: null,
    outputJson: null,
    error: null,
    wait: null,
    startedAt: null,
    endedAt: null,
    usedFallback: false,
    taskId: null,
  };
}

/** The run's steps after a restart: the stored ones, and the pending ones that have no row. */
export function restoreSteps(run: RunRecord, stored: Map<string, StepRecord>): StepRecord[] {
  // A purged run keeps no steps.
  if (run.purgedAt !== null) return [];
  return run.definition.steps.map((def, index) => stored.get(def.id) ?? pendingStep(def.id, index));
}
