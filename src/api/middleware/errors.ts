import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { zodDetails } from "../../domain/definition";
import { AppError } from "../../domain/errors";
import type { HonoEnv } from "../env";

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

export const handleNotFound: NotFoundHandler<HonoEnv> = (c) =>
  errorResponse(c, new AppError("NOT_FOUND", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

const TARGET_PREFIX: Record<string, string> = { query: "query", param: "path", header: "header" };

/** Details for a failed request schema, rooted where the field was sent: `query.limit`, `path.id`, `name`. */
export function requestDetails(error: z.ZodError, target: string | undefined) {
  return zodDetails(error, TARGET_PREFIX[target ?? ""] ?? "");
}

/** zod-openapi's hook: a failed request schema becomes one VALIDATION_FAILED listing every field. */
export const validationHook = (result: { success: boolean; error?: z.ZodError; target?: string }) => {
  if (!result.success && result.error) {
    const details = requestDetails(result.error, result.target);
    const summary = details.length === 1 ? `${details[0].path}: ${details[0].message}` : `${details.length} problems`;
    throw new AppError("VALIDATION_FAILED", `The request is not valid: ${summary}`, details);
  }
};
