import type { Context, MiddlewareHandler } from "hono";
import type { Credential } from "../../domain/credential";
import { AppError } from "../../domain/errors";
import { isScope, type Scope } from "../../domain/scopes";
import { safeEqual } from "../../lib/crypto";
import { looksLikeJwt, verifyJwt } from "../../lib/jwt";
import { appExists } from "../../services/apps";
import type { AuditStamp } from "../../services/audit";
import { keyForSecret, touchKey } from "../../services/keys";
import type { HonoEnv } from "../env";

const HOW = "Send your API key as X-Api-Key: <key> or Authorization: Bearer <key>, or a JWT as Authorization: Bearer <jwt>";

export function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

/** A JWT's `scope` claim (space-separated, as in OAuth); a JWT without one is signed by the app's owner and is `admin`. */
function jwtScopes(claim: string | undefined): Scope[] {
  if (claim === undefined) return ["admin"];
  const scopes = claim.split(/\s+/).filter(isScope);
  if (scopes.length === 0) throw new AppError("UNAUTHORIZED", "Invalid JWT: its scope claim names none of read, run, write, admin");
  return scopes;
}

/** Who a credential is and what it may do: an API key, or an HS256 JWT whose `sub` is the app id. */
export async function credentialFor(env: Env, token: string, mayBeJwt = true): Promise<Credential> {
  if (mayBeJwt && looksLikeJwt(token)) {
    const result = await verifyJwt(token, env.JWT_SECRET);
    if (!result.ok) throw new AppError("UNAUTHORIZED", `Invalid JWT: ${result.reason}`);
    if (!(await appExists(env, result.sub))) throw new AppError("UNAUTHORIZED", "Invalid JWT: its sub is not an app");
    return { appId: result.sub, scopes: jwtScopes(result.scope), actor: { kind: "jwt", sub: result.sub } };
  }
  const key = await keyForSecret(env, token);
  if (!key) throw new AppError("UNAUTHORIZED", `The API key is not valid or has been revoked. ${HOW}`);
  await touchKey(env, key);
  return { appId: key.appId, scopes: key.scopes, actor: { kind: "key", id: key.id, name: key.name } };
}

/** Resolves the caller from an API key or a JWT; everything after it is scoped to its app. */
export async function authenticate(env: Env, apiKey: string | undefined, authorization: string | undefined): Promise<Credential> {
  const token = apiKey ?? bearer(authorization);
  if (!token) throw new AppError("UNAUTHORIZED", `Missing credentials. ${HOW}`);
  return credentialFor(env, token, apiKey === undefined);
}

export function setCredential(c: Context<HonoEnv>, credential: Credential): void {
  c.set("appId", credential.appId);
  c.set("credential", credential);
}

export const requireApp = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  setCredential(c, await authenticate(c.env, c.req.header("x-api-key"), c.req.header("authorization")));
  await next();
};

export const requireAdmin = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  const token = bearer(c.req.header("authorization"));
  if (!token) throw new AppError("UNAUTHORIZED", "Send the admin token as Authorization: Bearer <ADMIN_TOKEN>");
  if (!c.env.ADMIN_TOKEN || !(await safeEqual(token, c.env.ADMIN_TOKEN))) {
    throw new AppError("UNAUTHORIZED", "The admin token is not valid");
  }
  await next();
};

/** Who is changing what, for the audit entry of a change this request makes; `appId` for the admin token's requests. */
export function auditStamp(c: Context<HonoEnv>, appId?: string): AuditStamp {
  const credential = c.get("credential");
  return {
    appId: appId ?? c.get("appId"),
    actor: credential?.actor ?? { kind: "admin_token" },
    requestId: c.get("requestId") ?? null,
  };
}
