import { eq } from "drizzle-orm";
import { apps } from "../db/schema";
import { notFound } from "../domain/errors";
import { base64, randomBytes } from "../lib/crypto";
import { isId, newId } from "../lib/ids";
import { iso } from "../lib/json";
import { database } from "./db";

export function newWebhookSecret(): string {
  return `whsec_${base64(randomBytes(32))}`;
}

export async function createApp(env: Env, name: string) {
  const row = { id: newId(), name, webhookSecret: newWebhookSecret(), createdAt: Date.now() };
  await database(env).insert(apps).values(row);
  return { id: row.id, name: row.name, created_at: iso(row.createdAt) };
}

export async function appExists(env: Env, appId: string): Promise<boolean> {
  if (!isId(appId)) return false;
  const row = await env.DB.prepare("SELECT 1 FROM apps WHERE id = ?").bind(appId).first();
  return row !== null;
}

/** The app a credential acts for: its id is what the apps dialect's paths name. */
export async function getApp(env: Env, appId: string) {
  const row = await database(env).select().from(apps).where(eq(apps.id, appId)).get();
  if (!row) throw notFound("app", appId);
  return { id: row.id, name: row.name, created_at: iso(row.createdAt) };
}
