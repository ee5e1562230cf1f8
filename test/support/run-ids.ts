import { UUID } from "uuidv7";
import type { RunSummary } from "../../src/engine/run-view";

/** A run id created at `ms`: the runs index's clock is the time its ids carry. */
export const runIdAt = (ms: number) =>
  UUID.fromFieldsV7(
    ms,
    Math.floor(Math.random() * 0x1000),
    Math.floor(Math.random() * 0x40000000),
    Math.floor(Math.random() * 2 ** 32),
  ).toString();

/**
 * The index summary of a native run of `workflowId` created at `at` that completed 10 ms later,
 * as a run object (or the backfill) would write it; `fields` changes any of it.
 */
export const completedSummary = (appId: string, workflowId: string, at: number, fields: Partial<RunSummary> = {}): RunSummary => ({
  id: runIdAt(at),
  appId,
  workflowId,
  version: 1,
  status: "completed",
  trigger: "api",
  surface: "native",
  scheduleId: null,
  processId: null,
  parentRunId: null,
  profile: "default",
  metadata: null,
  errorCode: null,
  errorStep: null,
  stateSeq: 5,
  createdAt: at,
  startedAt: at,
  endedAt: at + 10,
  updatedAt: at + 10,
  purgedAt: null,
  deletedAt: null,
  ...fields,
});
