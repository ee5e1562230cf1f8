import { z } from "@hono/zod-openapi";
import { PageQuery } from "../../api/schemas";
import { Limits } from "../../domain/limits";

/**
 * The apps platform's shapes (docs/dialects/apps.md#the-run-object): the run object with its
 * workflow version and steps. Values Stepline has no equivalent for are null.
 */

export const AppsStatus = z.enum(["PENDING", "RUNNING", "PAUSED", "COMPLETED", "FAILED", "CANCELLED"]);
export type AppsStatus = z.infer<typeof AppsStatus>;

const JsonObject = z.record(z.string(), z.unknown());

const InputOptions = z
  .object({
    display: z.object({ field: z.string(), container: z.string(), hidden: z.boolean() }).partial().passthrough().optional(),
  })
  .passthrough()
  .nullable()
  .openapi({ description: "How the input form is displayed; Stepline keeps none (null)" });

export const AppsStep = z
  .object({
    type: z.string().openapi({ description: "The step type", example: "transform" }),
    key: z.string().openapi({ description: "The step id" }),
    display: z.string().nullable().openapi({ description: "meta.display", example: "expanded" }),
    conditional: z.string().nullable().openapi({ description: "The step's `if` expression" }),
    loop: z.string().nullable().openapi({ description: "The step's `for_each` expression" }),
    throw_on_error: z.boolean().openapi({ description: "false when the step has `on_error: continue`" }),
    input_connected: z.boolean().openapi({ description: "Whether the step takes the output of steps before it" }),
    destinations: z.array(z.string()).openapi({ description: "Keys of the steps that depend on this one" }),
    position: z.array(z.number()).nullable().openapi({ description: "meta.position ([x, y])" }),
    size: z.array(z.number()).nullable().openapi({ description: "meta.size ([width, height])" }),
    auto: z
      .object({ provider: z.string(), model: z.string(), temperature: z.number() })
      .partial()
      .passthrough()
      .nullable()
      .openapi({ description: "meta.auto" }),
    note: z.string().nullable().openapi({ description: "A note step's text, else meta.note" }),
  })
  .catchall(z.unknown())
  .openapi("AppsWorkflowStep", { description: "A step; the step's config fields follow the fields above" });

export type AppsStep = z.infer<typeof AppsStep>;

const DraftFields = {
  key: z.string().openapi({ description: "The workflow's name" }),
  input: JsonObject.nullable().openapi({ description: "The input schema (JSON Schema), or null" }),
  input_default: JsonObject.nullable(),
  input_options: InputOptions,
  steps: z.array(AppsStep),
};

export const AppsWorkflowVersionDraft = z.object(DraftFields).openapi("AppsWorkflowVersionDraft");

export const AppsWorkflowVersion = z
  .object({
    id: z.string().openapi({ description: "`<workflow_id>:v<version>`" }),
    app_id: z.string().openapi({ description: "The app that owns the workflow" }),
    workflow_id: z.string(),
    description: z.string().nullable(),
    version: z.number().int(),
    rollback_version: z.number().int().nullable(),
    notes: z.string().nullable(),
    created_by: z.object({ id: z.string(), name: z.string() }).nullable(),
    created_at: z.string().nullable(),
    ...DraftFields,
  })
  .openapi("AppsWorkflowVersion");

export type AppsWorkflowVersion = z.infer<typeof AppsWorkflowVersion>;

const UsageCall = z.object({ id: z.string(), total: z.number(), calls: z.array(JsonObject) });

export const AppsRetention = z
  .object({ max_age_in_seconds: z.number().int(), preserve_on_failure: z.boolean() })
  .openapi("AppsRunRetention");

export const AppsRun = z
  .object({
    id: z.string(),
    result: z.unknown().openapi({ description: "The run's output (the same value as `output`)" }),
    input: z.unknown().openapi({ description: "The run's input (an object for runs started here)" }),
    output: z.unknown().openapi({ description: "The run's output; null until it completes" }),
    status: AppsStatus,
    origin: z.enum(["WORKFLOW", "DISCOVER"]).openapi({ description: "DISCOVER for a run of another app's discoverable workflow" }),
    error: z.string().nullable(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    app_id: z.string().openapi({ description: "The app the run belongs to: the caller's" }),
    workflow_app_id: z.string().openapi({ description: "The app that owns the workflow" }),
    workflow_id: z.string(),
    workflow_version_draft: AppsWorkflowVersionDraft.nullable().openapi({ description: "Stepline runs pinned versions only: null" }),
    workflow_version: AppsWorkflowVersion,
    collection_id: z.string().nullable(),
    record_id: z.string().nullable(),
    version: z.number().int(),
    usage: z
      .object({
        total: z.number().openapi({ description: "Step executions (every attempt of every step)" }),
        calls: z.array(UsageCall),
        steps: z.record(z.string(), z.unknown()).openapi({ description: "Attempts per step key" }),
      })
      .nullable()
      .openapi({ description: "null once the run's data was purged" }),
    retention: AppsRetention.nullable().openapi({ description: "null once the run's data was purged" }),
    retention_due_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .strict()
  .openapi("AppsWorkflowRun");

export type AppsRun = z.infer<typeof AppsRun>;

export const AppsWorkflow = z
  .object({
    id: z.string(),
    app_id: z.string().openapi({ description: "The app that owns the workflow" }),
    name: z.string(),
    description: z.string().nullable(),
    version: z.number().int().openapi({ description: "The current version: what a run gets" }),
    latest_version: z.number().int(),
    discoverable: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("AppsWorkflow");

export type AppsWorkflow = z.infer<typeof AppsWorkflow>;

// Flat rather than an extension, so the document lists every field of it in one object.
export const AppsWorkflowDetail = z.object({ ...AppsWorkflow.shape, workflow_version: AppsWorkflowVersion }).openapi("AppsWorkflowDetail");

export const RunRequest = z
  .object({
    input: JsonObject.optional().openapi({ description: "The run's input", example: { topic: "whales" } }),
    version: z.number().int().min(1).optional().openapi({ description: "A version to pin; default: the current one" }),
  })
  .strict()
  .openapi("AppsRunRequest");

export const RetentionRequest = z
  .object({
    max_age_in_seconds: z.number().int().min(1).max(Limits.retentionMaxSeconds).optional(),
    preserve_on_failure: z.boolean().optional(),
  })
  .strict()
  .refine((body) => body.max_age_in_seconds !== undefined || body.preserve_on_failure !== undefined, {
    message: "send max_age_in_seconds, preserve_on_failure or both",
  })
  .openapi("AppsRetentionRequest");

const pathParam = (name: string, description: string) =>
  z
    .string()
    .max(100)
    .openapi({ param: { name, in: "path" }, description });

export const AppParams = z.object({ app_id: pathParam("app_id", "The ID of the app") });
export const WorkflowParams = AppParams.extend({ workflow_id: pathParam("workflow_id", "The ID of the workflow") });
export const RunParams = WorkflowParams.extend({ run_id: pathParam("run_id", "The ID of the run") });
export const VersionParams = WorkflowParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "version", in: "path" }, description: "The version number" }),
});

export const RunListQuery = PageQuery.extend({ status: AppsStatus.optional() });
