import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "@hono/zod-openapi";
import { CancelReason } from "./api/schemas";
import { EventBody, StartRunBody } from "./api/v1/run-requests";
import { WorkflowDefinition, zodDetails } from "./domain/definition";
import { AppError, validationFailed } from "./domain/errors";
import type { RunStatus } from "./engine/events";
import { decodeCursor } from "./lib/cursor";
import type { AuditStamp } from "./services/audit";
import { controlRun, getRun, listRuns, sendRunEvent, startRun } from "./services/runs";
import { assertValidDefinition, createWorkflow } from "./services/workflows";

/**
 * Stepline for other Workers, over a service binding. The app comes from the binding's
 * `props.appId`, set by whoever deploys the caller, never from an argument, so a caller can
 * only reach its own app's workflows and runs. Errors arrive as an Error whose message starts
 * with the error code (RPC keeps only the message).
 *
 * ```toml
 * # the caller's wrangler.toml
 * [[services]]
 * binding = "STEPLINE"
 * service = "stepline"
 * entrypoint = "Stepline"
 * props = { appId = "<your app id>" }
 * ```
 */
const body = StartRunBody.shape;

/**
 * What a caller may set on a run it starts: the fields of POST /v1/runs, camel-cased, with the
 * same rules. Checked here because a binding's caller can send any object, and the service's own
 * request carries fields only Stepline sets (the run's id, its parent, reused outputs).
 */
const StartOptions = z
  .object({
    input: body.input,
    version: body.version,
    profile: body.profile,
    metadata: body.metadata,
    webhookUrl: body.webhook_url,
    processId: body.process_id,
  })
  .strict();

function checked<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodDetails(result.error, path));
  return result.data;
}

export class Stepline extends WorkerEntrypoint<Env, { appId?: string }> {
  /** Changes made over the binding are audited as the binding's: it carries no key. */
  private stamp(): AuditStamp {
    return { appId: this.appId(), actor: { kind: "service_binding" }, requestId: null };
  }

  private appId(): string {
    const appId = this.ctx.props?.appId;
    if (!appId) throw new Error("UNAUTHORIZED: the service binding has no props.appId");
    return appId;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) {
        const details = error.details ? ` ${JSON.stringify(error.details)}` : "";
        throw new Error(`${error.code}: ${error.message}${details}`);
      }
      throw error;
    }
  }

  createWorkflow(definition: unknown) {
    return this.call(async () => {
      const parsed = WorkflowDefinition.safeParse(definition);
      if (!parsed.success) {
        assertValidDefinition((definition ?? {}) as Record<string, unknown>, zodDetails(parsed.error));
        throw validationFailed(zodDetails(parsed.error));
      }
      return createWorkflow(this.env, this.stamp(), parsed.data);
    });
  }

  startRun(workflowId: string, options: z.input<typeof StartOptions> = {}) {
    return this.call(() => {
      const { input, version, profile, metadata, webhookUrl, processId } = checked(StartOptions, options, "options");
      return startRun(this.env, this.appId(), { workflowId, input, version, profile, metadata, webhookUrl, processId, trigger: "rpc" });
    });
  }

  getRun(runId: string) {
    return this.call(() => getRun(this.env, this.appId(), runId));
  }

  listRuns(filter: { workflowId?: string; status?: RunStatus[]; limit?: number; cursor?: string } = {}) {
    return this.call(() =>
      listRuns(this.env, this.appId(), {
        workflowId: filter.workflowId,
        status: filter.status,
        limit: Math.min(Math.max(filter.limit ?? 20, 1), 100),
        after: filter.cursor ? decodeCursor(filter.cursor) : null,
      }),
    );
  }

  sendEvent(runId: string, event: { name: string; payload?: unknown; id?: string }) {
    return this.call(async () => sendRunEvent(this.env, this.appId(), runId, checked(EventBody, event, "event")));
  }

  cancelRun(runId: string, reason?: string) {
    return this.call(async () =>
      controlRun(this.env, this.appId(), runId, "cancel", reason === undefined ? undefined : checked(CancelReason, reason, "reason")),
    );
  }
}
