import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { variables } from "../db/schema";
import { allowedHostsProblems, normaliseHosts } from "../domain/allowed-hosts";
import { AppError, type ErrorDetail, validationFailed } from "../domain/errors";
import { PROFILE_NAME } from "../domain/profile-name";
import type { RunVariables } from "../engine/port";
import { withSecrets } from "../engine/secret-vars";
import { encodeCursor } from "../lib/cursor";
import { IsolateCache } from "../lib/isolate-cache";
import { iso } from "../lib/json";
import { open, seal } from "../lib/secret-box";
import { type AuditStamp, auditInsert, fieldsOf } from "./audit";
import { database } from "./db";

/**
 * Profile variables. Every app has the profile `default`; other profiles exist once they hold
 * a variable. Secret values are sealed with AES-GCM under SECRETS_KEY and never leave this
 * module except to a run, which masks them wherever they could surface.
 */

export const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const MIN_SECRET_LENGTH = 4;
const MAX_VALUE_LENGTH = 64 * 1024;

type Row = typeof variables.$inferSelect;
const slot = (appId: string, profile: string, name: string) => `${appId}/${profile}/${name}`;

function variableView(row: Row) {
  return {
    profile: row.profile,
    name: row.name,
    secret: row.secret,
    value: row.secret ? null : row.value,
    allowed_hosts: row.secret ? (row.allowedHosts ?? null) : null,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

function checkNames(profile: string, name?: string) {
  const problems = [];
  if (!PROFILE_NAME.test(profile)) problems.push({ path: "path.profile", message: `must match ${PROFILE_NAME.source}` });
  if (name !== undefined && !VARIABLE.test(name)) problems.push({ path: "path.name", message: `must match ${VARIABLE.source}` });
  if (problems.length > 0) throw validationFailed(problems);
}

const notFound = (profile: string, name: string) => new AppError("NOT_FOUND", `variable ${name} was not found in profile ${profile}`);

export async function listProfiles(env: Env, appId: string) {
  const rows = await database(env)
    .select({ profile: variables.profile, count: sql<number>`count(*)` })
    .from(variables)
    .where(eq(variables.appId, appId))
    .groupBy(variables.profile)
    .orderBy(asc(variables.profile));
  const counts = new Map(rows.map((r) => [r.profile, Number(r.count)]));
  if (!counts.has("default")) counts.set("default", 0);
  return { data: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => ({ name, variable_count: count })) };
}

export async function profileExists(env: Env, appId: string, profile: string): Promise<boolean> {
  if (profile === "default") return true;
  const row = await env.DB.prepare("SELECT 1 FROM variables WHERE app_id = ? AND profile = ? LIMIT 1").bind(appId, profile).first();
  return row !== null;
}

export async function listVariables(env: Env, appId: string, profile: string, limit: number, after: string | null) {
  checkNames(profile);
  if (!(await profileExists(env, appId, profile)))
    throw new AppError("NOT_FOUND", `profile ${profile} was not found (it has no variables)`);
  const rows = await database(env)
    .select()
    .from(variables)
    .where(and(eq(variables.appId, appId), eq(variables.profile, profile), after ? gt(variables.name, after) : undefined))
    .orderBy(asc(variables.name))
    .limit(limit + 1);
  const data = rows.slice(0, limit).map(variableView);
  return { data, next_cursor: rows.length > limit ? encodeCursor(data[data.length - 1].name) : null };
}

export async function getVariable(env: Env, appId: string, profile: string, name: string) {
  checkNames(profile, name);
  const row = await database(env)
    .select()
    .from(variables)
    .where(and(eq(variables.appId, appId), eq(variables.profile, profile), eq(variables.name, name)))
    .get();
  if (!row) throw notFound(profile, name);
  return variableView(row);
}

export interface VariableChange {
  value: string;
  secret?: boolean;
  /** Hosts a secret may be sent to; absent or null: any host. */
  allowed_hosts?: string[] | null;
}

export async function putVariable(env: Env, stamp: AuditStamp, profile: string, name: string, body: VariableChange) {
  const { appId } = stamp;
  checkNames(profile, name);
  const secret = body.secret ?? false;
  const problems: ErrorDetail[] = [];
  if (body.value.length > MAX_VALUE_LENGTH) problems.push({ path: "value", message: `is longer than ${MAX_VALUE_LENGTH} characters` });
  if (secret && body.value.length < MIN_SECRET_LENGTH) {
    problems.push({ path: "value", message: `a secret must be at least ${MIN_SECRET_LENGTH} characters, so it can be masked` });
  }
  const hosts = body.allowed_hosts ?? null;
  problems.push(...hostsProblems(secret, hosts, "set secret: true"));
  if (problems.length > 0) throw validationFailed(problems);
  const allowedHosts = hosts === null ? null : normaliseHosts(hosts);
  const now = Date.now();
  const value = secret ? await seal(env.SECRETS_KEY, body.value, slot(appId, profile, name)) : body.value;
  const db = database(env);
  await db.batch([
    db
      .insert(variables)
      .values({ appId, profile, name, value, secret, allowedHosts, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [variables.appId, variables.profile, variables.name],
        set: { value, secret, allowedHosts, updatedAt: now },
      }),
    // The field names only: a secret's value never reaches the audit log.
    auditInsert(
      env,
      stamp,
      { action: "variable.set", resource: { type: "variable", id: `${profile}/${name}` }, changes: fieldsOf(body) },
      now,
    ),
  ]);
  forgetRunVariables(appId, profile);
  return getVariable(env, appId, profile, name);
}

function hostsProblems(secret: boolean, hosts: string[] | null, remedy: string): ErrorDetail[] {
  if (hosts === null) return [];
  if (!secret) return [{ path: "allowed_hosts", message: `applies to secrets only; ${remedy}` }];
  return allowedHostsProblems(hosts, "allowed_hosts");
}

/** Changes only where a secret may be sent, so it can be done without sending the secret again. */
export async function setAllowedHosts(env: Env, stamp: AuditStamp, profile: string, name: string, hosts: string[] | null) {
  const { appId } = stamp;
  const current = await getVariable(env, appId, profile, name);
  const problems = hostsProblems(current.secret, hosts, `${name} is not secret`);
  if (problems.length > 0) throw validationFailed(problems);
  const now = Date.now();
  const db = database(env);
  await db.batch([
    db
      .update(variables)
      .set({ allowedHosts: hosts === null ? null : normaliseHosts(hosts), updatedAt: now })
      .where(and(eq(variables.appId, appId), eq(variables.profile, profile), eq(variables.name, name))),
    auditInsert(
      env,
      stamp,
      { action: "variable.set", resource: { type: "variable", id: `${profile}/${name}` }, changes: ["allowed_hosts"] },
      now,
    ),
  ]);
  forgetRunVariables(appId, profile);
  return getVariable(env, appId, profile, name);
}

export async function deleteVariable(env: Env, stamp: AuditStamp, profile: string, name: string) {
  const { appId } = stamp;
  const view = await getVariable(env, appId, profile, name);
  const db = database(env);
  await db.batch([
    db.delete(variables).where(and(eq(variables.appId, appId), eq(variables.profile, profile), eq(variables.name, name))),
    auditInsert(env, stamp, { action: "variable.deleted", resource: { type: "variable", id: `${profile}/${name}` } }),
  ]);
  forgetRunVariables(appId, profile);
  return view;
}

// Every run reads its profile's variables before its first step. Each isolate reuses what it
// read for up to a second; a change drops it at once in the isolate that made it, so a
// variable changed elsewhere reaches new runs within a second.
const runVariables = new IsolateCache<RunVariables>(1_000);

function forgetRunVariables(appId: string, profile: string): void {
  runVariables.forget(slot(appId, profile, ""));
}

/** A profile's variables for a run, secrets decrypted. */
export function loadRunVariables(env: Env, appId: string, profile: string): Promise<RunVariables> {
  return runVariables.get(slot(appId, profile, ""), () => readRunVariables(env, appId, profile));
}

async function readRunVariables(env: Env, appId: string, profile: string): Promise<RunVariables> {
  const rows = await database(env)
    .select()
    .from(variables)
    .where(and(eq(variables.appId, appId), eq(variables.profile, profile)));
  const vars: Record<string, string> = {};
  const secrets: string[] = [];
  const hosts = new Map<string, string[] | null>();
  for (const row of rows) {
    if (row.secret) {
      const plain = await open(env.SECRETS_KEY, row.value, slot(appId, profile, row.name));
      vars[row.name] = plain;
      secrets.push(plain);
      hosts.set(row.name, row.allowedHosts ?? null);
    } else vars[row.name] = row.value;
  }
  return { vars: withSecrets(vars, hosts), secrets };
}

/** Plain (not secret) values of the named variables of a profile; absent ones are left out. */
export async function plainVariables(env: Env, appId: string, profile: string, names: string[]): Promise<Record<string, string>> {
  if (names.length === 0) return {};
  const rows = await database(env)
    .select({ name: variables.name, value: variables.value })
    .from(variables)
    .where(and(eq(variables.appId, appId), eq(variables.profile, profile), inArray(variables.name, names), eq(variables.secret, false)));
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}
