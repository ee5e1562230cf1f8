import type { MiddlewareHandler } from "hono";
import { AppError } from "../../domain/errors";
import { grants, type Scope } from "../../domain/scopes";
import type { HonoEnv } from "../env";

/**
 * Refuses a request whose credential lacks the route's scope, before its body is read or
 * anything is changed. Routes get it from their declaration (`route(..., { scope })`).
 */
export const requireScope =
  (needed: Scope): MiddlewareHandler<HonoEnv> =>
  async (c, next) => {
    const held = c.get("credential")?.scopes ?? [];
    if (!grants(held, needed)) {
      throw new AppError(
        "INSUFFICIENT_SCOPE",
        `This operation needs the "${needed}" scope (or a wider one); this credential has ${held.map((s) => `"${s}"`).join(", ") || "none"}`,
      );
    }
    await next();
  };
