import type { RunStatus, StepStatus } from "../engine/events";

/** Run statuses in the uppercase words the apps platform and the pipelines service share. */
export const UPPERCASE_RUN_STATUS = {
  queued: "PENDING",
  running: "RUNNING",
  waiting: "RUNNING",
  paused: "PAUSED",
  completed: "COMPLETED",
  failed: "FAILED",
  cancelled: "CANCELLED",
} as const satisfies Record<RunStatus, string>;

/** Step statuses as Data Flow's tasks and the pipelines service's steps name them. */
export const UPPERCASE_STEP_STATUS = {
  pending: "PENDING",
  running: "RUNNING",
  waiting: "RUNNING",
  completed: "COMPLETED",
  failed: "FAILED",
  skipped: "SKIPPED",
  cancelled: "CANCELLED",
} as const satisfies Record<StepStatus, string>;
