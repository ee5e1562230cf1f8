import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { HonoEnv } from "../api/env";
import { credentialFor, setCredential } from "../api/middleware/auth";
import { limitBody } from "../api/middleware/body-limit";
import { errorResponse, requestError, toAppError } from "../api/middleware/errors";
import { registerSharedComponents } from "../api/openapi";
import { AppError } from "../domain/errors";
import type { WebhookFormat } from "../engine/webhook-format";

export type DialectContext = Context<HonoEnv>;

/**
 * What makes one seed API's surface: where it is mounted, how its clients authenticate and
 * what its errors look like. Everything else in a dialect is routes and pure mappers over
 * the same services `/v1` calls (docs/dialects/README.md#rules-for-every-dialect).
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
  /** Which events of the runs this surface starts reach their webhook, and the body of each. */
  webhook: WebhookFormat;
}

export interface Dialect {
  spec: DialectSpec;
  app: OpenAPIHono<HonoEnv>;
}

/** Where the dialects are mounted. */
export const COMPAT = "/compat";

export const compatBase = (name: string) => `${COMPAT}/${name}`;

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
        const data = (result as { data?: unknown }).data;
        return spec.invalid
          ? spec.invalid(c, result.error, result.target, data)
          : answerError(spec, c, requestError(result.error, result.target, data));
      }
    },
  });
  const docPath = `${compatBase(spec.name)}/openapi.json`;
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") console.error(`request ${c.get("requestId")} failed`, error);
    return answerError(spec, c, appError);
  });
  app.use("*", limitBody());
  app.use("*", async (c, next) => {
    if (c.req.path === docPath) return next();
    const token = spec.credential(c);
    if (!token) return spec.unauthorized(c, "Missing credentials");
    try {
      setCredential(c, await credentialFor(c.env, token));
    } catch (error) {
      if (error instanceof AppError && error.code === "UNAUTHORIZED") return spec.unauthorized(c, error.message);
      throw error;
    }
    await next();
  });
  registerSharedComponents(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent("securitySchemes", "Credential", spec.securityScheme as never);
  // Built on its first request and kept: a dialect's routes do not change once it has loaded.
  let document: ReturnType<typeof app.getOpenAPI31Document> | null = null;
  app.get("/openapi.json", (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: spec.title, version: "1.0.0", description: spec.description },
      servers: [{ url: compatBase(spec.name), description: "This Stepline deployment" }],
      security: [{ Credential: [] }],
    });
    return c.json(document);
  });
  return { spec, app };
}
