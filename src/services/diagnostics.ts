import { notFound } from "../domain/errors";
import type { RunDiagnosis } from "../engine/run-object";
import { isId } from "../lib/ids";
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

export async function findStuckRuns(env: Env, limit: number) {
  const unfinished = await env.DB.prepare(
    `SELECT id FROM runs WHERE status IN ('queued', 'running', 'waiting', 'paused') ORDER BY status, id DESC LIMIT ?`,
  )
    .bind(limit)
    .all<{ id: string }>();
  const diagnoses = (await Promise.all(unfinished.results.map((row) => runStub(env, row.id).diagnose()))) as Array<RunDiagnosis | null>;
  const stuck = diagnoses.filter((d): d is RunDiagnosis => d !== null && d.stuck !== null);
  return { checked: diagnoses.length, stuck };
}
