import { dependenciesOf } from "../domain/definition";
import { parseDuration } from "../domain/duration";
import { AppError, problemSummary, type Result, unwrap, validationFailed } from "../domain/errors";
import { validateAgainst } from "../domain/json-schema";
import { Limits } from "../domain/limits";
import type { RunFilter } from "../domain/run-filter";
import type { RunEvent } from "../engine/events";
import { renderString } from "../engine/expressions";
import type { CreateRunParams, EventInput, LimiterRef, Retention, RetentionPatch, RunPatch } from "../engine/run-types";
import { type RunView, runListView } from "../engine/run-view";
import type { RunRecord } from "../engine/store";
import { page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { allowsPrivateNetwork } from "../net/fetch";
import { urlProblem } from "../net/ssrf";
import { type AuditStamp, fieldsOf, recordAudit } from "./audit";
import { listIndexRows, tombstoneError } from "./run-index";
import { runStub } from "./stubs";
import { profileExists } from "./variables";
import { loadForRun } from "./workflows";

export const DEFAULT_RETENTION: Retention = { maxAgeSeconds: 30 * 86_400, preserveOnFailure: false };

export interface StartRunRequest {
  workflowId: string;
  version?: number | null;
  input?: unknown;
  webhookUrl?: string | null;
  profile?: string;
  start?: boolean;
  retention?: { max_age_seconds: number; preserve_on_failure?: boolean };
  metadata?: Record<string, unknown> | null;
  trigger?: CreateRunParams["trigger"];
  surface?: string;
  scheduleId?: string | null;
  /** The caller's name for the run; several runs may share one. */
  processId?: string | null;
  parent?: CreateRunParams["parent"];
  id?: string;
  options?: Record<string, unknown>;
  reuse?: CreateRunParams["reuse"];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** `input_default` under the input: objects merge key by key, the input winning. */
export function mergeDefaults(defaults: unknown, input: unknown): unknown {
  if (!isPlainObject(defaults)) return input === undefined ? (defaults ?? {}) : input;
  if (input === undefined || input === null) return defaults;
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(input)) out[key] = key in defaults ? mergeDefaults(defaults[key], value) : value;
  return out;
}

function checkInputSize(input: unknown): void {
  const size = new TextEncoder().encode(JSON.stringify(input ?? null)).length;
  if (size > Limits.runInputBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The run input is ${size} bytes; the limit is ${Limits.runInputBytes}`, [
      { path: "input", message: `larger than ${Limits.runInputBytes} bytes` },
    ]);
  }
}

async function limiterFor(
  workflow: { id: string; concurrency: unknown; rateLimit: unknown },
  input: unknown,
  runId: string,
): Promise<LimiterRef | null> {
  const concurrency = workflow.concurrency as { limit: number; key?: string } | null;
  const rate = workflow.rateLimit as { limit: number; period: string | number } | null;
  if (!concurrency && !rate) return null;
  let key = "";
  if (concurrency?.key) {
    try {
      const value = await renderString(concurrency.key, { input, run: { id: runId, workflow_id: workflow.id } });
      key = typeof value === "string" ? value : JSON.stringify(value ?? null);
    } catch (error) {
      throw validationFailed([{ path: "input", message: `the concurrency key could not be computed: ${(error as Error).message}` }]);
    }
  }
  return {
    name: `${workflow.id}:${key}`,
    concurrency: concurrency?.limit ?? null,
    rate: rate ? { limit: rate.limit, periodMs: parseDuration(rate.period) ?? 60_000 } : null,
  };
}

/** Starts (or queues) a run of a workflow: checks its input, then hands it to a new run object. */
export async function startRun(env: Env, appId: string, request: StartRunRequest): Promise<RunView> {
  return startRunOf(env, appId, await loadForRun(env, appId, request.workflowId, request.version), request);
}

export type LoadedWorkflow = Awaited<ReturnType<typeof loadForRun>>;

/** Starts a run of an already loaded workflow version for `appId` (which may not own it: discovery). */
export async function startRunOf(
  env: Env,
  appId: string,
  loaded: LoadedWorkflow,
  request: Omit<StartRunRequest, "workflowId">,
): Promise<RunView> {
  const { workflow, version, definition } = loaded;
  const input = mergeDefaults(definition.input_default, request.input);
  checkInputSize(input);
  if (definition.input_schema) {
    const problems = validateAgainst(definition.input_schema, input, "input");
    if (problems.length > 0)
      throw new AppError("INPUT_INVALID", `The input does not match the workflow's input_schema: ${problemSummary(problems)}`, problems);
  }
  const profile = request.profile ?? "default";
  if (!(await profileExists(env, appId, profile))) {
    throw validationFailed([
      { path: "profile", message: `profile "${profile}" has no variables; set one with PUT /v1/profiles/${profile}/variables/{name}` },
    ]);
  }
  const webhookUrl = request.webhookUrl === undefined ? workflow.webhookUrl : request.webhookUrl;
  const unsafe = webhookUrl ? urlProblem(webhookUrl, allowsPrivateNetwork(env)) : null;
  if (unsafe) throw validationFailed([{ path: "webhook_url", message: unsafe }]);
  const id = request.id ?? newId();
  const retention = request.retention
    ? { maxAgeSeconds: request.retention.max_age_seconds, preserveOnFailure: request.retention.preserve_on_failure ?? false }
    : workflow.retention
      ? {
          maxAgeSeconds: (workflow.retention as { max_age_seconds: number }).max_age_seconds,
          preserveOnFailure: (workflow.retention as { preserve_on_failure?: boolean }).preserve_on_failure ?? false,
        }
      : DEFAULT_RETENTION;
  const params: CreateRunParams = {
    id,
    appId,
    workflowId: workflow.id,
    version,
    definition,
    input,
    trigger: request.trigger ?? "api",
    surface: request.surface ?? "native",
    profile,
    scheduleId: request.scheduleId ?? null,
    processId: request.processId ?? null,
    parent: request.parent ?? null,
    webhookUrl,
    retention,
    metadata: request.metadata ?? null,
    options: request.options ?? {},
    limiter: await limiterFor(workflow, input, id),
    start: request.start ?? true,
    reuse: request.reuse ?? null,
  };
  return await unwrapRun<RunView>(env, appId, id, await runStub(env, id).create(params));
}

function runNotFound(id: string) {
  return new AppError("RUN_NOT_FOUND", `run ${id} was not found`);
}

/** The stub of a run that the app may address; malformed ids are a 404 without a lookup. */
export function stubFor(env: Env, runId: string) {
  if (!isId(runId)) throw runNotFound(runId);
  return runStub(env, runId);
}

/**
 * Unwraps a run object's answer (RPC erases its type, so callers name it). An object that holds
 * no run may be one whose retention ended: its tombstone in the runs index answers for it.
 */
export async function unwrapRun<T>(env: Env, appId: string, runId: string, answer: unknown): Promise<T> {
  const result = answer as Result<T>;
  if (!result.ok && result.error.code === "RUN_NOT_FOUND") throw await missingRun(env, appId, runId);
  return unwrap(result);
}

/** RUN_PURGED while the run's tombstone lasts, RUN_NOT_FOUND after it or for a run never made. */
async function missingRun(env: Env, appId: string, runId: string): Promise<AppError> {
  return (await tombstoneError(env, appId, runId)) ?? runNotFound(runId);
}

export async function getRun(env: Env, appId: string, runId: string): Promise<RunView> {
  return await unwrapRun<RunView>(env, appId, runId, await stubFor(env, runId).get(appId));
}

export type RunAction = "start" | "cancel" | "pause" | "resume";

/** Starts, pauses, resumes or cancels a run; a cancel may say why (kept as the run's error). */
export async function controlRun(env: Env, appId: string, runId: string, action: RunAction, reason?: string): Promise<RunView> {
  const stub = stubFor(env, runId);
  return await unwrapRun<RunView>(env, appId, runId, await (action === "cancel" ? stub.cancel(appId, reason) : stub[action](appId)));
}

export async function sendRunEvent(env: Env, appId: string, runId: string, event: EventInput) {
  return await unwrapRun<{ status: "applied" | "buffered"; step_id: string | null; event_id: string }>(
    env,
    appId,
    runId,
    await stubFor(env, runId).sendEvent(appId, event),
  );
}

export async function runEvents(env: Env, appId: string, runId: string, after: number, limit: number) {
  return await unwrapRun<{ data: RunEvent[]; next_after: number | null }>(
    env,
    appId,
    runId,
    await stubFor(env, runId).events(appId, after, limit),
  );
}

export async function streamRun(env: Env, appId: string, runId: string, after: number): Promise<ReadableStream> {
  return await unwrapRun<ReadableStream>(env, appId, runId, await stubFor(env, runId).stream(appId, after));
}

// A run's changes are made by its Durable Object, not in D1, so they cannot share a batch with
// their audit entry: each is recorded right after the object answers that it succeeded.

export async function setRunRetention(env: Env, stamp: AuditStamp, runId: string, patch: RetentionPatch) {
  const { appId } = stamp;
  const view = await unwrapRun<RunView>(env, appId, runId, await stubFor(env, runId).setRetention(appId, patch));
  await recordAudit(env, stamp, { action: "run.retention_changed", resource: { type: "run", id: runId }, changes: fieldsOf(patch) });
  return view;
}

export async function purgeRun(env: Env, stamp: AuditStamp, runId: string) {
  const { appId } = stamp;
  const purged = await unwrapRun<{ id: string; purged_at: string }>(env, appId, runId, await stubFor(env, runId).purge(appId));
  await recordAudit(env, stamp, { action: "run.purged", resource: { type: "run", id: runId } });
  return purged;
}

/** Changes a run's webhook URL (also mid-run), merges into its metadata, or soft-deletes it. */
export async function updateRun(env: Env, stamp: AuditStamp, runId: string, patch: RunPatch) {
  const { appId } = stamp;
  const unsafe = patch.webhook_url ? urlProblem(patch.webhook_url, allowsPrivateNetwork(env)) : null;
  if (unsafe) throw validationFailed([{ path: "webhook_url", message: unsafe }]);
  const view = await unwrapRun<RunView>(env, appId, runId, await stubFor(env, runId).update(appId, patch));
  const changes = fieldsOf(patch);
  const action = changes.length === 1 && patch.deleted === true ? "run.deleted" : "run.updated";
  await recordAudit(env, stamp, { action, resource: { type: "run", id: runId }, changes });
  return view;
}

/** Drops an ended run's step inputs and outputs now; the run, its statuses and errors stay readable. */
export async function purgeRunOutputs(env: Env, stamp: AuditStamp, runId: string) {
  const { appId } = stamp;
  const purged = await unwrapRun<{ id: string; outputs_purged_at: string; steps: string[] }>(
    env,
    appId,
    runId,
    await stubFor(env, runId).purgeOutputs(appId),
  );
  await recordAudit(env, stamp, { action: "run.outputs_purged", resource: { type: "run", id: runId } });
  return purged;
}

/** Steps that depend on `from` (directly or not), and `from` itself: the ones a replay runs again. */
function downstreamOf(steps: Array<{ id: string; depends_on?: string[] }>, from: string): Set<string> {
  const rerun = new Set([from]);
  let grew = true;
  while (grew) {
    grew = false;
    steps.forEach((step, i) => {
      if (!rerun.has(step.id) && dependenciesOf(steps, i).some((d) => rerun.has(d))) {
        rerun.add(step.id);
        grew = true;
      }
    });
  }
  return rerun;
}

/**
 * A new run of the same version. With `from_step`, steps that neither are that step nor
 * depend on it keep their outputs from the original run and do not run again.
 */
export async function replayRun(env: Env, appId: string, runId: string, body: { from_step?: string; input?: unknown }, newRunId = newId()) {
  const { run, outputs } = await unwrapRun<{ run: RunRecord; outputs: Record<string, unknown> }>(
    env,
    appId,
    runId,
    await stubFor(env, runId).snapshot(appId),
  );
  const steps = run.definition.steps;
  let reuse: CreateRunParams["reuse"] = null;
  if (body.from_step !== undefined) {
    if (!steps.some((s) => s.id === body.from_step)) {
      throw validationFailed([{ path: "from_step", message: `run ${runId} has no step "${body.from_step}"` }]);
    }
    if (run.outputsPurgedAt !== null) {
      throw new AppError("RUN_OUTPUTS_PURGED", `run ${runId} had its step outputs purged; replay it without from_step`);
    }
    const rerun = downstreamOf(steps, body.from_step);
    reuse = { runId, outputs: Object.fromEntries(Object.entries(outputs).filter(([id]) => !rerun.has(id))) };
  }
  const input = body.input === undefined ? run.input : mergeDefaults(run.definition.input_default, body.input);
  checkInputSize(input);
  const id = newRunId;
  const params: CreateRunParams = {
    id,
    appId,
    workflowId: run.workflowId,
    version: run.version,
    definition: run.definition,
    input,
    trigger: "replay",
    surface: run.surface,
    profile: run.profile,
    scheduleId: null,
    processId: run.processId,
    parent: null,
    webhookUrl: run.webhookUrl,
    retention: run.retention,
    metadata: { replay_of: runId, ...(isPlainObject(run.metadata) ? run.metadata : {}) },
    options: run.options,
    limiter: run.limiter,
    start: true,
    reuse,
  };
  return await unwrapRun<RunView>(env, appId, id, await runStub(env, id).create(params));
}

export interface RunListFilter extends RunFilter {
  limit: number;
  after: string | null;
}

export async function listRuns(env: Env, appId: string, filter: RunListFilter) {
  const rows = await listIndexRows(env, appId, filter, filter.after, filter.limit + 1);
  return page(rows.map(runListView), filter.limit);
}

/** A JSON Schema describing an example value: the shape of a workflow's output. */
export function shapeOf(value: unknown, depth = 0): Record<string, unknown> {
  if (value === null) return { type: "null" };
  if (Array.isArray(value))
    return depth > 6 || value.length === 0 ? { type: "array" } : { type: "array", items: shapeOf(value[0], depth + 1) };
  if (typeof value === "object") {
    if (depth > 6) return { type: "object" };
    return {
      type: "object",
      properties: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v, depth + 1)])),
    };
  }
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  return { type: typeof value };
}

export async function workflowSchema(env: Env, appId: string, workflowId: string) {
  const { workflow, version, definition } = await loadForRun(env, appId, workflowId);
  const [last] = await listIndexRows(env, appId, { workflowId: workflow.id, status: ["completed"], excludePurged: true }, null, 1);
  let sample: RunView | null = null;
  if (last) {
    const result = (await runStub(env, last.id).get(appId)) as Result<RunView>;
    sample = result.ok ? result.value : null;
  }
  return {
    workflow_id: workflow.id,
    version,
    input_schema: definition.input_schema ?? null,
    input_default: definition.input_default ?? null,
    output_schema: definition.output_schema ?? null,
    sample_input: sample?.input ?? null,
    output_shape: sample ? shapeOf(sample.output) : null,
    sample_run_id: sample?.id ?? null,
  };
}
