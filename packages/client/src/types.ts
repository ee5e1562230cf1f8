import type { components, paths } from "./generated/openapi.js";

/**
 * Names for the document's schemas. Everything here comes from the generated file except the
 * event of a run's log and the webhook body, which the document does not describe.
 */
type Schemas = components["schemas"];

export { RUN_STATUSES } from "./generated/openapi.js";

export type Workflow = Schemas["Workflow"];
export type WorkflowWithDefinition = Schemas["WorkflowWithDefinition"];
export type WorkflowDefinition = Schemas["WorkflowDefinition"];
export type WorkflowVersion = Schemas["WorkflowVersion"];
export type Step = Schemas["Step"];
export type StepTypeInfo = Schemas["StepType"];
export type Validation = Schemas["Validation"];
export type Run = Schemas["Run"];
export type RunSummary = Schemas["RunSummary"];
export type RunStatus = Run["status"];
export type RunStep = Run["steps"][number];
export type StartRunBody = Schemas["StartRun"];
export type ReplayBody = Schemas["Replay"];
export type Schedule = Schemas["Schedule"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
export type WebhookDeliveryDetail = Schemas["WebhookDeliveryDetail"];
export type WebhookSecret = Schemas["WebhookSecret"];
export type Variable = Schemas["Variable"];
export type VariableChange = Schemas["PutVariable"];
export type ApiKey = Schemas["ApiKey"];
export type CreatedKey = Schemas["CreatedKey"];
export type NewKey = Schemas["NewKey"];
export type KeyScope = ApiKey["scopes"][number];
export type AuditEntry = Schemas["AuditEntry"];

/** A page of a list: `data`, and `next_cursor` to pass back as `cursor` (null on the last page). */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

type JsonAnswer<Path extends keyof paths, Method extends keyof paths[Path], Status extends number> = paths[Path][Method] extends {
  responses: { [S in Status]: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** The answer to an event sent to a run: applied to a waiting step, or kept for one that will wait. */
export type SentEvent = JsonAnswer<"/v1/runs/{id}/events", "post", 200>;
export type RunListQuery = NonNullable<paths["/v1/runs"]["get"]["parameters"]["query"]>;
export type WorkflowListQuery = NonNullable<paths["/v1/workflows"]["get"]["parameters"]["query"]>;
export type ScheduleListQuery = NonNullable<paths["/v1/schedules"]["get"]["parameters"]["query"]>;
export type AuditQuery = NonNullable<paths["/v1/audit"]["get"]["parameters"]["query"]>;
export type PageQuery = NonNullable<paths["/v1/workflows/{id}/versions"]["get"]["parameters"]["query"]>;

/** One entry of a run's event log, as `GET /v1/runs/{id}/stream` and `/events` send it. */
export interface RunEvent {
  /** Gap-free sequence number within the run, from 1. */
  seq: number;
  type: string;
  at: string;
  step_id: string | null;
  data: unknown;
}

/** The events after which a run's stream closes. */
export const END_EVENTS: ReadonlySet<string> = new Set(["run.completed", "run.failed", "run.cancelled"]);
export const ENDED_STATUSES: ReadonlySet<RunStatus> = new Set<RunStatus>(["completed", "failed", "cancelled"]);

/** The body of a native run's webhook: the run, with each step's id, type, status, attempts and error. */
export interface WebhookEvent {
  type: string;
  timestamp: string;
  data: Omit<Run, "steps"> & { steps: Pick<RunStep, "id" | "type" | "status" | "attempts" | "error">[] };
}
