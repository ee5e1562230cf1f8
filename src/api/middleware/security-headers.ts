import type { MiddlewareHandler } from "hono";
import { API_CSP, SECURITY_HEADERS } from "../csp";
import type { HonoEnv } from "../env";

/** Every answer of the Worker gets a Content-Security-Policy: its own (the docs page), else the API's. */
export const securityHeaders = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  await next();
  if (!c.res.headers.has("Content-Security-Policy")) c.res.headers.set("Content-Security-Policy", API_CSP);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
};
