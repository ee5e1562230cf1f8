import { eq } from "drizzle-orm";
import { apps } from "../db/schema";
import { AppError } from "../domain/errors";
import { IsolateCache } from "../lib/isolate-cache";
import type { SigningSecrets } from "../webhooks/sign";
import { database } from "./db";

// Deliveries for one app reuse one read of its secrets (kept 30 s per isolate).
const secretCache = new IsolateCache<SigningSecrets>(30_000);

export function signingSecrets(env: Env, appId: string): Promise<SigningSecrets> {
  return secretCache.get(appId, () => readSigningSecrets(env, appId));
}

async function readSigningSecrets(env: Env, appId: string): Promise<SigningSecrets> {
  const row = await database(env).select().from(apps).where(eq(apps.id, appId)).get();
  if (!row) throw new AppError("NOT_FOUND", `app ${appId} was not found`);
  return { current: row.webhookSecret, previous: row.previousWebhookSecret, rotatedAt: row.webhookSecretRotatedAt };
}

/** After a read that must see D1's row, not a copy. */
export function forgetSigningSecrets(appId: string): void {
  secretCache.forget(appId);
}

/** After a rotation: this isolate signs with the new secrets at once. */
export function keepSigningSecrets(appId: string, secrets: SigningSecrets): void {
  secretCache.forget(appId);
  secretCache.set(appId, secrets);
}
