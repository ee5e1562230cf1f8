import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { HonoEnv } from "../api/env";
import { appForCredential } from "../api/middleware/auth";
import { errorResponse, requestDetails, toAppError } from "../api/middleware/errors";
import { AppError } from "../domain/errors";

export type DialectContext = Context<HonoEnv>;

/**
 * What makes one seed API's surface: where it is mounted, how its clients authenticate and
 * what its errors look like. Everything else in a dialect is routes and pure mappers over
 * the same services `/v1` calls (DESIGN 9.1).
 */
export interface DialectSpec {
  /** Mounted at `/compat/<name>`. */
  name: string;
  title: string;
  description: string;
  /** The credential from the header the seed documents; null when it is absent. */
  credential(c: DialectContext): string | null;
  /** The seed's answer to a missing or wrong credential. */
  unauthorized(c: DialectContext, reason: string): Response;
  /** The seed's body for an error; default: the native envelope. */
  error?(c: DialectContext, error: AppError): Response;
  /**
   * The seed's body for a request that fails its schema; default: `error` with VALIDATION_FAILED.
   * `data` is what was sent (the parsed body, query or path parameters).
   */
  invalid?(c: DialectContext, issues: z.ZodError, target: string | undefined, data: unknown): Response;
  /** How the OpenAPI document describes the credential. */
  securityScheme: Record<string, unknown>;
}

export interface Dialect {
  spec: DialectSpec;
  app: OpenAPIHono<HonoEnv>;
}

/** Where the dialects are mounted. */
export const COMPAT = "/compat";

export const compatBase = (name: string) => `${COMPAT}/${name}`;

/** A failed request schema as a native VALIDATION_FAILED, for dialects that keep the native envelope. */
function invalidAsError(spec: DialectSpec, c: DialectContext, issues: z.ZodError, target: string | undefined): Response {
  const details = requestDetails(issues, target);
  const summary = details.length === 1 ? `${details[0].path}: ${details[0].message}` : `${details.length} problems`;
  return answerError(spec, c, new AppError("VALIDATION_FAILED", `The request is not valid: ${summary}`, details));
}

function answerError(spec: DialectSpec, c: DialectContext, error: AppError): Response {
  return spec.error ? spec.error(c, error) : errorResponse(c, error);
}

/**
 * A dialect's Hono app: its credential check, its error bodies and its own OpenAPI document
 * at `/compat/<name>/openapi.json`, with the seed's paths relative to that base.
 */
export function dialectApp(spec: DialectSpec): Dialect {
  const app = new OpenAPIHono<HonoEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return spec.invalid
          ? spec.invalid(c, result.error, result.target, (result as { data?: unknown }).data)
          : invalidAsError(spec, c, result.error, result.target);
      }
    },
  });
  const docPath = `${compatBase(spec.name)}/openapi.json`;
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") console.error(`request ${c.get("requestId")} failed`, error);
    return answerError(spec, c, appError);
  });
  app.use("*", async (c, next) => {
    if (c.req.path === docPath) return next();
    const token = spec.credential(c);
    if (!token) return spec.unauthorized(c, "Missing credentials");
    try {
      c.set("appId", await appForCredential(c.env, token));
    } catch (error) {
      if (error instanceof AppError && error.code === "UNAUTHORIZED") return spec.unauthorized(c, error.message);
      throw error;
    }
    await next();
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "Credential", spec.securityScheme as never);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: spec.title, version: "1.0.0", description: spec.description },
    servers: [{ url: compatBase(spec.name), description: "This Stepline deployment" }],
    security: [{ Credential: [] }],
  });
  return { spec, app };
}
