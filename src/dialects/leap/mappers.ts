import type { RunView } from "../../engine/run-view";
import { versionId } from "../version-id";
import type { LeapRun } from "./schemas";

const STATUS: Record<RunView["status"], LeapRun["status"]> = {
  queued: "running",
  running: "running",
  waiting: "running",
  paused: "running",
  completed: "completed",
  failed: "failed",
  cancelled: "failed",
};

const CANCELLED = "The workflow run was cancelled";

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);

/**
 * The Leap run object of a Stepline run: exactly its ten fields. Leap has no cancelled or
 * waiting status: a cancelled run reads as failed (with a reason), a waiting one as running.
 */
export function toLeapRun(run: RunView): LeapRun {
  const status = STATUS[run.status];
  return {
    id: run.id,
    version_id: versionId(run.workflow_id, run.version),
    status,
    created_at: run.created_at as string,
    started_at: run.started_at,
    ended_at: run.ended_at,
    workflow_id: run.workflow_id,
    error: status === "failed" ? (run.error?.message ?? CANCELLED) : null,
    input: isObject(run.input) ? run.input : {},
    output: status === "completed" ? (run.output ?? null) : null,
  };
}
