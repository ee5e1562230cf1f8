import type { Page, Run, RunStatus, RunSummary, SentEvent, WorkflowDefinition, WorkflowWithDefinition } from "./types.js";

/**
 * The `Stepline` entrypoint as a calling Worker sees it through a service binding: type your
 * binding with it (`interface Env { STEPLINE: SteplineService }`). The app is the binding's
 * `props.appId`. Errors arrive as an Error whose message starts with the error code
 * (`RUN_NOT_FOUND: ...`). Stepline's tests check that the entrypoint matches this type.
 */
export interface SteplineService {
  createWorkflow: (definition: WorkflowDefinition) => Promise<WorkflowWithDefinition>;
  startRun: (
    workflowId: string,
    options?: {
      input?: unknown;
      version?: number;
      profile?: string;
      metadata?: Record<string, unknown>;
      webhookUrl?: string | null;
      /** Your name for the run, as `process_id` in /v1 (filter lists by it). */
      processId?: string;
    },
  ) => Promise<Run>;
  getRun: (runId: string) => Promise<Run>;
  listRuns: (filter?: { workflowId?: string; status?: RunStatus[]; limit?: number; cursor?: string }) => Promise<Page<RunSummary>>;
  sendEvent: (runId: string, event: { name: string; payload?: unknown; id?: string }) => Promise<SentEvent>;
  /** The reason is kept as the run's error message. */
  cancelRun: (runId: string, reason?: string) => Promise<Run>;
}
