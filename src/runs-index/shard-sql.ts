import { idAt, METADATA_KEY, type RunFilter, SURFACE } from "../domain/run-filter";
import { quantizedDurationSql } from "../domain/stats-math";

/**
 * The table of a runs index shard and the SQL of its lists. A shard holds one app's runs of
 * one month (see shards.ts), so every query is already scoped to an app and a time range. The
 * table has no secondary index: an index is a row written on every insert and status change,
 * paid per run, while a list reads newest first along the primary key and stops at its limit
 * (rows read cost a thousandth of rows written).
 */
export const SHARD_TABLE = `
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
  trigger TEXT NOT NULL, surface TEXT NOT NULL, schedule_id TEXT, parent_run_id TEXT, profile TEXT NOT NULL,
  metadata TEXT, error_code TEXT, state_seq INTEGER NOT NULL, created_at INTEGER NOT NULL, started_at INTEGER,
  ended_at INTEGER, updated_at INTEGER NOT NULL, purged_at INTEGER, deleted_at INTEGER, process_id TEXT,
  tombstone_expires_at INTEGER, error_step TEXT
) WITHOUT ROWID`;

/** Columns added after shards were first written: a shard that lacks one gains it when it wakes. */
export const ADDED_COLUMNS = [{ name: "error_step", sql: "ALTER TABLE runs ADD COLUMN error_step TEXT" }];

/** Throws on a filter term that would be written into SQL unchecked. */
export function checkFilter(filter: RunFilter): void {
  if (filter.surface !== undefined && !SURFACE.test(filter.surface)) throw new Error(`not a surface name: ${filter.surface}`);
  for (const key of Object.keys(filter.metadata ?? {})) if (!METADATA_KEY.test(key)) throw new Error(`not a metadata key: ${key}`);
}

/** The WHERE clause of a list within a shard, with its bound values; `before` pages newest first. */
export function whereClause(filter: RunFilter, before: string | null): { sql: string; args: SqlStorageValue[] } {
  checkFilter(filter);
  const terms: string[] = [];
  const args: SqlStorageValue[] = [];
  const add = (term: string, ...values: SqlStorageValue[]) => {
    terms.push(term);
    args.push(...values);
  };
  if (before !== null) add("id < ?", before);
  if (filter.surface !== undefined) add("surface = ?", filter.surface);
  if (filter.workflowId !== undefined) add("workflow_id = ?", filter.workflowId);
  if (filter.version !== undefined) add("version = ?", filter.version);
  if (filter.processId !== undefined) add("process_id = ?", filter.processId);
  if (filter.failedStep !== undefined) add("error_step = ?", filter.failedStep);
  if (filter.errorCode !== undefined) add("error_code = ?", filter.errorCode);
  if (filter.status?.length) add(`status IN (${filter.status.map(() => "?").join(", ")})`, ...filter.status);
  if (filter.createdAfter !== undefined) add("id >= ?", idAt(filter.createdAfter));
  if (filter.createdBefore !== undefined) add("id < ?", idAt(filter.createdBefore));
  if (!filter.includeDeleted) terms.push("deleted_at IS NULL");
  if (filter.excludePurged) terms.push("purged_at IS NULL");
  for (const [key, value] of Object.entries(filter.metadata ?? {})) add(`metadata ->> '$.${key}' = ?`, value);
  return { sql: terms.length ? `WHERE ${terms.join(" AND ")}` : "", args };
}

/**
 * A workflow's runs in an id range, counted in groups: by time bucket (the ids at which the
 * buckets start, oldest first), status, failing step and error code, with the newest id of each
 * group; and the durations of ended runs to three significant digits. Both read the id range
 * along the primary key and nothing else.
 */
export function statsQueries(bucketStarts: string[]) {
  // The range starts at the first bucket, so every row passes one of the boundaries.
  const bucket = `CASE ${bucketStarts.map((_, i) => `WHEN id >= ? THEN ${bucketStarts.length - 1 - i}`).join(" ")} END`;
  const range = "workflow_id = ? AND id >= ? AND id < ? AND deleted_at IS NULL";
  const duration = "(ended_at - started_at)";
  return {
    groups: {
      sql: `SELECT ${bucket} AS bucket, status, error_step, error_code, COUNT(*) AS n, MAX(id) AS newest
            FROM runs WHERE ${range} GROUP BY bucket, status, error_step, error_code`,
      // Newest first, so the first boundary a row passes is its own bucket's.
      bucketArgs: [...bucketStarts].reverse(),
    },
    durations: {
      sql: `SELECT ${quantizedDurationSql(duration)} AS ms, COUNT(*) AS n, MAX(${duration}) AS longest
            FROM runs WHERE ${range} AND ended_at IS NOT NULL AND started_at IS NOT NULL
              AND status IN ('completed', 'failed', 'cancelled')
            GROUP BY ms`,
    },
  };
}
