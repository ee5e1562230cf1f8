import { and, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { workflows, workflowVersions } from "../db/schema";
import { definitionProblems, type StepDefinition, type VersionDefinition, type WorkflowDefinition } from "../domain/definition";
import { AppError, type ErrorDetail, validationFailed } from "../domain/errors";
import { stepChecks } from "../engine/steps/checks";
import { stepType } from "../engine/steps/registry";
import { sha256Hex } from "../lib/crypto";
import { encodeCursor, page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { IsolateCache } from "../lib/isolate-cache";
import { canonicalJson, iso } from "../lib/json";
import { allowsPrivateNetwork } from "../net/fetch";
import { urlProblem } from "../net/ssrf";
import { type AuditStamp, auditInsert, auditStatement, fieldsOf } from "./audit";
import { database } from "./db";

type WorkflowRow = typeof workflows.$inferSelect;
type VersionRow = typeof workflowVersions.$inferSelect;

const VERSIONED_KEYS = ["steps", "input_schema", "input_default", "output", "output_schema"] as const;

export function pickVersioned(body: Partial<VersionDefinition>): VersionDefinition {
  const out: Record<string, unknown> = {};
  for (const key of VERSIONED_KEYS) if (body[key] !== undefined) out[key] = body[key];
  return out as VersionDefinition;
}

/**
 * Every problem with a workflow definition, the one list creating, changing and validating a
 * workflow all answer with: the schema's problems, the semantic checks and, given the
 * deployment's env, the step URLs it would refuse to call. A webhook URL is checked once the
 * definition itself is sound, as creation always has.
 */
export function workflowProblems(body: Record<string, unknown>, schemaProblems: ErrorDetail[] = [], env?: Env): ErrorDetail[] {
  const unique = new Map<string, ErrorDetail>();
  const urls = env ? literalUrlProblems(body, allowsPrivateNetwork(env)) : [];
  const found = [...schemaProblems, ...definitionProblems(body, stepChecks), ...urls];
  for (const problem of found) unique.set(`${problem.path}|${problem.message}`, problem);
  const problems = [...unique.values()];
  if (problems.length === 0 && env && typeof body.webhook_url === "string") {
    const problem = urlProblem(body.webhook_url, allowsPrivateNetwork(env));
    if (problem) problems.push({ path: "webhook_url", message: problem });
  }
  return problems;
}

/** Throws one VALIDATION_FAILED listing every problem `workflowProblems` finds. */
export function assertValidDefinition(body: Record<string, unknown>, schemaProblems: ErrorDetail[] = [], env?: Env): void {
  const problems = workflowProblems(body, schemaProblems, env);
  if (problems.length > 0) throw validationFailed(problems, "The workflow definition is not valid");
}

/**
 * Step URLs written without templates that the SSRF gate refuses (a private address, a bad
 * scheme): caught when the workflow is created rather than when a run gets there. A URL that
 * does not parse yet is left to the step, which may complete it at run time.
 */
function literalUrlProblems(body: Record<string, unknown>, allowPrivateNetwork: boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const check = (type: unknown, config: unknown, path: string) => {
    const literalUrls = typeof type === "string" ? stepType(type)?.literalUrls : undefined;
    if (!literalUrls || !config || typeof config !== "object") return;
    for (const { field, url } of literalUrls(config as Record<string, unknown>)) {
      if (!URL.canParse(url)) continue;
      const problem = urlProblem(url, allowPrivateNetwork);
      if (problem) problems.push({ path: `${path}.config.${field}`, message: problem });
    }
  };
  (Array.isArray(body.steps) ? body.steps : []).forEach((step: Partial<StepDefinition> | null, i) => {
    if (!step || typeof step !== "object") return;
    check(step.type, step.config, `steps[${i}]`);
    if (step.fallback && typeof step.fallback === "object") check(step.fallback.type, step.fallback.config, `steps[${i}].fallback`);
  });
  return problems;
}

export function workflowNotFound(id: string) {
  return new AppError("WORKFLOW_NOT_FOUND", `workflow ${id} was not found`);
}

export function workflowView(row: WorkflowRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    current_version: row.currentVersion,
    latest_version: row.latestVersion,
    webhook_url: row.webhookUrl ?? null,
    retention: row.retention ?? null,
    concurrency: row.concurrency ?? null,
    rate_limit: row.rateLimit ?? null,
    discoverable: row.discoverable,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    deleted_at: iso(row.deletedAt),
  };
}

export function versionView(row: VersionRow) {
  return {
    workflow_id: row.workflowId,
    version: row.version,
    ...(row.definition as VersionDefinition),
    created_at: iso(row.createdAt),
  };
}

/** A webhook URL must pass the same gate as every other URL Stepline calls. */
function assertWebhookUrl(env: Env, url: string | null | undefined): void {
  const problem = url ? urlProblem(url, allowsPrivateNetwork(env)) : null;
  if (problem) throw validationFailed([{ path: "webhook_url", message: problem }]);
}

export async function createWorkflow(env: Env, stamp: AuditStamp, body: WorkflowDefinition, id = newId()) {
  const { appId } = stamp;
  assertValidDefinition(body, [], env);
  const now = Date.now();
  const definition = pickVersioned(body);
  const row: WorkflowRow = {
    id,
    appId,
    name: body.name,
    description: body.description ?? null,
    currentVersion: 1,
    latestVersion: 1,
    webhookUrl: body.webhook_url ?? null,
    retention: body.retention ?? null,
    concurrency: body.concurrency ?? null,
    rateLimit: body.rate_limit ?? null,
    discoverable: body.discoverable ?? false,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const version: VersionRow = {
    workflowId: row.id,
    version: 1,
    appId,
    definition,
    hash: await sha256Hex(canonicalJson(definition)),
    createdAt: now,
  };
  const db = database(env);
  await db.batch([
    db.insert(workflows).values(row),
    db.insert(workflowVersions).values(version),
    auditInsert(env, stamp, { action: "workflow.created", resource: { type: "workflow", id }, changes: fieldsOf(body) }, now),
  ]);
  return { ...workflowView(row), ...definition };
}

async function findWorkflow(env: Env, appId: string, id: string, includeDeleted = false): Promise<WorkflowRow> {
  if (!isId(id)) throw workflowNotFound(id);
  const row = await database(env)
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.appId, appId)))
    .get();
  if (!row || (row.deletedAt !== null && !includeDeleted)) throw workflowNotFound(id);
  return row;
}

async function findVersion(env: Env, workflowId: string, version: number): Promise<VersionRow | undefined> {
  return database(env)
    .select()
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.version, version)))
    .get();
}

export async function getWorkflow(env: Env, appId: string, id: string, includeDeleted = false) {
  const row = await findWorkflow(env, appId, id, includeDeleted);
  const version = await findVersion(env, row.id, row.currentVersion);
  return { ...workflowView(row), ...(version?.definition as VersionDefinition) };
}

export interface WorkflowFilter {
  limit: number;
  after: string | null;
  name?: string;
  /** Case-insensitive part of the name (ASCII letters fold, as SQLite's lower() does). */
  nameContains?: string;
  discoverable?: boolean;
  includeDeleted?: boolean;
}

export async function listWorkflows(env: Env, appId: string, filter: WorkflowFilter) {
  const rows = await database(env)
    .select()
    .from(workflows)
    .where(
      and(
        eq(workflows.appId, appId),
        filter.name !== undefined ? eq(workflows.name, filter.name) : undefined,
        filter.nameContains !== undefined ? sql`instr(lower(${workflows.name}), lower(${filter.nameContains})) > 0` : undefined,
        filter.discoverable !== undefined ? eq(workflows.discoverable, filter.discoverable) : undefined,
        filter.includeDeleted ? undefined : isNull(workflows.deletedAt),
        filter.after ? lt(workflows.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(workflows.id))
    .limit(filter.limit + 1);
  return page(rows.map(workflowView), filter.limit);
}

/**
 * Appends version N+1 and makes it current. One D1 batch computes N from the row itself,
 * so two concurrent writers get N+1 and N+2, never the same number.
 */
async function appendVersion(env: Env, row: WorkflowRow, definition: VersionDefinition, now: number): Promise<D1PreparedStatement[]> {
  forgetRunnable(row);
  const hash = await sha256Hex(canonicalJson(definition));
  return [
    env.DB.prepare(
      `INSERT INTO workflow_versions (workflow_id, version, app_id, definition, hash, created_at)
       SELECT id, latest_version + 1, app_id, ?, ?, ? FROM workflows WHERE id = ?`,
    ).bind(JSON.stringify(definition), hash, now, row.id),
    env.DB.prepare(
      "UPDATE workflows SET latest_version = latest_version + 1, current_version = latest_version + 1, updated_at = ? WHERE id = ?",
    ).bind(now, row.id),
  ];
}

export async function createVersion(env: Env, stamp: AuditStamp, id: string, body: VersionDefinition) {
  const { appId } = stamp;
  assertValidDefinition(body, [], env);
  const row = await findWorkflow(env, appId, id);
  const now = Date.now();
  const change = { action: "workflow.version_created", resource: { type: "workflow", id: row.id }, changes: fieldsOf(body) } as const;
  await env.DB.batch([...(await appendVersion(env, row, pickVersioned(body), now)), auditStatement(env, stamp, change, now)]);
  const updated = await findWorkflow(env, appId, id);
  const version = await findVersion(env, id, updated.currentVersion);
  return versionView(version as VersionRow);
}

export type WorkflowPatch = Partial<WorkflowDefinition> & { current_version?: number };

export async function updateWorkflow(env: Env, stamp: AuditStamp, id: string, patch: WorkflowPatch) {
  const { appId } = stamp;
  const row = await findWorkflow(env, appId, id);
  assertWebhookUrl(env, patch.webhook_url);
  const now = Date.now();
  const touchesVersion = VERSIONED_KEYS.some((key) => patch[key] !== undefined);
  if (touchesVersion && patch.current_version !== undefined) {
    throw validationFailed([{ path: "current_version", message: "cannot be set together with steps, schemas or output" }]);
  }
  const writes: D1PreparedStatement[] = [];
  if (touchesVersion) {
    const current = await findVersion(env, row.id, row.currentVersion);
    const merged = pickVersioned({ ...(current?.definition as VersionDefinition), ...pickVersioned(patch as VersionDefinition) });
    assertValidDefinition(merged as unknown as Record<string, unknown>, [], env);
    if ((await sha256Hex(canonicalJson(merged))) !== current?.hash) writes.push(...(await appendVersion(env, row, merged, now)));
  }
  if (patch.current_version !== undefined && (patch.current_version < 1 || patch.current_version > row.latestVersion)) {
    throw validationFailed([
      { path: "current_version", message: `version ${patch.current_version} does not exist; versions are 1 to ${row.latestVersion}` },
    ]);
  }
  const metadata: Partial<WorkflowRow> = { updatedAt: now };
  if (patch.name !== undefined) metadata.name = patch.name;
  if (patch.description !== undefined) metadata.description = patch.description;
  if (patch.webhook_url !== undefined) metadata.webhookUrl = patch.webhook_url;
  if (patch.retention !== undefined) metadata.retention = patch.retention;
  if (patch.concurrency !== undefined) metadata.concurrency = patch.concurrency;
  if (patch.rate_limit !== undefined) metadata.rateLimit = patch.rate_limit;
  if (patch.discoverable !== undefined) metadata.discoverable = patch.discoverable;
  if (patch.current_version !== undefined) metadata.currentVersion = patch.current_version;
  const update = database(env).update(workflows).set(metadata).where(eq(workflows.id, row.id)).toSQL();
  const change = { action: "workflow.updated", resource: { type: "workflow", id: row.id }, changes: fieldsOf(patch) } as const;
  // The new version, the metadata and the audit entry land together or not at all.
  await env.DB.batch([...writes, env.DB.prepare(update.sql).bind(...update.params), auditStatement(env, stamp, change, now)]);
  forgetRunnable(row);
  return getWorkflow(env, appId, id);
}

export async function deleteWorkflow(env: Env, stamp: AuditStamp, id: string) {
  const row = await findWorkflow(env, stamp.appId, id);
  const now = Date.now();
  const db = database(env);
  await db.batch([
    db.update(workflows).set({ deletedAt: now, updatedAt: now }).where(eq(workflows.id, row.id)),
    auditInsert(env, stamp, { action: "workflow.deleted", resource: { type: "workflow", id: row.id }, changes: ["deleted_at"] }, now),
  ]);
  forgetRunnable(row);
  return { ...workflowView(row), deleted_at: iso(now), updated_at: iso(now) };
}

export async function listVersions(env: Env, appId: string, id: string, limit: number, before: number | null) {
  await findWorkflow(env, appId, id);
  const rows = await database(env)
    .select()
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, id), before !== null ? lt(workflowVersions.version, before) : undefined))
    .orderBy(desc(workflowVersions.version))
    .limit(limit + 1);
  const data = rows.slice(0, limit).map(versionView);
  return { data, next_cursor: rows.length > limit ? encodeCursor(String(data[data.length - 1].version)) : null };
}

export async function getVersion(env: Env, appId: string, id: string, version: number) {
  await findWorkflow(env, appId, id);
  const row = await findVersion(env, id, version);
  if (!row) throw new AppError("NOT_FOUND", `workflow ${id} has no version ${version}`);
  return versionView(row);
}

export interface VersionKey {
  workflowId: string;
  version: number;
}

/**
 * Every version of every workflow of the app (deleted ones left out), by workflow id and then
 * version, newest first, continuing after `after`. Two indexed reads: the next workflows from
 * the cursor on (each has a version, so limit + 2 of them always fill a page and tell whether
 * more follow), then their versions through the primary key, already in order.
 */
export async function listAppVersions(env: Env, appId: string, limit: number, after: VersionKey | null) {
  const db = database(env);
  const rows = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.appId, appId), isNull(workflows.deletedAt), after ? lte(workflows.id, after.workflowId) : undefined))
    .orderBy(desc(workflows.id))
    .limit(limit + 2);
  if (rows.length === 0) return { data: [], more: false };
  const versions = await db
    .select()
    .from(workflowVersions)
    .where(
      and(
        inArray(
          workflowVersions.workflowId,
          rows.map((r) => r.id),
        ),
        after ? or(lt(workflowVersions.workflowId, after.workflowId), lt(workflowVersions.version, after.version)) : undefined,
      ),
    )
    .orderBy(desc(workflowVersions.workflowId), desc(workflowVersions.version))
    .limit(limit + 1);
  const byId = new Map(rows.map((r) => [r.id, workflowView(r)]));
  const data = versions
    .slice(0, limit)
    .map((v) => ({ workflow: byId.get(v.workflowId) as ReturnType<typeof workflowView>, version: versionView(v) }));
  return { data, more: versions.length > limit };
}

/** The names of the workflows the app may see (its own, and discoverable ones), by id. */
export async function workflowNames(env: Env, appId: string, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(isId);
  if (wanted.length === 0) return new Map();
  const rows = await database(env)
    .select({ id: workflows.id, name: workflows.name })
    .from(workflows)
    .where(and(inArray(workflows.id, wanted), or(eq(workflows.appId, appId), eq(workflows.discoverable, true))));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Starting runs reads the same workflow row again and again. Each isolate reuses a row for
// up to a second; its own writes drop it at once, so a change made elsewhere reaches new runs
// within a second.
const runnable = new IsolateCache<WorkflowRow>(1_000);

function forgetRunnable(row: WorkflowRow): void {
  runnable.forget(`${row.appId}/${row.id}`);
}

function findRunnable(env: Env, appId: string, id: string): Promise<WorkflowRow> {
  return runnable.get(`${appId}/${id}`, () => findWorkflow(env, appId, id));
}

/** What a run needs from its workflow: the row and the definition of the chosen version. */
export async function loadForRun(env: Env, appId: string, id: string, version?: number | null) {
  const row = await findRunnable(env, appId, id);
  const number = version ?? row.currentVersion;
  const versionRow = await loadVersionRow(env, id, number);
  if (!versionRow) throw validationFailed([{ path: "version", message: `workflow ${id} has no version ${number}` }]);
  return { workflow: row, version: number, definition: versionRow.definition as VersionDefinition };
}

// Versions never change once written, so each isolate keeps the ones it has read.
const versionCache = new Map<string, VersionRow>();

export async function loadVersionRow(env: Env, id: string, version: number): Promise<VersionRow | undefined> {
  const key = `${id}:${version}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const row = await findVersion(env, id, version);
  if (row) {
    if (versionCache.size > 500) versionCache.delete(versionCache.keys().next().value as string);
    versionCache.set(key, row);
  }
  return row;
}

/** Whether the app may address this workflow's runs: its own, or one that another app made discoverable. */
export async function assertWorkflowVisible(env: Env, appId: string, id: string): Promise<void> {
  if (!isId(id)) throw workflowNotFound(id);
  const row = await env.DB.prepare("SELECT 1 FROM workflows WHERE id = ? AND (app_id = ? OR discoverable = 1)").bind(id, appId).first();
  if (!row) throw workflowNotFound(id);
}

/**
 * Who owns the workflow a run was made from, and its name and description, deleted or not.
 * Not scoped to an app: only for describing a run the caller already holds (a run of its own
 * workflow, or of one another app made discoverable), never for reading a workflow by id.
 */
export async function workflowOfRun(env: Env, workflowId: string): Promise<{ app_id: string; name: string; description: string | null }> {
  const row = await database(env)
    .select({ appId: workflows.appId, name: workflows.name, description: workflows.description })
    .from(workflows)
    .where(eq(workflows.id, workflowId))
    .get();
  if (!row) throw workflowNotFound(workflowId);
  return { app_id: row.appId, name: row.name, description: row.description ?? null };
}
