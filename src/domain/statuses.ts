/** Run and step statuses (DESIGN 6). */
export type RunStatus = "queued" | "running" | "waiting" | "paused" | "completed" | "failed" | "cancelled";
export type StepStatus = "pending" | "running" | "waiting" | "completed" | "failed" | "skipped" | "cancelled";

export const ENDED: ReadonlySet<RunStatus> = new Set(["completed", "failed", "cancelled"]);
export const isEnded = (status: RunStatus): boolean => ENDED.has(status);
