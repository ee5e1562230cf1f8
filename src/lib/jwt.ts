import { fromBase64url, hmacVerify } from "./crypto";

export type JwtResult = { ok: true; sub: string; scope?: string } | { ok: false; reason: string };

const decoder = new TextDecoder();

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(decoder.decode(fromBase64url(part)));
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

/**
 * Verifies an HS256 JWT. The algorithm is pinned: the header must say HS256, so `none` and
 * every other algorithm are refused before any signature is checked. `exp` is required.
 */
export async function verifyJwt(token: string, secret: string, now = Date.now()): Promise<JwtResult> {
  const [headerPart, payloadPart, signature] = token.split(".");
  const header = decodePart(headerPart);
  if (!header) return { ok: false, reason: "the token header is not valid" };
  if (header.alg !== "HS256") return { ok: false, reason: `alg ${String(header.alg)} is not accepted; use HS256` };
  if (!signature || !(await hmacVerify(secret, `${headerPart}.${payloadPart}`, signature))) {
    return { ok: false, reason: "the token signature is not valid" };
  }
  const payload = decodePart(payloadPart);
  if (!payload) return { ok: false, reason: "the token payload is not valid" };
  if (typeof payload.exp !== "number") return { ok: false, reason: "the token has no exp claim" };
  if (payload.exp * 1000 <= now) return { ok: false, reason: "the token has expired" };
  if (typeof payload.nbf === "number" && payload.nbf * 1000 > now) return { ok: false, reason: "the token is not valid yet" };
  if (typeof payload.sub !== "string" || payload.sub === "") return { ok: false, reason: "the token has no sub claim" };
  return { ok: true, sub: payload.sub, ...(typeof payload.scope === "string" ? { scope: payload.scope } : {}) };
}
