import { z } from "@hono/zod-openapi";
import { Limits } from "../domain/limits";

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION_FAILED" }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
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
  .regex(/^[^\s/\p{Cc}]{1,255}$/u, "must be 1 to 255 characters without spaces, slashes or control characters")
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

/** The error answers every route can give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: "The request is not valid", content: { "application/json": { schema: ErrorEnvelope } } },
  401: { description: "Missing or invalid credentials", content: { "application/json": { schema: ErrorEnvelope } } },
  404: { description: "Not found (or another app's)", content: { "application/json": { schema: ErrorEnvelope } } },
} as const;

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

export const Workflow = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    current_version: z.number().int(),
    latest_version: z.number().int(),
    webhook_url: z.string().nullable(),
    retention: z.unknown().nullable(),
    concurrency: z.unknown().nullable(),
    rate_limit: z.unknown().nullable(),
    discoverable: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
    deleted_at: z.string().nullable(),
  })
  .openapi("Workflow");
