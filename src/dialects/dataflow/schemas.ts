import { z } from "@hono/zod-openapi";
import { Limits } from "../../domain/limits";
import { WebhookUrl } from "../../domain/webhook-url";

/**
 * Data Flow's shapes (docs/dialects/dataflow.md#endpoints): creating a workflow, executing it,
 * an execution's status, the executions list and the webhook.
 */

export const DataflowStep = z
  .object({
    id: z.string().optional().openapi({ description: "Optional; a step without one gets `task-<n>` (its position, from 1)" }),
    type: z.string().openapi({
      description: "A step type: StaticTextInput, TextOperation.Reverse/Uppercase/Lowercase/Trim/Length, Echo, or any Stepline step type",
      example: "TextOperation.Reverse",
    }),
    input: z.unknown().optional().openapi({ description: "StaticTextInput's text (also accepted as `text`)", example: "Hello, world!" }),
  })
  .catchall(z.unknown())
  .openapi("DataflowStep", { description: "Every field other than id and type is the step type's configuration" });

export const CreateWorkflowRequest = z
  .object({
    name: z.string().min(1).max(255).openapi({ example: "Dummy Workflow" }),
    steps: z.array(DataflowStep).min(1).max(Limits.stepsPerWorkflow),
    input_schema: z.record(z.string(), z.unknown()).optional().openapi({
      description: "JSON Schema (2020-12) for the execution input; default: derived from the first step",
    }),
  })
  .strict()
  .openapi("DataflowWorkflowRequest");

export const CreatedWorkflow = z.object({ workflow_id: z.string() }).openapi("DataflowWorkflowCreated");

export const ExecuteRequest = z
  .object({
    input: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ example: { text: "Hello, world!" } }),
    webhook_url: WebhookUrl.optional().openapi({ description: "Receives the execution object on every status change" }),
  })
  .strict()
  .openapi("DataflowExecuteRequest");

export const ExecutionStarted = z.object({ execution_id: z.string() }).openapi("DataflowExecutionStarted");

export const ExecutionStatus = z.enum(["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"]);
export const TaskStatus = z.enum(["PENDING", "RUNNING", "COMPLETED", "FAILED", "SKIPPED", "CANCELLED"]);

/** A value as Data Flow shows it: text as `{ text }`, anything else as `{ value }`. */
export const DataflowValue = z
  .union([z.object({ text: z.string() }).strict(), z.object({ value: z.unknown() }).strict()])
  .openapi("DataflowValue");

const Failure = z.object({ code: z.string(), message: z.string() });

export const Task = z
  .object({
    task_id: z.string().openapi({ description: "The step's id in the workflow" }),
    type: z.string(),
    status: TaskStatus,
    input: DataflowValue.optional().openapi({ description: "Present once the task has started" }),
    output: DataflowValue.optional().openapi({ description: "Present once the task has completed" }),
    error: Failure.optional().openapi({ description: "The last attempt's error, when there is one" }),
  })
  .strict()
  .openapi("DataflowTask");

// Stepline always sends the fields marked "always sent"; they are optional in the schema
// because the seed's own example omits them.
export const Execution = z
  .object({
    execution_id: z.string(),
    workflow_id: z.string(),
    status: ExecutionStatus,
    created_at: z.string().optional().openapi({ description: "Always sent" }),
    started_at: z.string().nullable().optional().openapi({ description: "Always sent" }),
    completed_at: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "Always sent: when the execution ended (COMPLETED, FAILED or CANCELLED)" }),
    output: DataflowValue.nullable().optional().openapi({ description: "Always sent: the last task's output once COMPLETED, else null" }),
    error: Failure.extend({ task_id: z.string().nullable() })
      .nullable()
      .optional()
      .openapi({ description: "Always sent; null unless FAILED" }),
    tasks: z.array(Task),
  })
  .strict()
  .openapi("DataflowExecution");

export const ExecutionSummary = z
  .object({
    execution_id: z.string(),
    status: ExecutionStatus,
    created_at: z.string(),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
  })
  .strict()
  .openapi("DataflowExecutionSummary");

export const ExecutionList = z
  .object({
    executions: z.array(ExecutionSummary),
    next_cursor: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "Always sent: pass it as `cursor` for the next page; null on the last" }),
  })
  .openapi("DataflowExecutionList");

export type Execution = z.infer<typeof Execution>;
export type ExecutionSummary = z.infer<typeof ExecutionSummary>;
export type Task = z.infer<typeof Task>;
export type DataflowValue = z.infer<typeof DataflowValue>;
