import type { RunSummary } from "../engine/run-view";

/**
 * Writes a run's summary into the D1 index. The run's object is the truth; the index is for
 * listing. A summary only replaces an older one (by state_seq), so late or repeated writes
 * from the object can never move a run backwards.
 */
export async function upsertRunIndex(env: Env, s: RunSummary): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO runs (id, app_id, workflow_id, version, status, trigger, surface, schedule_id, parent_run_id, profile, metadata,
       error_code, state_seq, created_at, started_at, ended_at, updated_at, purged_at, deleted_at, process_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, error_code = excluded.error_code, state_seq = excluded.state_seq,
       started_at = excluded.started_at, ended_at = excluded.ended_at, updated_at = excluded.updated_at,
       purged_at = excluded.purged_at, metadata = excluded.metadata, deleted_at = excluded.deleted_at
     WHERE excluded.state_seq > runs.state_seq`,
  )
    .bind(
      s.id,
      s.appId,
      s.workflowId,
      s.version,
      s.status,
      s.trigger,
      s.surface,
      s.scheduleId,
      s.parentRunId,
      s.profile,
      s.metadata === null ? null : JSON.stringify(s.metadata),
      s.errorCode,
      s.stateSeq,
      s.createdAt,
      s.startedAt,
      s.endedAt,
      s.updatedAt,
      s.purgedAt,
      s.deletedAt,
      s.processId,
    )
    .run();
}
