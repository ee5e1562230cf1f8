import type { App } from "./api/env";
import type { RunObject as RunObjectClass } from "./engine/run-object";
import { lazyObject } from "./lazy-object";
import type { ScheduleObject as ScheduleObjectClass } from "./schedules/schedule-object";
import type { WebhookSweeper as WebhookSweeperClass } from "./webhooks/sweeper-object";

/**
 * The Worker's entry points. A new isolate runs this module's global scope before it answers
 * anything, for every entry point alike, so it builds nothing a request may not need: the HTTP
 * app (its routes, schemas and documents) loads on the first request, the webhook consumer on
 * the first queue batch, the sweep on the first cron, the run, schedule and sweeper objects'
 * code with their first instance. What stays eager is what the runtime needs as a class when
 * the module loads: the object classes (the run, schedule and sweeper ones as small stand-ins,
 * src/lazy-object.ts), the limiter and the runs index shard, whose modules import nothing heavy,
 * and the service binding's class, whose checks and services load on its first call
 * (src/rpc-calls.ts).
 */

export { LimiterObject } from "./engine/limiter-object";
export { Stepline } from "./rpc";
export { RunIndexShard } from "./runs-index/shard-object";

export const RunObject = lazyObject(async () => (await import("./compose")).StepRunObject);
export type RunObject = RunObjectClass;
export const ScheduleObject = lazyObject(async () => (await import("./schedules/schedule-object")).ScheduleObject);
export type ScheduleObject = ScheduleObjectClass;
export const WebhookSweeper = lazyObject(async () => (await import("./webhooks/sweeper-object")).WebhookSweeper);
export type WebhookSweeper = WebhookSweeperClass;

let app: App | null = null;

export default {
  async fetch(request, env, ctx) {
    if (!app) {
      const { buildApp } = await import("./api/app");
      app ??= buildApp();
    }
    return app.fetch(request, env, ctx);
  },
  async queue(batch, env) {
    const { deadLetterBatch, deliverBatch } = await import("./webhooks/consumer");
    if (batch.queue.endsWith("-dlq")) await deadLetterBatch(batch as MessageBatch<never>, env);
    else await deliverBatch(batch as MessageBatch<never>, env);
  },
  async scheduled(_controller, env) {
    const [{ sweepLegacyDeliveries }, { expireKeys }, { expireAudit }] = await Promise.all([
      import("./services/legacy-deliveries"),
      import("./services/idempotency"),
      import("./services/audit"),
    ]);
    await Promise.all([sweepLegacyDeliveries(env, Date.now(), 30_000), expireKeys(env), expireAudit(env)]);
  },
} satisfies ExportedHandler<Env>;
