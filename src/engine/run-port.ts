import { callbackToken, callbackUrl } from "../services/callbacks";
import { legacyDeliveryExists } from "../services/legacy-deliveries";
import { purgeRunCopies } from "../services/purge";
import { upsertRunIndex } from "../services/run-index";
import { startRun } from "../services/runs";
import { signingSecrets } from "../services/signing-secrets";
import { limiterStub, runStub } from "../services/stubs";
import { loadRunVariables } from "../services/variables";
import { queueDeliveries } from "../services/webhooks";
import type { RunPort } from "./port";
import type { WebhookFormat } from "./webhook-format";

/** The engine's outbound port (engine/port.ts) over services, as a run object fills it in. */
export function runPort(env: Env, webhookFormat: (surface: string) => WebhookFormat): RunPort {
  return {
    async startChild(parent, step, childRunId, outcome) {
      await startRun(env, parent.appId, {
        id: childRunId,
        workflowId: outcome.workflowId,
        version: outcome.version,
        input: outcome.input,
        profile: parent.profile,
        trigger: "child",
        parent: { runId: parent.id, stepId: step.id, appId: parent.appId },
      });
    },
    async cancelChild(childRunId) {
      await runStub(env, childRunId).cancelAsChild();
    },
    async notifyParent(run) {
      const parent = run.parent;
      if (!parent) return;
      const status = run.status as "completed" | "failed" | "cancelled";
      await runStub(env, parent.runId).childEnded(parent.stepId, run.id, { status, output: run.output, error: run.error });
    },
    acquireSlot: (limiter, runId) =>
      limiterStub(env, limiter.name).acquire(runId, { concurrency: limiter.concurrency, rate: limiter.rate }),
    async releaseSlot(limiter, runId) {
      await limiterStub(env, limiter.name).release(runId);
    },
    loadVars: (appId, profile) => loadRunVariables(env, appId, profile),
    callbackUrl: async (run, step, expiresAt) => callbackUrl(env, await callbackToken(env, run, step.id, step.attempts, expiresAt)),
    indexRun: (summary) => upsertRunIndex(env, summary),
    purgeRunCopies: (appId, runId) => purgeRunCopies(env, appId, runId),
    webhookFormat,
    queueDeliveries: (messages) => queueDeliveries(env, messages),
    legacyDeliveryExists: (id) => legacyDeliveryExists(env, id),
    signingSecrets: (appId) => signingSecrets(env, appId),
  };
}
