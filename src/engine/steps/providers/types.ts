import type { HttpRequestSpec } from "../http";
import type { StepContext, StepOutcome } from "../types";

export interface IntegrationCall {
  operation: string;
  pathParams: Record<string, string | number>;
  queryParams: Record<string, unknown>;
  body: unknown;
  wait: "callback" | "poll" | undefined;
  pollIntervalMs: number;
}

/** Sends one request to the provider with its credentials; the answer's JSON body, or a StepError. */
export type Send = (spec: Omit<HttpRequestSpec, "headers"> & { headers?: Record<string, string> }) => Promise<unknown>;

export interface Provider {
  /** The profile variable holding the credential. */
  credential: string;
  baseUrl: string;
  operations: string[];
  authHeader(credential: string): Record<string, string>;
  run(call: IntegrationCall, base: string, send: Send, ctx: StepContext): Promise<StepOutcome>;
  /** The result carried by the provider's callback body (default: the body), or a StepError. */
  callbackResult?(payload: unknown): unknown;
}

/** Records the job id a provider answered with (`id`, `request_id`), when it gave one. */
export function recordJob(ctx: StepContext, answer: unknown, field = "id"): void {
  const id = answer && typeof answer === "object" ? (answer as Record<string, unknown>)[field] : undefined;
  if (typeof id === "string" || typeof id === "number") ctx.recordTask(String(id));
}
