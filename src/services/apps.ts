import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { apiKeys, apps } from "../db/schema";
import { AppError, notFound } from "../domain/errors";
import { base64, base64url, randomBytes, sha256Hex } from "../lib/crypto";
import { page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { IsolateCache } from "../lib/isolate-cache";
import { iso } from "../lib/json";
import { database } from "./db";

const KEY_PREFIX = "sk_";

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

/** Makes a key: 32 random bytes behind a visible prefix; only its SHA-256 is stored. */
export async function createKey(env: Env, appId: string, name: string) {
  if (!(await appExists(env, appId))) throw notFound("app", appId);
  const secret = `${KEY_PREFIX}${base64url(randomBytes(32))}`;
  const row = {
    id: newId(),
    appId,
    name,
    prefix: secret.slice(0, KEY_PREFIX.length + 8),
    hash: await sha256Hex(secret),
    createdAt: Date.now(),
  };
  await database(env).insert(apiKeys).values(row);
  return { ...keyView(row), key: secret };
}

function keyView(row: typeof apiKeys.$inferSelect | Omit<typeof apiKeys.$inferSelect, "revokedAt">) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: iso(row.createdAt),
    revoked_at: "revokedAt" in row ? iso(row.revokedAt) : null,
  };
}

export async function listKeys(env: Env, appId: string, limit: number, after: string | null) {
  const rows = await database(env)
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.appId, appId), after ? lt(apiKeys.id, after) : undefined))
    .orderBy(desc(apiKeys.id))
    .limit(limit + 1);
  return page(rows.map(keyView), limit);
}

export async function revokeKey(env: Env, appId: string, keyId: string) {
  if (!isId(keyId)) throw notFound("key", keyId);
  const [row] = await database(env)
    .update(apiKeys)
    .set({ revokedAt: Date.now() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.appId, appId), isNull(apiKeys.revokedAt)))
    .returning();
  if (!row) {
    const existing = await database(env)
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.appId, appId)))
      .get();
    if (!existing) throw notFound("key", keyId);
    throw new AppError("CONFLICT", `key ${keyId} is already revoked`);
  }
  forgetKey(row.hash);
  return keyView(row);
}

// Each isolate remembers recent key lookups for a few seconds so that a burst of requests
// costs few D1 reads. A revocation clears the entry in its own isolate at once and in the
// others within five seconds.
const keyCache = new IsolateCache<string | null>(5_000, 10_000);

function forgetKey(hash: string) {
  keyCache.forget(hash);
}

/** The app a key belongs to, or null for an unknown or revoked key. */
export async function appForKey(env: Env, key: string): Promise<string | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const hash = await sha256Hex(key);
  return keyCache.get(hash, () => lookupKey(env, hash));
}

async function lookupKey(env: Env, hash: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT app_id, hash, revoked_at FROM api_keys WHERE hash = ?")
    .bind(hash)
    .first<{ app_id: string; hash: string; revoked_at: number | null }>();
  // The lookup is by digest; comparing the stored digest in constant time as well keeps
  // the check independent of how the index compares strings.
  const matches = row !== null && crypto.subtle.timingSafeEqual(new TextEncoder().encode(row.hash), new TextEncoder().encode(hash));
  return matches && row.revoked_at === null ? row.app_id : null;
}
