import { notFound } from "../domain/errors";
import type { RunFilter } from "../domain/run-filter";
import type { RunDiagnosis } from "../engine/run-types";
import { isId } from "../lib/ids";
import { allShards, shardStub } from "./run-shards";
import { runStub } from "./stubs";

/**
 * For operators (admin token): why a run is where it is, and a check that no unfinished run
 * is stuck, meaning without an alarm while not waiting for an event or callback with no timeout.
 */
export async function diagnoseRun(env: Env, runId: string): Promise<RunDiagnosis> {
  if (!isId(runId)) throw notFound("run", runId);
  const diagnosis = await runStub(env, runId).diagnose();
  if (!diagnosis) throw notFound("run", runId);
  return diagnosis as RunDiagnosis;
}

const UNFINISHED: RunFilter = { status: ["queued", "running", "waiting", "paused"], includeDeleted: true };

/** Checks up to `limit` unfinished runs, newest first within each shard of the runs index. */
export async function findStuckRuns(env: Env, limit: number) {
  const ids: string[] = [];
  for (const { appId, month } of await allShards(env)) {
    if (ids.length >= limit) break;
    const rows = await shardStub(env, appId, month).list(UNFINISHED, null, limit - ids.length);
    ids.push(...rows.map((row) => row.id));
  }
  const diagnoses = (await Promise.all(ids.map((id) => runStub(env, id).diagnose()))) as Array<RunDiagnosis | null>;
  const stuck = diagnoses.filter((d): d is RunDiagnosis => d !== null && d.stuck !== null);
  return { checked: diagnoses.length, stuck };
}
