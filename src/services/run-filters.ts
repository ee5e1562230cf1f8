import { and, count, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import { runs } from "../db/schema";
import type { RunStatus } from "../engine/events";
import { database } from "./db";

/** Metadata keys a list may filter by; they are written into the SQL, so they are checked first. */
export const METADATA_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const SURFACE = /^[a-z][a-z0-9_-]{0,31}$/;

export interface RunFilter {
  workflowId?: string;
  version?: number;
  /** The caller's name for the runs, given when they were started. */
  processId?: string;
  status?: RunStatus[];
  createdAfter?: number;
  createdBefore?: number;
  /** The surface that started the runs (`native`, `leap`, `pipelines`, ...). */
  surface?: string;
  /** Soft-deleted runs are left out unless this is set. */
  includeDeleted?: boolean;
  /** Leaves out runs whose data retention purged. */
  excludePurged?: boolean;
  /** Top-level metadata values, compared as text. */
  metadata?: Record<string, string>;
}

/** The smallest UUIDv7 for a time: ids sort by creation time, so time filters are id ranges. */
function idAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/**
 * The WHERE clause of a run list, always within one app. The surface and the metadata paths
 * are written as literals (after the checks above) because SQLite uses a partial or an
 * expression index only for a query that spells its terms the same way: the pipelines
 * dialect's origin filters are indexed by `runs_pipelines_*` (see db/schema.ts).
 */
export function runConditions(appId: string, filter: RunFilter): SQL | undefined {
  const where: Array<SQL | undefined> = [eq(runs.appId, appId)];
  if (filter.surface !== undefined) {
    if (!SURFACE.test(filter.surface)) throw new Error(`not a surface name: ${filter.surface}`);
    where.push(sql`${runs.surface} = ${sql.raw(`'${filter.surface}'`)}`);
  }
  if (filter.workflowId !== undefined) where.push(eq(runs.workflowId, filter.workflowId));
  if (filter.version !== undefined) where.push(eq(runs.version, filter.version));
  if (filter.processId !== undefined) where.push(eq(runs.processId, filter.processId));
  if (filter.status?.length)
    where.push(filter.status.length === 1 ? eq(runs.status, filter.status[0]) : inArray(runs.status, filter.status));
  if (filter.createdAfter !== undefined) where.push(gte(runs.id, idAt(filter.createdAfter)));
  if (filter.createdBefore !== undefined) where.push(lt(runs.id, idAt(filter.createdBefore)));
  if (!filter.includeDeleted) where.push(isNull(runs.deletedAt));
  if (filter.excludePurged) where.push(isNull(runs.purgedAt));
  for (const [key, value] of Object.entries(filter.metadata ?? {})) {
    if (!METADATA_KEY.test(key)) throw new Error(`not a metadata key: ${key}`);
    where.push(sql`${runs.metadata} ->> ${sql.raw(`'$.${key}'`)} = ${value}`);
  }
  return and(...where);
}

/**
 * One page by offset, newest first, with the number of runs that match: what lists shaped
 * as `{items, total, skip, limit}` need. Both queries go through the same index.
 */
export async function runPageByOffset(env: Env, appId: string, filter: RunFilter, skip: number, limit: number) {
  const where = runConditions(appId, filter);
  const db = database(env);
  const [rows, total] = await Promise.all([
    limit === 0 ? Promise.resolve([]) : db.select({ id: runs.id }).from(runs).where(where).orderBy(desc(runs.id)).limit(limit).offset(skip),
    db.select({ n: count() }).from(runs).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total[0]?.n ?? 0 };
}
