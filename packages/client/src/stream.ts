import type { SteplineApi } from "./api.js";
import { unwrap } from "./call.js";
import { errorFromAnswer, networkError, SteplineError } from "./errors.js";
import { readSse, type SseControl } from "./sse.js";
import { END_EVENTS, ENDED_STATUSES, type RunEvent } from "./types.js";

export interface StreamOptions {
  /** Resume after this event's sequence number (default 0: from the first event). */
  lastEventId?: number;
  /** Stops the stream; the iterator then throws the signal's reason. */
  signal?: AbortSignal;
  /** Reconnections in a row that may fail before the stream gives up (default 8). */
  maxRetries?: number;
}

const DEFAULT_RETRY_MS = 1_000;
const MAX_RETRY_MS = 10_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });

/** Statuses worth reconnecting after: the server or something in front of it is briefly unwell. */
const retryable = (status: number) => status === 429 || status >= 500;

/**
 * A run's event log as an async iterator over `GET /v1/runs/{id}/stream`, parsed by hand so
 * it runs wherever fetch does. A connection that drops (a network error, a proxy closing it,
 * a 5xx) is opened again with `Last-Event-ID` set to the last event yielded, and any event at
 * or before it is skipped, so every event is yielded exactly once, in order. The iterator
 * ends after `run.completed`, `run.failed` or `run.cancelled`, or when the stream closes on a
 * run that has already ended.
 */
export async function* streamRunEvents(api: SteplineApi, runId: string, options: StreamOptions = {}): AsyncGenerator<RunEvent> {
  const { signal, maxRetries = 8 } = options;
  const control: SseControl = {};
  let last = options.lastEventId ?? 0;
  let failures = 0;
  for (;;) {
    let failure: unknown = null;
    let progressed = false;
    try {
      const answer = await api.GET("/v1/runs/{id}/stream", {
        params: { path: { id: runId } },
        headers: { accept: "text/event-stream", "last-event-id": String(last) },
        parseAs: "stream",
        signal,
      });
      if (!answer.response.ok) {
        const error = errorFromAnswer(answer.response, answer.error);
        if (!retryable(answer.response.status)) throw error;
        failure = error;
      } else if (answer.response.body) {
        for await (const frame of readSse(answer.response.body, control)) {
          const event = JSON.parse(frame.data) as RunEvent;
          if (event.seq <= last) continue;
          last = event.seq;
          progressed = true;
          failures = 0;
          yield event;
          if (END_EVENTS.has(event.type)) return;
        }
        // Closed without an end event: either the run had already ended (nothing after
        // `last` to send) or the connection was cut cleanly; the run's status tells which.
        const run = await unwrap(api.GET("/v1/runs/{id}", { params: { path: { id: runId } }, signal }), signal);
        if (ENDED_STATUSES.has(run.status)) return;
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof SteplineError && !retryable(error.status) && error.status !== 0) throw error;
      failure = networkError(error, signal);
    }
    if (!progressed) failures += 1;
    if (failures > maxRetries) throw failure ?? new SteplineError("NETWORK_ERROR", `the stream of run ${runId} keeps closing`);
    const base = control.retryMs ?? DEFAULT_RETRY_MS;
    await sleep(progressed ? 0 : Math.min(base * 2 ** (failures - 1), MAX_RETRY_MS), signal);
  }
}
