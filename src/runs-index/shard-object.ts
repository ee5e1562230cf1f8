import { DurableObject } from "cloudflare:workers";
import type { RunFilter } from "../domain/run-filter";
import type { RunSummary } from "../engine/run-view";
import { forgetShard, type IndexRow, recordShard, type Shard, type ShardIdentity, type ShardStats } from "../services/run-shards";
import { ADDED_COLUMNS, SHARD_TABLE, statsQueries, whereClause } from "./shard-sql";

/**
 * One shard of an app's runs index: the summary rows of the app's runs created in one month
 * (named `<app id>/<yyyy-mm>`, see shards.ts). Run objects write their summary here on status
 * changes; lists, filters and the answers for purged runs read it. A purged run's row stays as a
 * tombstone until `TOMBSTONE_TTL` has passed, then goes; a shard left with no rows deletes its
 * storage and leaves the shard directory.
 */

type Row = Record<string, SqlStorageValue>;

const toRow = (r: Row): IndexRow => ({
  id: r.id as string,
  workflowId: r.workflow_id as string,
  version: r.version as number,
  status: r.status as string,
  trigger: r.trigger as string,
  surface: r.surface as string,
  scheduleId: r.schedule_id as string | null,
  parentRunId: r.parent_run_id as string | null,
  profile: r.profile as string,
  metadata: typeof r.metadata === "string" ? JSON.parse(r.metadata) : null,
  errorCode: r.error_code as string | null,
  errorStep: (r.error_step as string | null) ?? null,
  stateSeq: r.state_seq as number,
  createdAt: r.created_at as number,
  startedAt: r.started_at as number | null,
  endedAt: r.ended_at as number | null,
  updatedAt: r.updated_at as number,
  purgedAt: r.purged_at as number | null,
  deletedAt: r.deleted_at as number | null,
  processId: r.process_id as string | null,
});

export class RunIndexShard extends DurableObject<Env> implements Shard {
  private ready = false;

  private get sql(): SqlStorage {
    return this.ctx.storage.sql;
  }

  /** Whether the shard has its table; reading never creates it, so a list of an empty month leaves nothing behind. */
  private exists(): boolean {
    if (!this.ready) {
      this.ready = this.sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'runs'").toArray().length > 0;
      if (this.ready) this.addMissingColumns();
    }
    return this.ready;
  }

  /** A shard written before a column was added gains it once, on waking: no row is rewritten. */
  private addMissingColumns(): void {
    const present = new Set(
      this.sql
        .exec("SELECT name FROM pragma_table_info('runs')")
        .toArray()
        .map((r) => r.name as string),
    );
    for (const column of ADDED_COLUMNS) if (!present.has(column.name)) this.sql.exec(column.sql);
  }

  /**
   * Writes summaries; one only replaces an older one (by state_seq), so late or repeated writes
   * can never move a run backwards. Answers whether the shard was new, so the caller records it
   * in the shard directory.
   */
  async upsert(identity: ShardIdentity, summaries: RunSummary[], tombstoneTtlMs: number): Promise<void> {
    if (!this.exists()) {
      // Listed in the directory before its first row: a shard with rows is always found.
      await recordShard(this.env, identity.appId, identity.month);
      this.sql.exec(SHARD_TABLE);
      await this.ctx.storage.put("identity", identity);
      this.ready = true;
    }
    let tombstones = false;
    for (const s of summaries) {
      const expires = s.purgedAt === null ? null : s.purgedAt + tombstoneTtlMs;
      tombstones ||= expires !== null;
      this.sql.exec(
        `INSERT INTO runs (id, workflow_id, version, status, trigger, surface, schedule_id, parent_run_id, profile, metadata,
           error_code, state_seq, created_at, started_at, ended_at, updated_at, purged_at, deleted_at, process_id, tombstone_expires_at, error_step)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, error_code = excluded.error_code, error_step = excluded.error_step,
           state_seq = excluded.state_seq,
           started_at = excluded.started_at, ended_at = excluded.ended_at, updated_at = excluded.updated_at,
           purged_at = excluded.purged_at, metadata = excluded.metadata, deleted_at = excluded.deleted_at,
           tombstone_expires_at = excluded.tombstone_expires_at
         WHERE excluded.state_seq > runs.state_seq`,
        s.id,
        s.workflowId,
        s.version,
        s.status,
        s.trigger,
        s.surface,
        s.scheduleId,
        s.parentRunId,
        s.profile,
        s.metadata === null || s.purgedAt !== null ? null : JSON.stringify(s.metadata),
        s.errorCode,
        s.stateSeq,
        s.createdAt,
        s.startedAt,
        s.endedAt,
        s.updatedAt,
        s.purgedAt,
        s.deletedAt,
        s.processId,
        expires,
        s.errorStep,
      );
    }
    if (tombstones) await this.armExpiry();
  }

  /** A page newest first: up to `limit` rows older than `before` that match. */
  async list(filter: RunFilter, before: string | null, limit: number): Promise<IndexRow[]> {
    if (!this.exists() || limit <= 0) return [];
    const where = whereClause(filter, before);
    return this.sql
      .exec(`SELECT * FROM runs ${where.sql} ORDER BY id DESC LIMIT ?`, ...where.args, limit)
      .toArray()
      .map(toRow);
  }

  /** The number of rows that match, and the ids of a page of them by offset (newest first). */
  async offsetPage(filter: RunFilter, skip: number, limit: number): Promise<{ total: number; ids: string[] }> {
    if (!this.exists()) return { total: 0, ids: [] };
    const where = whereClause(filter, null);
    const total = Number(this.sql.exec(`SELECT COUNT(*) AS n FROM runs ${where.sql}`, ...where.args).one().n);
    const ids =
      limit > 0 && skip < total
        ? this.sql
            .exec(`SELECT id FROM runs ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`, ...where.args, limit, skip)
            .toArray()
            .map((r) => r.id as string)
        : [];
    return { total, ids };
  }

  /**
   * A workflow's runs created in [from, to) (ids), counted in groups by the bucket starting at
   * each of `bucketStarts`, status, failing step and error code, and their durations: the
   * counting happens here, so the answer's size does not grow with the number of runs.
   */
  async stats(workflowId: string, from: string, to: string, bucketStarts: string[]): Promise<ShardStats> {
    if (!this.exists()) return { groups: [], durations: [], longest: null };
    const q = statsQueries(bucketStarts);
    const groups = this.sql
      .exec(q.groups.sql, ...q.groups.bucketArgs, workflowId, from, to)
      .toArray()
      .map((r) => ({
        bucket: r.bucket as number,
        status: r.status as string,
        errorStep: r.error_step as string | null,
        errorCode: r.error_code as string | null,
        count: r.n as number,
        newest: r.newest as string,
      }));
    let longest: number | null = null;
    const durations = this.sql
      .exec(q.durations.sql, workflowId, from, to)
      .toArray()
      .map((r) => {
        longest = Math.max(longest ?? 0, r.longest as number);
        return { value: r.ms as number, count: r.n as number };
      });
    return { groups, durations, longest };
  }

  async get(id: string): Promise<IndexRow | null> {
    if (!this.exists()) return null;
    const row = this.sql.exec("SELECT * FROM runs WHERE id = ?", id).toArray()[0];
    return row ? toRow(row) : null;
  }

  private async armExpiry(): Promise<void> {
    const next = this.sql.exec("SELECT MIN(tombstone_expires_at) AS at FROM runs").one().at as number | null;
    if (next === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }

  /** Tombstones whose time is up go; a shard with nothing left deletes itself. */
  async alarm(): Promise<void> {
    if (!this.exists()) return;
    this.sql.exec("DELETE FROM runs WHERE tombstone_expires_at <= ?", Date.now());
    if (this.sql.exec("SELECT 1 FROM runs LIMIT 1").toArray().length > 0) {
      await this.armExpiry();
      return;
    }
    // No write may land between leaving the directory and deleting the storage.
    await this.ctx.blockConcurrencyWhile(async () => {
      const identity = await this.ctx.storage.get<ShardIdentity>("identity");
      if (identity) await forgetShard(this.env, identity.appId, identity.month);
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.deleteAll();
      this.ready = false;
    });
  }
}
