import { buildApp } from "./api/app";
import { expireAudit } from "./services/audit";
import { expireKeys } from "./services/idempotency";
import { sweepDeliveries } from "./services/webhooks";
import { deadLetterBatch, deliverBatch } from "./webhooks/consumer";

export { LimiterObject } from "./engine/limiter-object";
export { RunObject } from "./engine/run-object";
export { RunIndexShard } from "./runs-index/shard-object";
export { ScheduleObject } from "./schedules/schedule-object";
export { WebhookSweeper } from "./webhooks/sweeper-object";

const app = buildApp();

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue.endsWith("-dlq")) await deadLetterBatch(batch as MessageBatch<never>, env);
    else await deliverBatch(batch as MessageBatch<never>, env);
  },
  async scheduled(_controller, env) {
    await Promise.all([sweepDeliveries(env, Date.now(), 30_000), expireKeys(env), expireAudit(env)]);
  },
} satisfies ExportedHandler<Env>;
export { Stepline } from "./rpc";
