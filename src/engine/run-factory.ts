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
  const steps: StepRecord[] = params.definition.steps.map((def, index) => {
    const reuse = Object.hasOwn(reused, def.id);
    const output = reuse ? (reused[def.id] ?? null) : null;
    return {
      id: def.id,
      index,
      status: reuse ? "completed" : "pending",
      attempts: 0,
      input: null,
      output,
      outputJson: reuse ? JSON.stringify(output) : null,
      error: null,
      wait: null,
      startedAt: reuse ? now : null,
      endedAt: reuse ? now : null,
      usedFallback: false,
      taskId: null,
    };
  });
  return { run, steps };
}
