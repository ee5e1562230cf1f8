import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { zodDetails } from "../../domain/definition";
import { AppError, validationFailed } from "../../domain/errors";
import type { App, HonoEnv } from "../env";

/** The one error envelope: `{ error: { code, message, details?, request_id } }`. */
export function errorResponse(c: Context<HonoEnv>, error: AppError): Response {
  const body = { error: { ...error.toBody(), request_id: c.get("requestId") ?? null } };
  return c.json(body, error.status as 400);
}

/** Maps anything thrown to an AppError; unknown errors become a 500 that reveals nothing. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message)) return new AppError("INVALID_JSON", "The request body is not valid JSON");
    if (error.status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json");
    if (error.status === 413) return new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MiB");
    if (error.status === 401) return new AppError("UNAUTHORIZED", error.message);
    return new AppError(error.status >= 500 ? "INTERNAL" : "CONFLICT", error.message);
  }
  return new AppError("INTERNAL", "Something went wrong on our side; the request id identifies it in our logs");
}

export const handleError: ErrorHandler<HonoEnv> = (error, c) => {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") console.error(`request ${c.get("requestId")} failed`, error);
  return errorResponse(c, appError);
};

/** The methods each route path answers, as matchers built once from the app's routes. */
function methodsByPath(app: App): Array<{ pattern: RegExp; methods: Set<string> }> {
  const byPath = new Map<string, Set<string>>();
  for (const { path, method } of app.routes) {
    if (method === "ALL" || path.includes("*")) continue;
    byPath.set(path, (byPath.get(path) ?? new Set()).add(method));
  }
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${path.replace(/[.+?^$()[\]\\|]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`),
    methods,
  }));
}

/**
 * A path no route has is a 404; a native path that exists with other methods is a 405 whose
 * `Allow` names them. Paths under /compat/ answer as their dialect's service does.
 */
export function handleNotFound(app: App): NotFoundHandler<HonoEnv> {
  let routes: ReturnType<typeof methodsByPath> | null = null;
  return (c) => {
    const path = new URL(c.req.url).pathname;
    if (!path.startsWith("/compat/")) {
      routes ??= methodsByPath(app);
      const allowed = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]));
      if (allowed.size > 0) {
        const allow = [...allowed].sort().join(", ");
        c.header("Allow", allow);
        return errorResponse(c, new AppError("METHOD_NOT_ALLOWED", `${c.req.method} is not allowed on ${path}; use ${allow}`));
      }
    }
    return errorResponse(c, new AppError("NOT_FOUND", `No route for ${c.req.method} ${path}`));
  };
}

const TARGET_PREFIX: Record<string, string> = { query: "query", param: "path", header: "header" };

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`);

/**
 * Details for a failed request schema, rooted where the field was sent: `query.limit`, `path.id`,
 * `name`. A JSON body that is not an object at all (`null`, `[]`, `"x"`) gets one plain answer.
 */
export function requestDetails(error: z.ZodError, target: string | undefined, data?: unknown) {
  if (target === "json" && (data === null || typeof data !== "object" || Array.isArray(data))) {
    return [{ path: "(body)", message: `must be a JSON object, not ${kind(data)}` }];
  }
  return zodDetails(error, TARGET_PREFIX[target ?? ""] ?? "");
}

/** A failed request schema as one VALIDATION_FAILED listing every field. */
export const requestError = (error: z.ZodError, target: string | undefined, data: unknown): AppError =>
  validationFailed(requestDetails(error, target, data));

/** zod-openapi's hook for the native API. */
export const validationHook = (result: { success: boolean; error?: z.ZodError; target?: string; data?: unknown }) => {
  if (!result.success && result.error) throw requestError(result.error, result.target, result.data);
};
