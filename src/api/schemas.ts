import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { type ErrorCode, ErrorStatus } from "../domain/errors";
import { Limits } from "../domain/limits";
import { type Scope, scopesGranting } from "../domain/scopes";
import { idempotent } from "./middleware/idempotency";
import { requireScope } from "./middleware/scope";

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION_FAILED", description: "Stable; the message may change" }),
      message: z.string(),
      details: z
        .array(z.object({ path: z.string().openapi({ example: "steps[2].config.url" }), message: z.string() }))
        .optional()
        .openapi({ description: "Every field that failed, where the request names several" }),
      request_id: z.string().nullable(),
    }),
  })
  .openapi("Error");

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(Limits.pageSize).default(Limits.defaultPageSize).openapi({ description: "At most 100" }),
  cursor: z.string().max(500).optional().openapi({ description: "next_cursor of the previous page" }),
});

/** A run's process id: the caller's name for it, usable as a path segment. */
export const ProcessId = z
  .string()
  // Control characters spelled as a range: a JSON Schema pattern has no \p{...} without the u flag.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  .regex(/^[^\s/\u0000-\u001f\u007f-\u009f]{1,255}$/, "must be 1 to 255 characters without spaces, slashes or control characters")
  .openapi({ description: "Your name for the run (an order number, a ticket id); several runs may share one", example: "PO-4711" });

/** Why a run was cancelled: kept as its error and in its event log. */
export const CancelReason = z.string().trim().min(1).max(1000);

export const booleanQuery = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const IdParam = <K extends string>(name: K) =>
  z.object({
    [name]: z
      .string()
      .max(100)
      .openapi({ param: { name, in: "path" } }),
  } as Record<K, z.ZodString>);

export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() }).openapi(name);

/** A time as the API writes it: ISO 8601 in UTC (`2026-01-01T00:00:00.000Z`). */
export const time = () => z.string().openapi({ format: "date-time" });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { "application/json": { schema } },
});

// ---- what every operation shares ----------------------------------------------------------

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const ERROR_TEXT: Record<number, string> = {
  400: "The request is not valid",
  401: "Missing, invalid, revoked or expired credentials",
  403: "The key's scopes do not cover this operation; nothing was changed",
  404: "Not found (another app's objects are not found either)",
  409: "Not allowed in the current state",
  410: "Gone: the run was purged, or the callback URL expired",
  413: "The request body or the run input is too large",
  415: "The body is not JSON",
  422: "The Idempotency-Key was already used with a different request",
  500: "Something went wrong on Stepline's side; the request id finds it in the logs",
};

/** 401 and 500 read the same everywhere, so they are shared components. */
const SHARED: Partial<Record<number, string>> = { 401: "Unauthorized", 500: "InternalError" };

/** The Error envelope narrowed to the codes one answer can carry, so clients can switch on them. */
export function errorResponse(status: number, codes: readonly ErrorCode[]) {
  const list = codes.map((code) => `\`${code}\``).join(", ");
  return {
    description: `${ERROR_TEXT[status] ?? "Error"}: ${list}`,
    headers: { "X-Request-Id": ref("headers", "RequestId") },
    content: {
      "application/json": {
        schema: {
          allOf: [
            ref("schemas", "Error"),
            {
              type: "object" as const,
              required: ["error"],
              properties: {
                error: { type: "object" as const, required: ["code"], properties: { code: { type: "string" as const, enum: [...codes] } } },
              },
            },
          ],
        },
      },
    },
  };
}

/** Error answers grouped by status. */
function errorResponses(codes: Iterable<ErrorCode>) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ErrorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [status, SHARED[status] ? ref("responses", SHARED[status]) : errorResponse(status, list)]),
  );
}

/** The native document's security schemes that carry an API key or JWT. */
export const NATIVE_SCHEMES = ["ApiKey", "Bearer"] as const;

/**
 * Declares the scope an operation needs: documented as the security requirement's scopes and
 * a line of its description, and enforced by middleware that runs before anything else of it.
 */
export function scoped<R extends RouteConfig>(config: R, scope: Scope, schemes: readonly string[] = NATIVE_SCHEMES): R {
  const middleware = config.middleware === undefined ? [] : Array.isArray(config.middleware) ? config.middleware : [config.middleware];
  const line = `Scope: \`${scope}\`${
    scope === "admin"
      ? ""
      : ` (or ${scopesGranting(scope)
          .slice(1)
          .map((s) => `\`${s}\``)
          .join(", ")})`
  }.`;
  return {
    ...config,
    description: config.description ? `${config.description}\n\n${line}` : line,
    security: schemes.map((scheme) => ({ [scheme]: [scope] })),
    middleware: [requireScope(scope), ...middleware],
  };
}

export interface RouteOptions {
  /**
   * The least scope a key needs for this operation; null for operations that take no API key
   * (the admin token's, or a signed callback's), which declare their `security` themselves.
   */
  scope: Scope | null;
  /** The security schemes the scope applies to; the native document's unless a dialect says otherwise. */
  schemes?: readonly string[];
  /** The codes only this operation can answer with; the ones every operation of its kind can give are added. */
  errors?: readonly ErrorCode[];
  /** An `Idempotency-Key` header makes the call safe to retry (see middleware/idempotency.ts). */
  idempotent?: boolean;
}

const IDEMPOTENT_ERRORS: ErrorCode[] = ["VALIDATION_FAILED", "IDEMPOTENCY_IN_PROGRESS", "IDEMPOTENCY_KEY_REUSED", "RUN_PURGED"];

/**
 * A route whose document tells everything: the errors it can give (those of its kind are
 * inferred: 401 behind a key, 400 when it reads parameters or a body, 413 when it can carry a
 * body, 415 and INVALID_JSON for zod-parsed JSON bodies, 500 always), `X-Request-Id` on every
 * request and answer, and the idempotency header and middleware where asked.
 */
export function route<const R extends RouteConfig & { operationId: string }>(declared: R, options: RouteOptions): R {
  const config = options.scope ? scoped(declared, options.scope, options.schemes) : declared;
  const request = config.request;
  const codes: ErrorCode[] = ["INTERNAL", ...(options.errors ?? [])];
  // Every key holds at least `read`, so only a wider scope can be refused.
  if (options.scope && options.scope !== "read") codes.push("INSUFFICIENT_SCOPE");
  if (!Array.isArray(config.security) || config.security.length > 0) codes.push("UNAUTHORIZED");
  if (request?.params || request?.query || request?.body) codes.push("VALIDATION_FAILED");
  if (config.method !== "get") codes.push("PAYLOAD_TOO_LARGE");
  // zod-openapi parses and gates a body only when its schema is a zod schema.
  const media = request?.body?.content["application/json"];
  if (media && "schema" in media && media.schema instanceof z.ZodType) codes.push("INVALID_JSON", "UNSUPPORTED_MEDIA_TYPE");
  const parameters = [...(config.parameters ?? []), ref("parameters", "RequestId")];
  if (options.idempotent) {
    codes.push(...IDEMPOTENT_ERRORS);
    parameters.push(ref("parameters", "IdempotencyKey"));
  }
  const headers = {
    "X-Request-Id": ref("headers", "RequestId"),
    ...(options.idempotent ? { "Idempotent-Replayed": ref("headers", "IdempotentReplayed") } : {}),
  };
  const responses: RouteConfig["responses"] = {};
  for (const [status, response] of Object.entries({ ...config.responses, ...errorResponses(codes) })) {
    responses[status] =
      "$ref" in response ? response : { ...response, headers: { ...headers, ...(response.headers as object | undefined) } };
  }
  const middleware = [...((config.middleware as MiddlewareHandler[] | undefined) ?? []), ...(options.idempotent ? [idempotent()] : [])];
  return createRoute({ ...config, parameters, responses, middleware }) as unknown as R;
}
