import { and, desc, eq, lt } from "drizzle-orm";
import { schedules } from "../db/schema";
import { cronProblem } from "../domain/cron";
import { AppError, validationFailed } from "../domain/errors";
import { page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { iso } from "../lib/json";
import { type AuditChange, type AuditStamp, auditInsert, fieldsOf } from "./audit";
import { database } from "./db";
import { startRun } from "./runs";
import { profileExists } from "./variables";
import { loadForRun } from "./workflows";

/** What a schedule object keeps (schedules/schedule-object.ts); this service reads and writes it through the object. */
export interface ScheduleState {
  id: string;
  appId: string;
  workflowId: string;
  cron: string;
  timezone: string;
  input: unknown;
  profile: string;
  version: number | null;
  overlap: "allow" | "skip";
  paused: boolean;
  /** The slot fired last (or the creation time), so a restart fires each slot at most once. */
  lastSlot: number;
  nextAt: number | null;
  lastRunId: string | null;
  /** A slot being fired, with the run id chosen for it: a retried alarm reuses both. */
  firing: { slot: number; runId: string } | null;
  skipped: number;
  lastError: string | null;
}

/**
 * Cron schedules. Each is a ScheduleObject holding its state and alarm; D1 holds a copy for
 * listing, updated on every change and every fire.
 */

export interface ScheduleInput {
  cron: string;
  timezone?: string;
  input?: unknown;
  profile?: string;
  version?: number | null;
  overlap?: "allow" | "skip";
  paused?: boolean;
}

const scheduleStub = (env: Env, id: string) => env.SCHEDULES.get(env.SCHEDULES.idFromName(id));
const notFound = (id: string) => new AppError("NOT_FOUND", `schedule ${id} was not found`);

function view(state: ScheduleState, createdAt: number, updatedAt: number) {
  return {
    id: state.id,
    workflow_id: state.workflowId,
    cron: state.cron,
    timezone: state.timezone,
    input: state.input ?? null,
    profile: state.profile,
    version: state.version,
    overlap: state.overlap,
    paused: state.paused,
    next_run_at: iso(state.nextAt),
    last_run_at: state.lastRunId ? iso(state.lastSlot) : null,
    last_run_id: state.lastRunId,
    skipped_count: state.skipped,
    last_error: state.lastError,
    created_at: iso(createdAt),
    updated_at: iso(updatedAt),
  };
}

async function check(
  env: Env,
  appId: string,
  workflowId: string,
  body: Required<Pick<ScheduleInput, "cron" | "timezone" | "profile" | "version">>,
) {
  const problem = cronProblem(body.cron, body.timezone);
  if (problem) throw validationFailed([problem]);
  // A pinned version must exist now, as it must for a run; loadForRun names the field.
  await loadForRun(env, appId, workflowId, body.version);
  if (!(await profileExists(env, appId, body.profile)))
    throw validationFailed([{ path: "profile", message: `profile "${body.profile}" has no variables` }]);
}

/** What an API change to a schedule adds to the D1 write that indexes it; a schedule's own fires add nothing. */
type Audited = { stamp: AuditStamp; change: Omit<AuditChange, "resource"> } | null;

async function writeIndex(env: Env, state: ScheduleState, createdAt: number, audited: Audited) {
  const now = Date.now();
  const changing = {
    cron: state.cron,
    timezone: state.timezone,
    input: state.input ?? null,
    profile: state.profile,
    version: state.version,
    overlap: state.overlap,
    paused: state.paused,
    nextRunAt: state.nextAt,
    lastRunAt: state.lastRunId ? state.lastSlot : null,
    lastRunId: state.lastRunId,
    updatedAt: now,
  };
  const db = database(env);
  const upsert = db
    .insert(schedules)
    .values({ id: state.id, appId: state.appId, workflowId: state.workflowId, createdAt, ...changing })
    .onConflictDoUpdate({ target: schedules.id, set: changing });
  if (audited) {
    const change = { ...audited.change, resource: { type: "schedule", id: state.id } };
    await db.batch([upsert, auditInsert(env, audited.stamp, change, now)]);
  } else await upsert;
  return view(state, createdAt, now);
}

export async function createSchedule(env: Env, stamp: AuditStamp, workflowId: string, body: ScheduleInput) {
  const { appId } = stamp;
  const timezone = body.timezone ?? "UTC";
  const profile = body.profile ?? "default";
  await check(env, appId, workflowId, { cron: body.cron, timezone, profile, version: body.version ?? null });
  const id = newId();
  const state = (await scheduleStub(env, id).configure({
    id,
    appId,
    workflowId,
    cron: body.cron,
    timezone,
    input: body.input ?? {},
    profile,
    version: body.version ?? null,
    overlap: body.overlap ?? "allow",
    paused: body.paused ?? false,
  })) as ScheduleState;
  return writeIndex(env, state, Date.now(), { stamp, change: { action: "schedule.created", changes: fieldsOf(body) } });
}

async function findRow(env: Env, appId: string, id: string) {
  if (!isId(id)) throw notFound(id);
  const row = await database(env)
    .select()
    .from(schedules)
    .where(and(eq(schedules.id, id), eq(schedules.appId, appId)))
    .get();
  if (!row) throw notFound(id);
  return row;
}

export async function getSchedule(env: Env, appId: string, id: string) {
  const row = await findRow(env, appId, id);
  const state = (await scheduleStub(env, id).read()) as ScheduleState | null;
  if (!state) throw notFound(id);
  return view(state, row.createdAt, row.updatedAt);
}

/** A change of `paused` alone is a pause or a resume; anything else is an update. */
function scheduleChange(patch: Partial<ScheduleInput>): Omit<AuditChange, "resource"> {
  const changes = fieldsOf(patch);
  if (changes.length === 1 && patch.paused !== undefined) return { action: patch.paused ? "schedule.paused" : "schedule.resumed", changes };
  return { action: "schedule.updated", changes };
}

export async function updateSchedule(env: Env, stamp: AuditStamp, id: string, patch: Partial<ScheduleInput>) {
  const { appId } = stamp;
  const row = await findRow(env, appId, id);
  const current = (await scheduleStub(env, id).read()) as unknown as ScheduleState;
  const cron = patch.cron ?? current.cron;
  const timezone = patch.timezone ?? current.timezone;
  const profile = patch.profile ?? current.profile;
  const version = patch.version === undefined ? current.version : patch.version;
  await check(env, appId, current.workflowId, { cron, timezone, profile, version });
  const state = (await scheduleStub(env, id).configure({
    id,
    appId,
    workflowId: current.workflowId,
    cron,
    timezone,
    input: patch.input === undefined ? current.input : patch.input,
    profile,
    version,
    overlap: patch.overlap ?? current.overlap,
    paused: patch.paused ?? current.paused,
  })) as ScheduleState;
  return writeIndex(env, state, row.createdAt, { stamp, change: scheduleChange(patch) });
}

export async function deleteSchedule(env: Env, stamp: AuditStamp, id: string) {
  const found = await getSchedule(env, stamp.appId, id);
  await scheduleStub(env, id).remove();
  const db = database(env);
  await db.batch([
    db.delete(schedules).where(eq(schedules.id, id)),
    auditInsert(env, stamp, { action: "schedule.deleted", resource: { type: "schedule", id } }),
  ]);
  return { ...found, paused: true, next_run_at: null };
}

/**
 * Pauses or resumes every schedule of one workflow: each schedule's object drops its alarm, or
 * arms it at the next fire from now (slots missed while paused are not fired). Pausing never
 * re-checks the schedule's profile or cron, so it always succeeds.
 */
export async function setWorkflowSchedulesPaused(env: Env, stamp: AuditStamp, workflowId: string, paused: boolean) {
  const { appId } = stamp;
  const change = { action: paused ? ("schedule.paused" as const) : ("schedule.resumed" as const), changes: ["paused"] };
  await loadForRun(env, appId, workflowId);
  const rows = await database(env)
    .select({ id: schedules.id, createdAt: schedules.createdAt })
    .from(schedules)
    .where(and(eq(schedules.workflowId, workflowId), eq(schedules.appId, appId)))
    .orderBy(desc(schedules.id));
  const views = await Promise.all(
    rows.map(async (row) => {
      const stub = scheduleStub(env, row.id);
      const current = (await stub.read()) as ScheduleState | null;
      if (!current) return null;
      return writeIndex(env, (await stub.configure({ ...current, paused })) as ScheduleState, row.createdAt, { stamp, change });
    }),
  );
  return { data: views.filter((v) => v !== null) };
}

export async function listSchedules(env: Env, appId: string, limit: number, after: string | null, workflowId?: string) {
  const rows = await database(env)
    .select()
    .from(schedules)
    .where(
      and(
        eq(schedules.appId, appId),
        workflowId ? eq(schedules.workflowId, workflowId) : undefined,
        after ? lt(schedules.id, after) : undefined,
      ),
    )
    .orderBy(desc(schedules.id))
    .limit(limit + 1);
  return page(
    rows.map((r) => ({
      id: r.id,
      workflow_id: r.workflowId,
      cron: r.cron,
      timezone: r.timezone,
      paused: r.paused,
      overlap: r.overlap as "allow" | "skip",
      profile: r.profile,
      next_run_at: iso(r.nextRunAt),
      last_run_at: iso(r.lastRunAt),
      last_run_id: r.lastRunId,
      created_at: iso(r.createdAt),
      updated_at: iso(r.updatedAt),
    })),
    limit,
  );
}

/** Called by the schedule's object when it fires: the run gets a chosen id, so a retry cannot start two. */
export async function startScheduledRun(env: Env, state: ScheduleState, runId: string) {
  await startRun(env, state.appId, {
    id: runId,
    workflowId: state.workflowId,
    version: state.version,
    input: state.input,
    profile: state.profile,
    trigger: "schedule",
    scheduleId: state.id,
  });
}

export async function recordFire(env: Env, state: ScheduleState): Promise<void> {
  const row = await database(env).select({ createdAt: schedules.createdAt }).from(schedules).where(eq(schedules.id, state.id)).get();
  if (row) await writeIndex(env, state, row.createdAt, null);
}
