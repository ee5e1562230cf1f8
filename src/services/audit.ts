import { and, desc, eq, gte, lt, lte } from "drizzle-orm";
import { auditLog } from "../db/schema";
import type { Actor } from "../domain/credential";
import { parseDuration } from "../domain/duration";
import { page } from "../lib/cursor";
import { newId } from "../lib/ids";
import { iso } from "../lib/json";
import { database } from "./db";

/** Every action the audit log records; run starts and events are the run log's, not the audit log's. */
export const AUDIT_ACTIONS = [
  "workflow.created",
  "workflow.updated",
  "workflow.deleted",
  "workflow.version_created",
  "schedule.created",
  "schedule.updated",
  "schedule.paused",
  "schedule.resumed",
  "schedule.deleted",
  "variable.set",
  "variable.deleted",
  "installation.created",
  "installation.deleted",
  "key.created",
  "key.revoked",
  "webhook_secret.rotated",
  "run.updated",
  "run.retention_changed",
  "run.outputs_purged",
  "run.purged",
  "run.deleted",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change and in which request: what a route hands the service that makes it. */
export interface AuditStamp {
  appId: string;
  actor: Actor;
  requestId: string | null;
}

export interface AuditChange {
  action: AuditAction;
  resource: { type: string; id: string };
  /** The names of the fields the change set; never their values. */
  changes?: string[];
}

const DEFAULT_RETENTION_MS = 90 * 86_400_000;

export const auditRetentionMs = (env: Pick<Env, "AUDIT_RETENTION">): number => parseDuration(env.AUDIT_RETENTION) ?? DEFAULT_RETENTION_MS;

function auditRow(stamp: AuditStamp, change: AuditChange, now: number): typeof auditLog.$inferInsert {
  const { actor } = stamp;
  return {
    id: newId(),
    appId: stamp.appId,
    actorKind: actor.kind,
    actorId: actor.kind === "key" ? actor.id : actor.kind === "jwt" ? actor.sub : null,
    actorName: actor.kind === "key" ? actor.name : null,
    action: change.action,
    resourceType: change.resource.type,
    resourceId: change.resource.id,
    requestId: stamp.requestId,
    changes: change.changes ? [...new Set(change.changes)].sort() : null,
    createdAt: now,
  };
}

/**
 * The audit entry's insert, for the D1 batch that makes the change: the batch is one
 * transaction, so a change is never without its entry and a failed change leaves none.
 */
export const auditInsert = (env: Pick<Env, "DB">, stamp: AuditStamp, change: AuditChange, now = Date.now()) =>
  database(env)
    .insert(auditLog)
    .values(auditRow(stamp, change, now));

/** The same insert as a plain D1 statement, for batches written with `env.DB.batch`. */
export function auditStatement(env: Pick<Env, "DB">, stamp: AuditStamp, change: AuditChange, now = Date.now()): D1PreparedStatement {
  const query = auditInsert(env, stamp, change, now).toSQL();
  return env.DB.prepare(query.sql).bind(...query.params);
}

/** The names of the fields a request body sets. */
export const fieldsOf = (body: object): string[] =>
  Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

/**
 * The entry for a conditional change (an UPDATE whose WHERE may match nothing), placed right
 * after it in a D1 batch: it is written only when that statement changed a row.
 */
export function auditStatementIfChanged(env: Pick<Env, "DB">, stamp: AuditStamp, change: AuditChange, now = Date.now()) {
  const r = auditRow(stamp, change, now);
  return env.DB.prepare(
    `INSERT INTO audit_log
       (id, app_id, actor_kind, actor_id, actor_name, action, resource_type, resource_id, request_id, changes, created_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() > 0`,
  ).bind(
    r.id,
    r.appId,
    r.actorKind,
    r.actorId ?? null,
    r.actorName ?? null,
    r.action,
    r.resourceType,
    r.resourceId,
    r.requestId ?? null,
    r.changes ? JSON.stringify(r.changes) : null,
    r.createdAt,
  );
}

/**
 * Records a change that was not a D1 write (a run's Durable Object made it): called right
 * after the change succeeded, so an entry may be missing if this write fails, never invented.
 */
export async function recordAudit(env: Pick<Env, "DB">, stamp: AuditStamp, change: AuditChange): Promise<void> {
  await auditInsert(env, stamp, change);
}

export interface AuditFilter {
  limit: number;
  after: string | null;
  action?: AuditAction;
  resourceType?: string;
  resourceId?: string;
  since?: number;
  until?: number;
}

function entryView(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    // Only this module writes these columns, from the types below.
    action: row.action as AuditAction,
    actor: { kind: row.actorKind as Actor["kind"], id: row.actorId, name: row.actorName },
    resource: { type: row.resourceType, id: row.resourceId },
    changes: row.changes ?? [],
    request_id: row.requestId,
    created_at: iso(row.createdAt),
  };
}

/** The app's audit log, newest first. */
export async function listAudit(env: Env, appId: string, filter: AuditFilter) {
  const rows = await database(env)
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.appId, appId),
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.resourceType ? eq(auditLog.resourceType, filter.resourceType) : undefined,
        filter.resourceId ? eq(auditLog.resourceId, filter.resourceId) : undefined,
        filter.since !== undefined ? gte(auditLog.createdAt, filter.since) : undefined,
        filter.until !== undefined ? lte(auditLog.createdAt, filter.until) : undefined,
        filter.after ? lt(auditLog.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  return page(rows.map(entryView), filter.limit);
}

/** Deletes entries older than AUDIT_RETENTION; the cron calls it. */
export async function expireAudit(env: Env, now = Date.now()): Promise<void> {
  await env.DB.prepare("DELETE FROM audit_log WHERE created_at < ?")
    .bind(now - auditRetentionMs(env))
    .run();
}
