import { WorkerEntrypoint } from "cloudflare:workers";
import { AppError } from "./domain/errors";
import type { RunListFilter, StartOptionsInput } from "./rpc-calls";
import type { AuditStamp } from "./services/audit";

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

  /** Runs one call of src/rpc-calls.ts, loaded on the first. */
  private async call<T>(work: (calls: typeof import("./rpc-calls"), appId: string) => Promise<T>): Promise<T> {
    try {
      return await work(await import("./rpc-calls"), this.appId());
    } catch (error) {
      if (error instanceof AppError) {
        const details = error.details ? ` ${JSON.stringify(error.details)}` : "";
        throw new Error(`${error.code}: ${error.message}${details}`);
      }
      throw error;
    }
  }

  createWorkflow(definition: unknown) {
    return this.call(async (calls) => calls.createWorkflowFor(this.env, this.stamp(), definition));
  }

  startRun(workflowId: string, options: StartOptionsInput = {}) {
    return this.call(async (calls, appId) => calls.startRunFor(this.env, appId, workflowId, options));
  }

  getRun(runId: string) {
    return this.call((calls, appId) => calls.getRunFor(this.env, appId, runId));
  }

  listRuns(filter: RunListFilter = {}) {
    return this.call((calls, appId) => calls.listRunsFor(this.env, appId, filter));
  }

  sendEvent(runId: string, event: { name: string; payload?: unknown; id?: string }) {
    return this.call(async (calls, appId) => calls.sendEventFor(this.env, appId, runId, event));
  }

  cancelRun(runId: string, reason?: string) {
    return this.call(async (calls, appId) => calls.cancelRunFor(this.env, appId, runId, reason));
  }
}
