import { and, desc, eq, lt } from "drizzle-orm";
import { apiKeys } from "../db/schema";
import { AppError, notFound, validationFailed } from "../domain/errors";
import type { Scope } from "../domain/scopes";
import { base64url, randomBytes, sha256Hex } from "../lib/crypto";
import { page } from "../lib/cursor";
import { isId, newId } from "../lib/ids";
import { IsolateCache } from "../lib/isolate-cache";
import { iso } from "../lib/json";
import { appExists } from "./apps";
import { type AuditStamp, auditInsert, auditStatementIfChanged } from "./audit";
import { database } from "./db";

const KEY_PREFIX = "sk_";

/** How often a key's `last_used_at` may be written: a busy key costs one write an hour, not one per request. */
export const LAST_USED_EVERY_MS = 3_600_000;

/** The furthest a key's expiry may be: a forgotten key should not outlive its reason. */
export const MAX_KEY_LIFETIME_MS = 2 * 366 * 86_400_000;

export interface NewKey {
  name: string;
  scopes: Scope[];
  /** ISO 8601; in the future and at most two years away. */
  expires_at?: string | null;
}

function expiryOf(expires: string | null | undefined, now: number): number | null {
  if (expires === undefined || expires === null) return null;
  const at = Date.parse(expires);
  if (at <= now) throw validationFailed([{ path: "expires_at", message: "must be in the future" }]);
  if (at > now + MAX_KEY_LIFETIME_MS) throw validationFailed([{ path: "expires_at", message: "must be at most 2 years away" }]);
  return at;
}

type KeyRow = typeof apiKeys.$inferSelect;

function keyView(row: KeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    created_at: iso(row.createdAt),
    expires_at: iso(row.expiresAt),
    last_used_at: iso(row.lastUsedAt),
    revoked_at: iso(row.revokedAt),
  };
}

/**
 * Makes a key: 32 random bytes behind a visible prefix; only its SHA-256 is stored. With a
 * stamp (made through the app's own API) its audit entry is written in the same batch.
 */
export async function createKey(env: Env, appId: string, key: NewKey, stamp: AuditStamp | null) {
  const now = Date.now();
  const expiresAt = expiryOf(key.expires_at, now);
  if (!(await appExists(env, appId))) throw notFound("app", appId);
  const secret = `${KEY_PREFIX}${base64url(randomBytes(32))}`;
  const row: KeyRow = {
    id: newId(),
    appId,
    name: key.name,
    prefix: secret.slice(0, KEY_PREFIX.length + 8),
    hash: await sha256Hex(secret),
    scopes: [...new Set(key.scopes)],
    createdAt: now,
    revokedAt: null,
    expiresAt,
    lastUsedAt: null,
  };
  const db = database(env);
  const insert = db.insert(apiKeys).values(row);
  const fields = ["name", "scopes", ...(row.expiresAt !== null ? ["expires_at"] : [])];
  if (stamp)
    await db.batch([insert, auditInsert(env, stamp, { action: "key.created", resource: { type: "key", id: row.id }, changes: fields })]);
  else await insert;
  return { ...keyView(row), key: secret };
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

export async function revokeKey(env: Env, stamp: AuditStamp, keyId: string) {
  const { appId } = stamp;
  if (!isId(keyId)) throw notFound("key", keyId);
  const db = database(env);
  const [updated] = await env.DB.batch<KeyColumns>([
    env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND app_id = ? AND revoked_at IS NULL RETURNING *").bind(
      Date.now(),
      keyId,
      appId,
    ),
    // Written only when the update above changed a row, so a refused revoke leaves no entry.
    auditStatementIfChanged(env, stamp, { action: "key.revoked", resource: { type: "key", id: keyId }, changes: ["revoked_at"] }),
  ]);
  const row = updated.results[0] ? fromColumns(updated.results[0]) : undefined;
  if (!row) {
    const existing = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.appId, appId)))
      .get();
    if (!existing) throw notFound("key", keyId);
    throw new AppError("CONFLICT", `key ${keyId} is already revoked`);
  }
  keyCache.forget(row.hash);
  return keyView(row);
}

/** Resolves a key secret to its row, or null for an unknown or revoked one; an expired key is a 401. */
export async function keyForSecret(env: Env, secret: string, now = Date.now()): Promise<KeyRecord | null> {
  if (!secret.startsWith(KEY_PREFIX) || secret.length > 200) return null;
  const hash = await sha256Hex(secret);
  const record = await keyCache.get(hash, () => lookupKey(env, hash));
  if (record && record.expiresAt !== null && record.expiresAt <= now) {
    throw new AppError("UNAUTHORIZED", `The API key expired at ${iso(record.expiresAt)}; create a new one`);
  }
  return record;
}

export interface KeyRecord {
  id: string;
  appId: string;
  name: string;
  scopes: Scope[];
  expiresAt: number | null;
  lastUsedAt: number | null;
}

// Each isolate remembers recent key lookups for a few seconds so that a burst of requests
// costs few D1 reads. A revocation clears the entry in its own isolate at once and in the
// others within five seconds.
const keyCache = new IsolateCache<KeyRecord | null>(5_000, 10_000);

interface KeyColumns {
  id: string;
  app_id: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: string;
  created_at: number;
  revoked_at: number | null;
  expires_at: number | null;
  last_used_at: number | null;
}

const fromColumns = (row: KeyColumns): KeyRow => ({
  id: row.id,
  appId: row.app_id,
  name: row.name,
  prefix: row.prefix,
  hash: row.hash,
  scopes: JSON.parse(row.scopes),
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
});

async function lookupKey(env: Env, hash: string): Promise<KeyRecord | null> {
  const row = await env.DB.prepare("SELECT * FROM api_keys WHERE hash = ?").bind(hash).first<KeyColumns>();
  // The lookup is by digest; comparing the stored digest in constant time as well keeps
  // the check independent of how the index compares strings.
  const matches = row !== null && crypto.subtle.timingSafeEqual(new TextEncoder().encode(row.hash), new TextEncoder().encode(hash));
  if (!matches || row.revoked_at !== null) return null;
  return {
    id: row.id,
    appId: row.app_id,
    name: row.name,
    scopes: JSON.parse(row.scopes),
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

// When this isolate last wrote each key's last use; the cached row may be older than that.
const touchedAt = new Map<string, number>();

/**
 * Notes that a key was used. The write is conditional on the stored time being an hour old,
 * so isolates racing on a busy key write it once between them.
 */
export async function touchKey(env: Env, key: KeyRecord, now = Date.now()): Promise<void> {
  const last = Math.max(key.lastUsedAt ?? 0, touchedAt.get(key.id) ?? 0);
  if (now - last < LAST_USED_EVERY_MS) return;
  if (touchedAt.size >= 10_000) touchedAt.clear();
  touchedAt.set(key.id, now);
  await env.DB.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)")
    .bind(now, key.id, now - LAST_USED_EVERY_MS)
    .run();
}
