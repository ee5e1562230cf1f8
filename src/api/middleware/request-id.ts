import type { MiddlewareHandler } from "hono";
import { newId } from "../../lib/ids";
import type { HonoEnv } from "../env";

const VALID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id, echoed in `X-Request-Id` and in error bodies. A caller's own
 * id is kept when it is sane, so logs on both sides line up.
 */
export const requestId = (): MiddlewareHandler<HonoEnv> => async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && VALID.test(incoming) ? incoming : newId();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
};
