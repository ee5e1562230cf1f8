import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { workflows } from "../db/schema";
import type { VersionDefinition } from "../domain/definition";
import { AppError, validationFailed } from "../domain/errors";
import { page } from "../lib/cursor";
import { isId } from "../lib/ids";
import { database } from "./db";
import { type StartRunRequest, startRunOf } from "./runs";
import { loadVersionRow, workflowView } from "./workflows";

/**
 * Workflows that other apps marked discoverable. Anyone with a key may read and run them; a
 * run belongs to the caller's app and uses the caller's profile, so the owner's secrets, webhook
 * URL and retention never apply to it.
 */

const notDiscoverable = (id: string) => new AppError("WORKFLOW_NOT_FOUND", `no discoverable workflow ${id}`);

async function findDiscoverable(env: Env, id: string) {
  if (!isId(id)) throw notDiscoverable(id);
  const row = await database(env)
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.discoverable, true), isNull(workflows.deletedAt)))
    .get();
  if (!row) throw notDiscoverable(id);
  return row;
}

function discoverView(row: typeof workflows.$inferSelect) {
  const { webhook_url: _hook, retention: _retention, deleted_at: _deleted, ...view } = workflowView(row);
  return { ...view, app_id: row.appId };
}

export async function listDiscoverable(env: Env, limit: number, after: string | null, name?: string) {
  const rows = await database(env)
    .select()
    .from(workflows)
    .where(
      and(
        eq(workflows.discoverable, true),
        isNull(workflows.deletedAt),
        name !== undefined ? eq(workflows.name, name) : undefined,
        after ? lt(workflows.id, after) : undefined,
      ),
    )
    .orderBy(desc(workflows.id))
    .limit(limit + 1);
  return page(rows.map(discoverView), limit);
}

export async function getDiscoverable(env: Env, id: string) {
  const row = await findDiscoverable(env, id);
  const version = await loadVersionRow(env, row.id, row.currentVersion);
  return { ...discoverView(row), ...(version?.definition as VersionDefinition) };
}

export async function getDiscoverableVersion(env: Env, id: string, version: number) {
  const row = await findDiscoverable(env, id);
  const found = await loadVersionRow(env, row.id, version);
  if (!found) throw new AppError("NOT_FOUND", `workflow ${id} has no version ${version}`);
  return { workflow_id: row.id, version, ...(found.definition as VersionDefinition), created_at: new Date(found.createdAt).toISOString() };
}

export async function runDiscoverable(env: Env, callerAppId: string, id: string, request: Omit<StartRunRequest, "workflowId">) {
  const row = await findDiscoverable(env, id);
  const version = request.version ?? row.currentVersion;
  const found = await loadVersionRow(env, row.id, version);
  if (!found) throw validationFailed([{ path: "version", message: `workflow ${id} has no version ${version}` }]);
  const workflow = { ...row, webhookUrl: null, retention: null };
  return startRunOf(
    env,
    callerAppId,
    { workflow, version, definition: found.definition as VersionDefinition },
    { ...request, trigger: "discover" },
  );
}
