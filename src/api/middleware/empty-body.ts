import type { MiddlewareHandler } from "hono";
import type { HonoEnv } from "../env";

/**
 * A request that says its body is JSON but sends none (`Content-Length: 0`, as `fetch` does
 * for a bodiless POST with a JSON content type) is read as a request without a body: routes
 * whose body is optional take it, and routes that need one name the missing fields, instead
 * of answering that the body is not valid JSON.
 */
export const emptyBodyIsNoBody = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  if (c.req.header("content-length") === "0" && c.req.header("content-type")) {
    const headers = new Headers(c.req.raw.headers);
    headers.delete("content-type");
    c.req.raw = new Request(c.req.raw, { headers });
  }
  await next();
};
