import { type RunFilter, timeOfId } from "../domain/run-filter";
import type { RunSummary } from "../engine/run-view";

/**
 * Where an app's runs index lives: one shard object per app and month of the runs' creation
 * (UUIDv7 ids carry it), listed in D1's `run_index_shards`. A month is a unit an app rarely
 * outgrows (a shard takes hundreds of writes a second) and keeps a list's walk short: a page
 * reads the newest shards first and stops when it is full.
 */

/** The UTC month (`yyyy-mm`) a run id was created in. */
export function monthOfId(id: string): string {
  return new Date(timeOfId(id)).toISOString().slice(0, 7);
}

/** The first instant of a month, and of the one after it. */
export function monthBounds(month: string): { start: number; end: number } {
  const [year, m] = month.split("-").map(Number);
  return { start: Date.UTC(year, m - 1, 1), end: Date.UTC(year, m, 1) };
}

/** A summary row as the shard keeps it. */
export interface IndexRow {
  id: string;
  workflowId: string;
  version: number;
  status: string;
  trigger: string;
  surface: string;
  scheduleId: string | null;
  parentRunId: string | null;
  profile: string;
  metadata: Record<string, unknown> | null;
  errorCode: string | null;
  /** The step whose failure failed the run; null for a run failed by its output or not failed. */
  errorStep: string | null;
  stateSeq: number;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  updatedAt: number;
  purgedAt: number | null;
  deletedAt: number | null;
  processId: string | null;
}

export interface ShardIdentity {
  appId: string;
  month: string;
}

/**
 * A shard's methods (runs-index/shard-object.ts implements them), declared here because RPC's
 * inferred types cannot carry the rows' JSON metadata.
 */
export interface Shard {
  upsert(identity: ShardIdentity, summaries: RunSummary[], tombstoneTtlMs: number): Promise<void>;
  list(filter: RunFilter, before: string | null, limit: number): Promise<IndexRow[]>;
  offsetPage(filter: RunFilter, skip: number, limit: number): Promise<{ total: number; ids: string[] }>;
  get(id: string): Promise<IndexRow | null>;
  stats(workflowId: string, from: string, to: string, bucketStarts: string[]): Promise<ShardStats>;
}

/** A workflow's runs in an id range, counted in groups (see runs-index/shard-sql.ts statsQueries). */
export interface ShardStats {
  groups: Array<{ bucket: number; status: string; errorStep: string | null; errorCode: string | null; count: number; newest: string }>;
  durations: Array<{ value: number; count: number }>;
  longest: number | null;
}

export const shardStub = (env: Env, appId: string, month: string) =>
  env.RUN_INDEX.get(env.RUN_INDEX.idFromName(`${appId}/${month}`)) as unknown as Shard;

export const shardOfRun = (env: Env, appId: string, runId: string) => shardStub(env, appId, monthOfId(runId));

/** The app's shard months, newest first. */
export async function shardMonths(env: Env, appId: string): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT month FROM run_index_shards WHERE app_id = ? ORDER BY month DESC")
    .bind(appId)
    .all<{ month: string }>();
  return rows.results.map((r) => r.month);
}

/** Every shard of every app: for operators' checks that span apps. */
export async function allShards(env: Env): Promise<Array<{ appId: string; month: string }>> {
  const rows = await env.DB.prepare("SELECT app_id, month FROM run_index_shards ORDER BY app_id, month DESC").all<{
    app_id: string;
    month: string;
  }>();
  return rows.results.map((r) => ({ appId: r.app_id, month: r.month }));
}

export async function recordShard(env: Env, appId: string, month: string): Promise<void> {
  await env.DB.prepare("INSERT OR IGNORE INTO run_index_shards (app_id, month, created_at) VALUES (?, ?, ?)")
    .bind(appId, month, Date.now())
    .run();
}

export async function forgetShard(env: Env, appId: string, month: string): Promise<void> {
  await env.DB.prepare("DELETE FROM run_index_shards WHERE app_id = ? AND month = ?").bind(appId, month).run();
}
