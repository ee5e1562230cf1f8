import type { SteplineApi } from "./api.js";
import { type CallOptions, unwrap } from "./call.js";
import { SteplineError } from "./errors.js";
import { type StreamOptions, streamRunEvents } from "./stream.js";
import { ENDED_STATUSES, type ReplayBody, type Run, type RunEvent, type RunListQuery, type RunStatus, type StartRunBody } from "./types.js";

export interface StartOptions extends CallOptions {
  /** Follow the run's live stream and answer the run once it has ended. */
  wait?: boolean;
  /** With `wait`: give up after this many milliseconds (a SteplineError with code TIMEOUT). */
  timeout?: number;
  /** Makes the call safe to retry: the same key and input answer the same run. */
  idempotencyKey?: string;
  version?: StartRunBody["version"];
  profile?: StartRunBody["profile"];
  webhookUrl?: StartRunBody["webhook_url"];
  metadata?: StartRunBody["metadata"];
  retention?: StartRunBody["retention"];
  /** false: create the run queued; start it later with POST /v1/runs/{id}/start. */
  start?: StartRunBody["start"];
}

export interface WaitOptions extends CallOptions {
  /** Give up after this many milliseconds (a SteplineError with code TIMEOUT); default: wait as long as the run takes. */
  timeout?: number;
}

export interface ListRunsQuery extends Omit<RunListQuery, "status"> {
  /** One status or several. */
  status?: RunStatus | RunStatus[];
}

/** A signal that fires when the caller's does, or with `timeoutError` once `timeout` ms have passed. */
function deadline(signal: AbortSignal | undefined, timeout: number | undefined, timeoutError: () => Error) {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  if (signal?.aborted) abort();
  signal?.addEventListener("abort", abort, { once: true });
  const timer = timeout === undefined ? undefined : setTimeout(() => controller.abort(timeoutError()), timeout);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    },
  };
}

/** Runs: start, follow, wait for, list and control them. */
export class Runs {
  readonly #api: SteplineApi;

  constructor(api: SteplineApi) {
    this.#api = api;
  }

  /**
   * Starts a run of a workflow's current version (or `version`). With `wait`, follows the run
   * until it ends and answers it with its output or error.
   *
   * @example
   *   const run = await stepline.runs.start(workflowId, { name: "Ada" }, { wait: true });
   *   console.log(run.status, run.output);
   */
  async start(workflowId: string, input?: unknown, options: StartOptions = {}): Promise<Run> {
    const { wait, timeout, idempotencyKey, signal, webhookUrl, ...rest } = options;
    const body: StartRunBody = { input, ...rest, ...(webhookUrl === undefined ? {} : { webhook_url: webhookUrl }) };
    const run = await unwrap(
      this.#api.POST("/v1/workflows/{id}/runs", {
        params: { path: { id: workflowId } },
        body,
        headers: idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey },
        signal,
      }),
      signal,
    );
    return wait ? this.waitFor(run.id, { timeout, signal }) : run;
  }

  get(runId: string, options: CallOptions = {}): Promise<Run> {
    return unwrap(this.#api.GET("/v1/runs/{id}", { params: { path: { id: runId } }, signal: options.signal }), options.signal);
  }

  /** Runs, newest first; filter by status (one or several), workflow and creation time. */
  list(query: ListRunsQuery = {}, options: CallOptions = {}) {
    const status = Array.isArray(query.status) ? query.status.join(",") : query.status;
    return unwrap(this.#api.GET("/v1/runs", { params: { query: { ...query, status } }, signal: options.signal }), options.signal);
  }

  cancel(runId: string, options: CallOptions = {}): Promise<Run> {
    const { signal } = options;
    return unwrap(this.#api.POST("/v1/runs/{id}/cancel", { params: { path: { id: runId } }, signal }), signal);
  }

  pause(runId: string, options: CallOptions = {}): Promise<Run> {
    const { signal } = options;
    return unwrap(this.#api.POST("/v1/runs/{id}/pause", { params: { path: { id: runId } }, signal }), signal);
  }

  /** Resumes a paused run, or runs a failed run's failed steps again. */
  resume(runId: string, options: CallOptions = {}): Promise<Run> {
    const { signal } = options;
    return unwrap(this.#api.POST("/v1/runs/{id}/resume", { params: { path: { id: runId } }, signal }), signal);
  }

  /** A new run of the same version; with `from_step`, steps before it keep their outputs. */
  replay(runId: string, body: ReplayBody = {}, options: CallOptions = {}): Promise<Run> {
    return unwrap(
      this.#api.POST("/v1/runs/{id}/replay", { params: { path: { id: runId } }, body, signal: options.signal }),
      options.signal,
    );
  }

  /**
   * The run's events as they happen: first those already logged after `lastEventId`, then
   * live ones, until the run ends. Survives dropped connections without losing or repeating
   * an event.
   *
   * @example
   *   for await (const event of stepline.runs.stream(runId)) console.log(event.seq, event.type, event.step_id);
   */
  stream(runId: string, options: StreamOptions = {}): AsyncGenerator<RunEvent> {
    return streamRunEvents(this.#api, runId, options);
  }

  /** Resolves with the run once it has ended (completed, failed or cancelled). */
  async waitFor(runId: string, options: WaitOptions = {}): Promise<Run> {
    const run = await this.get(runId, options);
    if (ENDED_STATUSES.has(run.status)) return run;
    const limit = deadline(
      options.signal,
      options.timeout,
      () => new SteplineError("TIMEOUT", `run ${runId} did not end within ${options.timeout} ms`),
    );
    try {
      for await (const _ of this.stream(runId, { signal: limit.signal })) {
        // Only the end matters here; the stream returns after the run's last event.
      }
      return await this.get(runId, { signal: limit.signal });
    } finally {
      limit.dispose();
    }
  }
}
