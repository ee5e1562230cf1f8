import { z } from "@hono/zod-openapi";
import { Retention } from "../../domain/definition";
import { Limits } from "../../domain/limits";
import { ProfileName } from "../../domain/profile-name";
import { RUN_STATUSES } from "../../domain/run-status";
import { WebhookUrl } from "../../domain/webhook-url";
import { booleanQuery, CancelReason, PageQuery, ProcessId } from "../schemas";

/** What the run routes read: bodies and queries. */

export const StartRunBody = z
  .object({
    input: z.unknown().optional(),
    version: z.number().int().min(1).optional(),
    webhook_url: WebhookUrl.nullable().optional(),
    profile: ProfileName.optional(),
    start: z.boolean().optional().openapi({ description: "false: create the run queued; start it with POST /v1/runs/{id}/start" }),
    retention: Retention.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    process_id: ProcessId.optional(),
  })
  .strict()
  .openapi("StartRun");

export const RunListQuery = PageQuery.extend({
  status: z
    .string()
    .optional()
    .openapi({ description: "One status or several, comma-separated" })
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const list = value.split(",").map((s) => s.trim());
      const bad = list.find((s) => !(RUN_STATUSES as readonly string[]).includes(s));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is not a status; use ${RUN_STATUSES.join(", ")}` });
        return z.NEVER;
      }
      return list as (typeof RUN_STATUSES)[number][];
    }),
  workflow_id: z.string().max(100).optional(),
  version: z.coerce.number().int().min(1).optional().openapi({ description: "Only runs of this workflow version" }),
  process_id: ProcessId.optional().openapi({ description: "Only runs started with this process id" }),
  failed_step: z.string().max(64).optional().openapi({ description: "Only runs that failed at this step" }),
  error_code: z.string().max(64).optional().openapi({ description: "Only runs that ended with this error code" }),
  created_after: z.iso.datetime({ offset: true }).optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
  surface: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/)
    .optional()
    .openapi({ description: "Runs started through this surface: native, leap, pipelines, ..." }),
  include_deleted: booleanQuery.optional().openapi({ description: "Include soft-deleted runs" }),
  "metadata[key]": z.string().optional().openapi({
    description: "Runs whose metadata has this top-level value, as text: metadata[customer]=acme (up to 5 keys)",
  }),
});

export const CancelBody = z
  .object({ reason: CancelReason.optional().openapi({ description: "Kept as the run's error and in its run.cancelled event" }) })
  .strict()
  .openapi("CancelRun");

export const EventBody = z
  .object({
    name: z.string().min(1).max(255),
    payload: z.unknown().optional(),
    id: z.string().min(1).max(255).optional().openapi({ description: "A repeated id is refused with DUPLICATE_EVENT" }),
  })
  .strict()
  .openapi("SendRunEvent");

export const ReplayBody = z
  .object({ from_step: z.string().max(64).optional(), input: z.unknown().optional() })
  .strict()
  .openapi("Replay");

export const RetentionPatchBody = z
  .object({
    max_age_seconds: z.number().int().min(1).max(Limits.retentionMaxSeconds).optional(),
    preserve_on_failure: z.boolean().optional(),
  })
  .strict();

export const EventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(Limits.eventsPerPage).default(100),
});
