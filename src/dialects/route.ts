import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { scoped } from "../api/schemas";
import type { Scope } from "../domain/scopes";

/** Every dialect's document names its one credential scheme `Credential` (kit.ts). */
export const DIALECT_SCHEMES = ["Credential"] as const;

/**
 * A dialect route that keeps its seed's own error answers (so it is not built with `route()`),
 * with the scope it needs declared and enforced as on every other route.
 */
export const scopedRoute = <const R extends RouteConfig>(config: R, scope: Scope): R =>
  createRoute(scoped(config, scope, DIALECT_SCHEMES)) as unknown as R;
