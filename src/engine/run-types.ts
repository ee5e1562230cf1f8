import type { VersionDefinition } from "../domain/definition";
import type { RunStatus } from "./events";

export interface RunError {
  code: string;
  message: string;
  step_id: string | null;
  details?: unknown;
}

export interface Retention {
  maxAgeSeconds: number;
  preserveOnFailure: boolean;
}

export interface LimiterRef {
  name: string;
  concurrency: number | null;
  rate: { limit: number; periodMs: number } | null;
}

/** What started a run; shown as `trigger` and filtered on in lists. */
export const TRIGGERS = ["api", "schedule", "rpc", "discover", "replay", "child", "dialect"] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Everything a run object needs to create a run; the service resolves it before calling. */
export interface CreateRunParams {
  id: string;
  appId: string;
  workflowId: string;
  version: number;
  definition: VersionDefinition;
  input: unknown;
  trigger: Trigger;
  surface: string;
  profile: string;
  scheduleId: string | null;
  /** The caller's name for the run (looked up by the dialects that address runs by it). */
  processId?: string | null;
  parent: { runId: string; stepId: string; appId: string } | null;
  webhookUrl: string | null;
  retention: Retention;
  metadata: Record<string, unknown> | null;
  options: Record<string, unknown>;
  limiter: LimiterRef | null;
  start: boolean;
  /** Outputs reused by a replay: these steps start out completed. */
  reuse: { runId: string; outputs: Record<string, unknown> } | null;
}

export interface EventInput {
  name: string;
  payload?: unknown;
  id?: string;
}

export interface ChildResult {
  status: "completed" | "failed" | "cancelled";
  output: unknown;
  error: RunError | null;
}

export interface RetentionPatch {
  max_age_seconds?: number;
  preserve_on_failure?: boolean;
}

/** PATCH /v1/runs/{id}: each field present is changed. */
export interface RunPatch {
  webhook_url?: string | null;
  /** A JSON merge patch of the run's metadata. */
  metadata?: Record<string, unknown>;
  /** Soft delete (hidden from lists unless asked for), or undo it. */
  deleted?: boolean;
}

/** What the run object says of its own health (GET /v1/admin/runs/{id}/diagnosis). */
export interface RunDiagnosis {
  id: string;
  status: RunStatus;
  alarm_at: string | null;
  timers: Array<{ kind: string; step_id: string | null; due_at: string }>;
  waiting: Array<{ step_id: string; kind: string | null; until: number | null }>;
  in_flight: string[];
  alarm_failures: number;
  stuck: string | null;
}
