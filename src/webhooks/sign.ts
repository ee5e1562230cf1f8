import { Webhook } from "standardwebhooks";

const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface SigningSecrets {
  current: string;
  previous: string | null;
  rotatedAt: number | null;
}

/**
 * The webhook-signature header: one `v1,<sig>` per secret. For 24 hours after a rotation
 * both secrets sign, space-separated as the spec allows, so receivers can switch over.
 */
export function signatureHeader(secrets: SigningSecrets, id: string, at: Date, body: string, now = Date.now()): string {
  const signatures = [new Webhook(secrets.current).sign(id, at, body)];
  if (secrets.previous && secrets.rotatedAt !== null && now - secrets.rotatedAt < ROTATION_OVERLAP_MS) {
    signatures.push(new Webhook(secrets.previous).sign(id, at, body));
  }
  return signatures.join(" ");
}

export const previousSecretExpiry = (rotatedAt: number | null): number | null =>
  rotatedAt === null ? null : rotatedAt + ROTATION_OVERLAP_MS;
