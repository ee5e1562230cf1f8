import type { z } from "zod";
import type { DataType } from "../../domain/definition";

/** The secret gate as a step sees it; engine/secret-gate.ts makes it, and throws a StepError on a refused host. */
export interface StepSecrets {
  /** The gate of the same request carrying also the secret variable `name` of `vars`. */
  carrying(vars: unknown, name: string, defaults: readonly string[]): StepSecrets;
  /** A URL as an error message may show it. */
  shownUrl(url: string): string;
  /** Throws SECRET_NOT_ALLOWED when a carried secret may not go to `target`. */
  check(target: URL, redirectedFrom: URL | null): void;
}

export interface RunInfo {
  id: string;
  appId: string;
  workflowId: string;
  version: number;
  profile: string;
}

export interface StepContext {
  run: RunInfo;
  stepId: string;
  attempt: number;
  /** The for_each index, or 0 for a step without for_each. */
  index: number;
  /** Aborted on cancel and on the step's timeout. */
  signal: AbortSignal;
  env: Env;
  /** The output of the single dependency, or an object keyed by dependency id. */
  prev: unknown;
  input: unknown;
  /** `{run_id}:{step_id}:{index}`: stable across attempts, sent by steps with side effects. */
  idempotencyKey: string;
  vars: Record<string, string>;
  /** The secrets this attempt's request carries, and where they may go (engine/secret-gate.ts). */
  secrets: StepSecrets;
  now(): number;
  countHttpCall(): void;
  /** The step's configured timeout, or the 10 minute default. */
  timeoutMs: number;
  /** A one-time URL that completes this attempt when called (valid for `timeoutMs`). */
  callbackUrl(timeoutMs: number): Promise<string>;
  /** Records the id the called service gave this attempt's job (shown as the step's `task_id`). */
  recordTask(taskId: string): void;
}

export type StepOutcome =
  | { kind: "output"; output: unknown }
  | { kind: "sleep"; until: number }
  | { kind: "event"; names: string[]; timeoutMs: number | null; schema: object | null }
  | { kind: "child"; workflowId: string; version: number | null; input: unknown }
  | { kind: "callback"; timeoutMs: number | null; request: () => Promise<unknown> };

export const output = (value: unknown): StepOutcome => ({ kind: "output", output: value });

export interface StepType<C = Record<string, unknown>> {
  type: string;
  /** Creation-time schema; strings may still hold templates. Rendered configs are checked again. */
  config: z.ZodType<C>;
  accepts?: DataType;
  produces: DataType | "same";
  /**
   * The config fields that build the request it sends, the only ones where a secret variable
   * may be read: each builds the request's `url` (so its host) or its `content`.
   */
  requestFields?: Readonly<Record<string, "url" | "content">>;
  /** Steps that only wait (sleep, events) get no attempt timeout by default. */
  waits?: boolean;
  /** Does no I/O: runs to completion within the expression limits, so it needs no attempt timer. */
  pure?: boolean;
  /**
   * The URLs a raw config names without templates, by config field, so creation can refuse a
   * private one at once; templated URLs are checked when they are rendered.
   */
  literalUrls?(config: Record<string, unknown>): Array<{ field: string; url: string }>;
  execute(config: C, ctx: StepContext): Promise<StepOutcome>;
  /**
   * What a callback's body means for a step waiting on one: its output (default: the body as
   * it is), or a StepError when the service reports a failure. `config` is the rendered config.
   */
  callbackResult?(config: C, payload: unknown): unknown;
}

/**
 * A step failure. `retryable: false` fails the step at once, whatever its retry policy
 * (a 404, a failed expression, a `fail` step); the code lands in the run's error.
 */
export class StepError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = true,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "StepError";
  }
}
