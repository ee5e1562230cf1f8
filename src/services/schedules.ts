import { and, desc, eq, lt } from "drizzle-orm";
import { schedules } from "../db/schema";
import { AppError, validationFailed } from "../domain/errors";
import { page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { iso } from "../lib/json";
import { cronProblem } from "../schedules/cron";
import type { ScheduleState } from "../schedules/schedule-object";
import { database } from "./db";
import { startRun } from "./runs";
import { profileExists } from "./variables";
import { loadForRun } from "./workflows";

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

async function writeIndex(env: Env, state: ScheduleState, createdAt: number) {
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
  await database(env)
    .insert(schedules)
    .values({ id: state.id, appId: state.appId, workflowId: state.workflowId, createdAt, ...changing })
    .onConflictDoUpdate({ target: schedules.id, set: changing });
  return view(state, createdAt, now);
}

export async function createSchedule(env: Env, appId: string, workflowId: string, body: ScheduleInput) {
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
  return writeIndex(env, state, Date.now());
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

export async function updateSchedule(env: Env, appId: string, id: string, patch: Partial<ScheduleInput>) {
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
  return writeIndex(env, state, row.createdAt);
}

export async function deleteSchedule(env: Env, appId: string, id: string) {
  const found = await getSchedule(env, appId, id);
  await scheduleStub(env, id).remove();
  await database(env).delete(schedules).where(eq(schedules.id, id));
  return { ...found, paused: true, next_run_at: null };
}

/**
 * Pauses or resumes every schedule of one workflow: each schedule's object drops its alarm, or
 * arms it at the next fire from now (slots missed while paused are not fired). Pausing never
 * re-checks the schedule's profile or cron, so it always succeeds.
 */
export async function setWorkflowSchedulesPaused(env: Env, appId: string, workflowId: string, paused: boolean) {
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
      return writeIndex(env, (await stub.configure({ ...current, paused })) as ScheduleState, row.createdAt);
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
  if (row) await writeIndex(env, state, row.createdAt);
}
