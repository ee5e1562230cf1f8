/**
 * The statuses of a run and of its steps: the engine's types, the API's enums and, through the
 * OpenAPI document, the client's list are all made from these.
 */
export const RUN_STATUSES = ["queued", "running", "waiting", "paused", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = ["pending", "running", "waiting", "completed", "failed", "skipped", "cancelled"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The statuses a run never leaves. */
export const ENDED_STATUSES: ReadonlySet<RunStatus> = new Set<RunStatus>(["completed", "failed", "cancelled"]);
export const isEnded = (status: RunStatus): boolean => ENDED_STATUSES.has(status);
