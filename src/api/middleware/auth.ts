import type { MiddlewareHandler } from "hono";
import { AppError } from "../../domain/errors";
import { safeEqual } from "../../lib/crypto";
import { looksLikeJwt, verifyJwt } from "../../lib/jwt";
import { appExists, appForKey } from "../../services/apps";
import type { HonoEnv } from "../env";

const HOW = "Send your API key as X-Api-Key: <key> or Authorization: Bearer <key>, or a JWT as Authorization: Bearer <jwt>";

export function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

/** The app a credential acts for: an API key, or an HS256 JWT whose `sub` is the app id. */
export async function appForCredential(env: Env, token: string, mayBeJwt = true): Promise<string> {
  if (mayBeJwt && looksLikeJwt(token)) {
    const result = await verifyJwt(token, env.JWT_SECRET);
    if (!result.ok) throw new AppError("UNAUTHORIZED", `Invalid JWT: ${result.reason}`);
    if (!(await appExists(env, result.sub))) throw new AppError("UNAUTHORIZED", "Invalid JWT: its sub is not an app");
    return result.sub;
  }
  const appId = await appForKey(env, token);
  if (!appId) throw new AppError("UNAUTHORIZED", `The API key is not valid or has been revoked. ${HOW}`);
  return appId;
}

/** Resolves the caller's app from an API key or a JWT; everything after it is scoped to that app. */
export async function authenticate(env: Env, apiKey: string | undefined, authorization: string | undefined): Promise<string> {
  const token = apiKey ?? bearer(authorization);
  if (!token) throw new AppError("UNAUTHORIZED", `Missing credentials. ${HOW}`);
  return appForCredential(env, token, apiKey === undefined);
}

export const requireApp = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  c.set("appId", await authenticate(c.env, c.req.header("x-api-key"), c.req.header("authorization")));
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
