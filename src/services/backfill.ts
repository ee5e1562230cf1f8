import type { RunSummary } from "../engine/run-view";
import { upsertRunIndexMany } from "./run-index";

/**
 * Moves a deployment that kept its runs index in D1 (`runs`, written by versions before the
 * index shards) into the shards, a page at a time. Resumable: each call continues after the
 * last id the previous one copied. Idempotent: a shard keeps the newer of two summaries (by
 * state_seq), so copying a run again, or after its object wrote a newer summary, changes
 * nothing. Nothing writes the D1 table any more; it can be dropped once a pass has finished.
 */

interface LegacyRow {
  id: string;
  app_id: string;
  workflow_id: string;
  version: number;
  status: string;
  trigger: string;
  surface: string;
  schedule_id: string | null;
  parent_run_id: string | null;
  profile: string;
  metadata: string | null;
  error_code: string | null;
  state_seq: number;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  updated_at: number;
  purged_at: number | null;
  deleted_at: number | null;
  process_id: string | null;
}

const toSummary = (r: LegacyRow): RunSummary => ({
  id: r.id,
  appId: r.app_id,
  workflowId: r.workflow_id,
  version: r.version,
  status: r.status as RunSummary["status"],
  trigger: r.trigger as RunSummary["trigger"],
  surface: r.surface,
  scheduleId: r.schedule_id,
  processId: r.process_id,
  parentRunId: r.parent_run_id,
  profile: r.profile,
  metadata: r.metadata === null ? null : JSON.parse(r.metadata),
  errorCode: r.error_code,
  // The D1 rows never kept the failing step.
  errorStep: null,
  stateSeq: r.state_seq,
  createdAt: r.created_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  updatedAt: r.updated_at,
  purgedAt: r.purged_at,
  deletedAt: r.deleted_at,
});

export async function backfillRunsIndex(env: Env, after: string | null, limit: number) {
  const rows = await env.DB.prepare("SELECT * FROM runs WHERE id > ? ORDER BY id LIMIT ?")
    .bind(after ?? "", limit)
    .all<LegacyRow>();
  const byApp = new Map<string, RunSummary[]>();
  for (const row of rows.results) byApp.set(row.app_id, [...(byApp.get(row.app_id) ?? []), toSummary(row)]);
  for (const [appId, summaries] of byApp) await upsertRunIndexMany(env, appId, summaries);
  const last = rows.results.at(-1)?.id ?? null;
  return { copied: rows.results.length, next_cursor: rows.results.length === limit ? last : null };
}
