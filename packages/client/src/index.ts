export { type CallOptions, unwrap } from "./call.js";
export { Stepline, type SteplineOptions } from "./client.js";
export { type ErrorDetail, SteplineError, serviceError } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { ListRunsQuery, Runs, StartOptions, WaitOptions } from "./runs.js";
export type { SteplineService } from "./service.js";
export type { StreamOptions } from "./stream.js";
export * from "./types.js";
export { verifyWebhook, type WebhookHeaders } from "./webhooks.js";
