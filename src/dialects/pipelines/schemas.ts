import { z } from "@hono/zod-openapi";
import { Limits } from "../../domain/limits";

/**
 * The pipelines service's shapes (docs/dialects/pipelines.md), from the OpenAPI schemas its reference
 * quotes: CreateWorkflow, WorkflowStepDefinition, FieldMapping, WorkflowPublic,
 * WorkflowStepPublic, WorkflowListResponse, WorkflowCleanupResponse, WorkflowUpdate,
 * HTTPValidationError). Like the pydantic models behind them, unknown fields are ignored.
 */

const nullableString = (max?: number) => (max === undefined ? z.string() : z.string().max(max)).nullable().optional();
const Dict = z.record(z.string(), z.unknown());

export const FieldMapping = z
  .object({
    from_step: z.string().openapi({ description: "Step ID to get output from" }),
    from_field: z.string().openapi({ description: "Output field name from source step" }),
    to_field: z.string().openapi({ description: "Input field name in target step" }),
    transform: z.string().nullable().optional().openapi({ description: "Optional transformation to apply when mapping" }),
  })
  .openapi("FieldMapping");

export type FieldMapping = z.infer<typeof FieldMapping>;

export const WorkflowStepDefinition = z
  .object({
    id: z.string().min(1).max(255).openapi({ description: "Unique identifier for this step within the workflow" }),
    task_type: z.string().min(1).max(64).openapi({ description: "Type of task to execute", example: "GENERATION" }),
    config: Dict.openapi({ description: "Static configuration for the task (prompt, dimensions, etc.)" }),
    depends_on: z.array(z.string()).optional().openapi({ description: "List of step IDs this step depends on" }),
    input_mappings: z.array(FieldMapping).optional().openapi({ description: "Mappings from previous step outputs to this step's inputs" }),
    provider_config: Dict.nullable()
      .optional()
      .openapi({ description: "Provider-specific configuration (provider_type, fal_app_id, etc.)" }),
    active_provider_capabilities: z.array(z.string()).nullable().optional(),
    fallback_provider_type: nullableString(64).openapi({ description: "Fallback provider activated when primary exhausts all retries." }),
    fallback_provider_config: Dict.nullable().optional(),
    fallback_provider_capabilities: z.array(z.string()).nullable().optional(),
    max_retries: z.number().int().min(0).max(20).optional().openapi({ description: "Maximum retry attempts for this step (default 3)" }),
  })
  .openapi("WorkflowStepDefinition");

export type WorkflowStepDefinition = z.infer<typeof WorkflowStepDefinition>;

export const CreateWorkflow = z
  .object({
    name: z.string().min(1).max(255).openapi({ description: "Human-readable workflow name" }),
    description: nullableString(1000).openapi({ description: "Optional workflow description" }),
    steps: z
      .array(WorkflowStepDefinition)
      .min(1)
      .max(Limits.stepsPerWorkflow)
      .openapi({ description: "List of steps defining the workflow DAG" }),
    config: Dict.optional().openapi({ description: "Global workflow configuration" }),
    origin_instance: z.string().min(1).max(100).openapi({ description: "Origin instance identifier" }),
    origin_zone: nullableString(50).openapi({ description: "Origin zone identifier" }),
    origin_tenant_id: nullableString(100).openapi({ description: "Tenant identifier for multi-tenant setups" }),
    origin_reference: nullableString(512).openapi({ description: "External reference ID for tracking" }),
    webhook_url: nullableString(512).openapi({ description: "URL to call when workflow completes" }),
    suppress_subtask_events: z.boolean().optional().openapi({ description: "Whether to suppress individual task events (default true)" }),
  })
  .openapi("CreateWorkflow");

export type CreateWorkflow = z.infer<typeof CreateWorkflow>;

export const WorkflowUpdate = z
  .object({ name: z.string().min(1).max(255).nullable().optional(), description: nullableString(1000), webhook_url: nullableString(512) })
  .openapi("WorkflowUpdate");

export const WorkflowStatus = z.enum(["PENDING", "RUNNING", "PAUSED", "COMPLETED", "FAILED", "CANCELLED"]).openapi("WorkflowStatus");
export const StepStatus = z.enum(["PENDING", "RUNNING", "COMPLETED", "FAILED", "SKIPPED", "CANCELLED"]).openapi("StepStatus");

const uuid = z.string().openapi({ format: "uuid" });
const dateTime = z.string().openapi({ format: "date-time" });

export const WorkflowStepPublic = z
  .object({
    id: uuid,
    step_id: z.string(),
    task_type: z.string(),
    config: Dict,
    provider_config: Dict.nullable(),
    active_provider_capabilities: z.array(z.string()).nullable(),
    fallback_provider_type: z.string().nullable(),
    fallback_provider_config: Dict.nullable(),
    fallback_provider_capabilities: z.array(z.string()).nullable(),
    dependencies: z.array(z.string()),
    input_mappings: z.array(Dict),
    status: StepStatus,
    task_id: z.string().nullable(),
    result: Dict.nullable(),
    error_message: z.string().nullable(),
    started_at: dateTime.nullable(),
    completed_at: dateTime.nullable(),
    retry_count: z.number().int(),
    max_retries: z.number().int(),
    created_at: dateTime,
    updated_at: dateTime,
  })
  .openapi("WorkflowStepPublic");

export type WorkflowStepPublic = z.infer<typeof WorkflowStepPublic>;

export const WorkflowPublic = z
  .object({
    id: uuid,
    name: z.string(),
    description: z.string().nullable(),
    status: WorkflowStatus,
    total_steps: z.number().int(),
    completed_steps: z.number().int(),
    progress: z.number().openapi({ description: "0 to 100" }),
    current_step: z.string().nullable(),
    final_step_id: z.string().nullable(),
    final_step_result: Dict.nullable(),
    canvas_task_id: z.string().nullable(),
    config: Dict,
    suppress_subtask_events: z.boolean(),
    origin_instance: z.string(),
    origin_zone: z.string().nullable(),
    origin_tenant_id: z.string().nullable(),
    origin_reference: z.string().nullable(),
    webhook_url: z.string().nullable(),
    error_message: z.string().nullable(),
    errors: z.array(z.string()),
    started_at: dateTime.nullable(),
    completed_at: dateTime.nullable(),
    created_at: dateTime,
    updated_at: dateTime,
    is_deleted: z.boolean(),
    deleted_at: dateTime.nullable(),
    steps: z.array(WorkflowStepPublic),
  })
  .openapi("WorkflowPublic");

export type WorkflowPublic = z.infer<typeof WorkflowPublic>;

export const WorkflowListResponse = z
  .object({ workflows: z.array(WorkflowPublic), total: z.number().int(), skip: z.number().int(), limit: z.number().int() })
  .openapi("WorkflowListResponse");

export const WorkflowCleanupError = z
  .object({ task_id: uuid, step_id: z.string(), task_type: z.string(), error: z.string() })
  .openapi("WorkflowCleanupError");

export const WorkflowCleanupDetail = z
  .object({
    tasks_processed: z.number().int(),
    tasks_cleaned: z.number().int(),
    deleted_paths: z.array(z.string()),
    errors: z.array(WorkflowCleanupError),
  })
  .openapi("WorkflowCleanupDetail");

export const WorkflowCleanupResponse = z
  .object({ workflow: WorkflowPublic, cleanup: WorkflowCleanupDetail })
  .openapi("WorkflowCleanupResponse");

export const ValidationError = z
  .object({ loc: z.array(z.union([z.string(), z.number().int()])), msg: z.string(), type: z.string() })
  .openapi("ValidationError");

export type ValidationError = z.infer<typeof ValidationError>;

export const HTTPValidationError = z.object({ detail: z.array(ValidationError) }).openapi("HTTPValidationError");

export const HTTPError = z.object({ detail: z.string() }).openapi("HTTPError");
