import { z } from "@hono/zod-openapi";
import { ProcessId } from "../../api/schemas";

/**
 * Looply's shapes, one section per endpoint (docs/dialects/looply.md#endpoints). Times are epoch
 * milliseconds, as Looply sends them; booleans that Looply sends as strings stay strings.
 */

const epochMs = z.number().int().openapi({ description: "Epoch milliseconds", example: 1697641835712 });
const anyObject = z.record(z.string(), z.unknown());
const user = z.string().nullable().openapi({ description: "Stepline does not record which user did it: null" });

// ---- errors ---------------------------------------------------------------------------

export const LooplyMessage = z
  .object({ message: z.string().openapi({ example: "something went wrong" }) })
  .passthrough()
  .openapi("LooplyMessage");

export const RESUME_CODES = [
  "WORKFLOW_RESTARTED",
  "EXECUTION_NOT_FOUND",
  "EXECUTION_IN_PROGRESS",
  "NO_RESUMABLE_EXECUTION",
  "ALREADY_RESTARTED",
  "WORKFLOW_RESTART_FAILED",
  "MISSING_RESUME_TOKEN",
] as const;

export const ResumeProblem = z
  .object({
    code: z.enum(RESUME_CODES),
    data: z
      .object({
        organization_id: z.string().optional(),
        execution_key: z.string().optional(),
        execution_id: z.string().optional(),
        workflow_id: z.string().optional(),
        workflow_status: z.string().optional(),
        workflow_current_state: z.string().optional(),
        workflow_process_id: z.string().optional(),
        execution_description: z.string().optional(),
        timestamp: z.string().optional(),
      })
      .openapi({ description: "EXECUTION_NOT_FOUND: organization_id; EXECUTION_IN_PROGRESS: the execution; others: execution_key" }),
  })
  .openapi("LooplyResumeProblem");

export type ResumeProblem = z.infer<typeof ResumeProblem>;

// ---- trigger, resume, terminate, toggle -------------------------------------------------

export const TriggerBody = z.object({ process_id: ProcessId.optional() }).passthrough().openapi("LooplyTriggerBody", {
  description: "The execution's input payload. A top-level process_id names the execution for resumeWorkflow and terminateWorkflow.",
});

export const Triggered = z
  .object({
    message: z.literal("success"),
    looply_execution_id: z.string(),
    profile: z.string().optional().openapi({ description: "Only when a profile was named" }),
  })
  .openapi("LooplyTriggered");

export const ResumeBody = z
  .object({
    payload: z
      .object({
        source: z
          .enum(["SAP", "TEAMS"], { error: "must be SAP or TEAMS" })
          .openapi({ description: "Source of the request; a protected attribute" }),
      })
      .passthrough()
      .openapi({ description: "Becomes the payload of the event the waiting step receives" }),
  })
  .openapi("LooplyResumeBody");

export const Resumed = z
  .object({
    message: z.literal("success"),
    code: z.literal("WORKFLOW_RESTARTED"),
    data: z.object({
      workflow_identifier: z.object({ organization_id: z.string(), workflow_id: z.string(), workflow_execution_id: z.string() }),
    }),
  })
  .openapi("LooplyResumed");

export const TerminateBody = z
  .object({
    payload: z
      .object({
        termination_reason: z
          .string()
          .trim()
          .min(1)
          .max(1000)
          .optional()
          .openapi({ description: 'Default: "Workflow execution terminated by user."' }),
      })
      .passthrough(),
  })
  .openapi("LooplyTerminateBody");

export const Terminated = z.object({ message: z.literal("terminated") }).openapi("LooplyTerminated");

export const ToggleBody = z
  .object({
    workflow_id: z.string().min(1).max(100),
    workflow_version: z.union([z.number().int().min(1), z.string().regex(/^[1-9]\d{0,8}$/)]).transform(Number),
    action: z.string().min(1).max(20).openapi({ description: "PAUSE or PLAY; anything else is a 409" }),
  })
  .openapi("LooplyToggleBody");

export const Toggled = z
  .object({
    message: z.literal("success"),
    workflow_id: z.string(),
    workflow_version: z.number().int(),
    status: z.enum(["ACTIVE", "PAUSED"]),
  })
  .openapi("LooplyToggled");

// ---- executions -----------------------------------------------------------------------

export const EventLog = z
  .object({
    count: z.number().int(),
    trimmed: z.boolean().openapi({ description: "True when the run has more events than are shown" }),
    events: z.array(z.object({ seq: z.number().int(), type: z.string(), state: z.string().nullable(), at: epochMs })),
  })
  .openapi("LooplyEventLog", { description: "The run's events without their data, oldest first" });

const executionFields = {
  workflow_id: z.string(),
  workflow_execution_id: z.string(),
  workflow_process_id: z.string(),
  workflow_current_state: z.string().openapi({
    description: "The step it waits at or runs; else QUEUED, PAUSED, RUNNING, COMPLETED, FAILED or TERMINATED",
  }),
  workflow_version: z.number().int(),
  organization_id: z.string(),
  workspace_id: z.string(),
  modified_by: user,
  modified_on: epochMs,
  created_on: epochMs,
  workflow_trigger_type: z.enum(["REQUEST", "SCHEDULE"]),
  workflow_event_log: EventLog,
};

export const ExecutionSummary = z
  .object({ ...executionFields, workflow_details: z.object({ workflow_name: z.string().nullable() }) })
  .openapi("LooplyExecutionSummary");

export const StepLog = z
  .object({ status: z.string(), input: z.unknown(), output: z.unknown(), error: z.string().nullable() })
  .openapi("LooplyStepLog");

export const Connection = z.object({ from: z.string(), to: z.string() }).openapi("LooplyConnection");

export const Execution = z
  .object({
    ...executionFields,
    workflow_input_payload: z.unknown(),
    workflow_output_payload: z.unknown(),
    condensed_logs: z.record(z.string(), StepLog).openapi({ description: "Per step id" }),
    workflow_details: z.object({
      workflow_name: z.string().nullable(),
      workflow_steps: z.array(anyObject),
      workflow_connections: z.array(Connection),
    }),
  })
  .openapi("LooplyExecution");

export type Execution = z.infer<typeof Execution>;
export type ExecutionSummary = z.infer<typeof ExecutionSummary>;
export type EventLog = z.infer<typeof EventLog>;

export const ExecutionKey = z.object({ workflow_id: z.string(), workflow_execution_id: z.string() }).openapi("LooplyExecutionKey");

export const ExecutionRead = z.object({ message: z.literal("success"), item: Execution }).openapi("LooplyExecutionRead");

export const ExecutionPage = z
  .object({
    message: z.literal("success"),
    count: z.number().int(),
    items: z.array(ExecutionSummary),
    lastKey: ExecutionKey.optional().openapi({ description: "Absent on the last page" }),
  })
  .openapi("LooplyExecutionPage");

// ---- workflows ------------------------------------------------------------------------

export const WorkflowItem = z
  .object({
    workflow_id: z.string(),
    workflow_name: z.string(),
    workflow_version: z.number().int(),
    workflow_status: z.enum(["ACTIVE", "INACTIVE"]).openapi({ description: "ACTIVE for the version new executions get" }),
    workflow_status_version: z.string().openapi({ example: "ACTIVE_3" }),
    latest: z.enum(["true", "false"]),
    organization_id: z.string(),
    workspace_id: z.string(),
    created_by: user,
    modified_by: user,
    created_on: epochMs,
    modified_on: epochMs,
    workflow_steps: z.array(anyObject),
    workflow_connections: z.array(Connection),
    workflow_integrations: z.record(z.string(), z.array(z.string())).openapi({ description: "Provider: the steps that call it" }),
    workflow_schema: anyObject,
  })
  .openapi("LooplyWorkflow");

export type WorkflowItem = z.infer<typeof WorkflowItem>;

export const WorkflowKey = z
  .object({ organization_id: z.string(), workflow_id: z.string(), workflow_version: z.number().int() })
  .openapi("LooplyWorkflowKey");

export const WorkflowRead = z.object({ message: z.literal("success"), item: WorkflowItem }).openapi("LooplyWorkflowRead");

export const WorkflowPage = z
  .object({
    message: z.literal("success"),
    count: z.number().int(),
    items: z.array(WorkflowItem),
    lastKey: WorkflowKey.optional().openapi({ description: "Absent on the last page" }),
  })
  .openapi("LooplyWorkflowPage");

export const WorkflowSchema = z
  .object({
    message: z.literal("success"),
    item: z.object({
      workflow_id: z.string(),
      workflow_version: z.number().int(),
      workflow_mock_payload: z.unknown().openapi({ description: "The input of the latest execution of this version, else a sample" }),
      workflow_schema: anyObject.openapi({ description: "The input schema, else one inferred from the mock payload" }),
      created_by: user,
      modified_by: user,
      created_on: epochMs,
      modified_on: epochMs,
    }),
  })
  .openapi("LooplyWorkflowSchema");

export const InstallationStatus = z
  .object({ message: z.literal("success"), email: z.string(), app_id: z.string(), installed: z.enum(["true", "false"]) })
  .openapi("LooplyInstallationStatus");

// ---- queries --------------------------------------------------------------------------

const required = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be given once, as text") })
    .min(1, "is required")
    .max(255);

export const PageLimit = z
  .string()
  .regex(/^\d{1,6}$/, "limit must be a whole number")
  .optional()
  .openapi({ description: "Items per page; default 20, at most 30 (larger values give 30)" });

export const ExecutionQuery = z.object({ workflow_id: required(), workflow_execution_id: required() });
export const HistoryQuery = z.object({
  workflow_id: required(),
  limit: PageLimit,
  workflow_execution_id: z.string().max(255).optional().openapi({ description: "lastKey.workflow_execution_id of the previous page" }),
});
export const OrganizationExecutionsQuery = z.object({
  limit: PageLimit,
  workflow_id: z.string().max(255).optional().openapi({ description: "lastKey.workflow_id of the previous page" }),
  workflow_execution_id: z.string().max(255).optional().openapi({ description: "lastKey.workflow_execution_id of the previous page" }),
});
export const WorkflowQuery = z.object({ workflow_id: required(), workflow_version: required() });
export const OrganizationWorkflowsQuery = z.object({
  limit: PageLimit,
  workflow_id: z.string().max(255).optional().openapi({ description: "lastKey.workflow_id of the previous page" }),
  workflow_version: z.string().max(20).optional().openapi({ description: "lastKey.workflow_version of the previous page" }),
});
export const InstallationQuery = z.object({ email: required(), app_id: required() });
