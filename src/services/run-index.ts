import { parseDuration } from "../domain/duration";
import { AppError } from "../domain/errors";
import { idAt, type RunFilter, timeOfId } from "../domain/run-filter";
import type { RunSummary } from "../engine/run-view";
import { iso } from "../lib/json";
import { type IndexRow, monthBounds, monthOfId, shardMonths, shardOfRun, shardStub } from "./run-shards";

/**
 * The runs index: each run's summary row in its app's shard for the month it was created in
 * (run-shards.ts). The run's object is the truth and writes its summary here on status changes;
 * lists and filters read here, walking an app's shards newest first, and a purged run's row is
 * the tombstone that answers 410 until `TOMBSTONE_TTL` has passed.
 */

const DEFAULT_TOMBSTONE_TTL_MS = 30 * 86_400_000;

export function tombstoneTtlMs(env: Env): number {
  return parseDuration(env.TOMBSTONE_TTL) ?? DEFAULT_TOMBSTONE_TTL_MS;
}

export async function upsertRunIndex(env: Env, s: RunSummary): Promise<void> {
  await upsertRunIndexMany(env, s.appId, [s]);
}

/** Writes summaries of one app, grouped by shard: a run object writes its own, the backfill a page at a time. */
export async function upsertRunIndexMany(env: Env, appId: string, summaries: RunSummary[]): Promise<void> {
  const byMonth = new Map<string, RunSummary[]>();
  for (const s of summaries) {
    const month = monthOfId(s.id);
    byMonth.set(month, [...(byMonth.get(month) ?? []), s]);
  }
  const ttl = tombstoneTtlMs(env);
  await Promise.all([...byMonth].map(([month, rows]) => shardStub(env, appId, month).upsert({ appId, month }, rows, ttl)));
}

/** A run's row in the index, a tombstone included; null when the index has none. */
export async function indexedRun(env: Env, appId: string, runId: string): Promise<IndexRow | null> {
  return shardOfRun(env, appId, runId).get(runId);
}

/** RUN_PURGED while a purged run's tombstone lasts; null when the index holds no tombstone for it. */
export async function tombstoneError(env: Env, appId: string, runId: string): Promise<AppError | null> {
  const row = await indexedRun(env, appId, runId);
  return row?.purgedAt != null ? new AppError("RUN_PURGED", `run ${runId} was purged at ${iso(row.purgedAt)}`) : null;
}

/** The shards a list may find rows in, newest first: those within its time range and before its cursor. */
async function shardsFor(env: Env, appId: string, filter: RunFilter, before: string | null): Promise<string[]> {
  const months = await shardMonths(env, appId);
  const cursorTime = before === null ? Number.NaN : timeOfId(before);
  const upper = Math.min(
    Number.isFinite(cursorTime) ? cursorTime : Number.POSITIVE_INFINITY,
    filter.createdBefore ?? Number.POSITIVE_INFINITY,
  );
  const lower = filter.createdAfter ?? Number.NEGATIVE_INFINITY;
  return months.filter((month) => {
    const { start, end } = monthBounds(month);
    return start <= upper && end > lower;
  });
}

/**
 * Up to `limit` rows that match, newest first, older than `before`: shard by shard, each asked
 * only for what the page still lacks, so pages that cross a month neither skip nor repeat a run.
 */
export async function listIndexRows(env: Env, appId: string, filter: RunFilter, before: string | null, limit: number): Promise<IndexRow[]> {
  const rows: IndexRow[] = [];
  for (const month of await shardsFor(env, appId, filter, before)) {
    const { end } = monthBounds(month);
    // Within a month older than the cursor's, every row is older than the cursor.
    const from = before !== null && before < idAt(end) ? before : null;
    rows.push(...(await shardStub(env, appId, month).list(filter, from, limit - rows.length)));
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * One page by offset, newest first, with the number of runs that match: what lists shaped as
 * `{items, total, skip, limit}` need. Every shard in range counts its matches; only the shards
 * the page falls in list ids.
 */
export async function runPageByOffset(env: Env, appId: string, filter: RunFilter, skip: number, limit: number) {
  const months = await shardsFor(env, appId, filter, null);
  const counts = await Promise.all(months.map((month) => shardStub(env, appId, month).offsetPage(filter, 0, 0)));
  const ids: string[] = [];
  let offset = skip;
  for (let i = 0; i < months.length && ids.length < limit; i++) {
    const total = counts[i].total;
    if (offset >= total) {
      offset -= total;
      continue;
    }
    const page = await shardStub(env, appId, months[i]).offsetPage(filter, offset, limit - ids.length);
    ids.push(...page.ids);
    offset = 0;
  }
  return { ids, total: counts.reduce((sum, c) => sum + c.total, 0) };
}
