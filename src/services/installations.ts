import { and, eq } from "drizzle-orm";
import { installations } from "../db/schema";
import { AppError, type ErrorDetail, validationFailed } from "../domain/errors";
import { iso } from "../lib/json";
import { type AuditStamp, auditStatementIfChanged } from "./audit";
import { database } from "./db";

/**
 * Which users have installed which of the app's own apps (a chat app, an add-in): a record of
 * presence, scoped to the caller's Stepline app. `installed_app_id` is the caller's own name for
 * the installed app, not a Stepline app id. Emails are compared without regard to case.
 */

const INSTALLED_APP = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL = 254;

type Row = typeof installations.$inferSelect;

function view(row: Row) {
  return { app_id: row.installedAppId, email: row.email, installed: true, installed_at: iso(row.createdAt) as string };
}

/** The normalised key of an installation, or a 400 naming each bad part. */
function key(installedAppId: string, email: string): { installedAppId: string; email: string } {
  const problems: ErrorDetail[] = [];
  if (!INSTALLED_APP.test(installedAppId)) {
    problems.push({
      path: "path.app_id",
      message: "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
    });
  }
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) problems.push({ path: "path.email", message: "must be an email address" });
  if (problems.length > 0) throw validationFailed(problems);
  return { installedAppId, email: email.toLowerCase() };
}

const notFound = (installedAppId: string, email: string) => new AppError("NOT_FOUND", `${email} has not installed app ${installedAppId}`);

async function find(env: Env, appId: string, installedAppId: string, email: string): Promise<Row | undefined> {
  return database(env)
    .select()
    .from(installations)
    .where(and(eq(installations.appId, appId), eq(installations.installedAppId, installedAppId), eq(installations.email, email)))
    .get();
}

/** Records the installation; repeating it changes nothing. `created` tells whether it is new. */
export async function putInstallation(env: Env, stamp: AuditStamp, installedAppId: string, email: string) {
  const { appId } = stamp;
  const k = key(installedAppId, email);
  const insert = database(env)
    .insert(installations)
    .values({ appId, ...k, createdAt: Date.now() })
    .onConflictDoNothing()
    .returning()
    .toSQL();
  const change = { action: "installation.created", resource: { type: "installation", id: `${k.installedAppId}/${k.email}` } } as const;
  // A repeated PUT inserts nothing, and so records nothing.
  const [inserted] = await env.DB.batch<{ created_at: number }>([
    env.DB.prepare(insert.sql).bind(...insert.params),
    auditStatementIfChanged(env, stamp, change),
  ]);
  const row = await find(env, appId, k.installedAppId, k.email);
  return { created: inserted.results.length > 0, installation: view(row as Row) };
}

export async function getInstallation(env: Env, appId: string, installedAppId: string, email: string) {
  const k = key(installedAppId, email);
  const row = await find(env, appId, k.installedAppId, k.email);
  if (!row) throw notFound(k.installedAppId, k.email);
  return view(row);
}

export async function deleteInstallation(env: Env, stamp: AuditStamp, installedAppId: string, email: string) {
  const { appId } = stamp;
  const k = key(installedAppId, email);
  const found = await find(env, appId, k.installedAppId, k.email);
  const remove = database(env)
    .delete(installations)
    .where(and(eq(installations.appId, appId), eq(installations.installedAppId, k.installedAppId), eq(installations.email, k.email)))
    .toSQL();
  const change = { action: "installation.deleted", resource: { type: "installation", id: `${k.installedAppId}/${k.email}` } } as const;
  const [deleted] = await env.DB.batch([env.DB.prepare(remove.sql).bind(...remove.params), auditStatementIfChanged(env, stamp, change)]);
  if (!found || deleted.meta.changes === 0) throw notFound(k.installedAppId, k.email);
  return { ...view(found), installed: false };
}

/** Whether the user has installed the app; anything that cannot name an installation has not. */
export async function isInstalled(env: Env, appId: string, installedAppId: string, email: string): Promise<boolean> {
  return (await find(env, appId, installedAppId, email.toLowerCase())) !== undefined;
}
