import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { UUID } from "uuidv7";
import stepline, * as entry from "../src/index";
import { lazyObject } from "../src/lazy-object";
import { meter, metered, meteredEnv, nextEpoch, resetMeter } from "./meter";

/**
 * The bench-only worker: Stepline unchanged, plus a Cloudflare Workflows implementation of
 * the same work, so both are measured in one `wrangler dev` process. Each reference instance
 * pushes its completion to the bench's collector, as Stepline's notify step does. Stepline's
 * objects and bindings are wrapped by the meter only while it is on (`/bench/meter`).
 */

// Loaded with their first instance, as src/index.ts does, and metered as loaded: an instance after
// the first is the loaded class itself, so a meter around the stand-in would not see its alarms.
export const RunObject = lazyObject(async () => metered((await import("../src/compose")).StepRunObject, "RunObject"));
export const ScheduleObject = lazyObject(async () =>
  metered((await import("../src/schedules/schedule-object")).ScheduleObject, "ScheduleObject"),
);
export const LimiterObject = metered(entry.LimiterObject, "LimiterObject");
export const WebhookSweeper = lazyObject(async () =>
  metered((await import("../src/webhooks/sweeper-object")).WebhookSweeper, "WebhookSweeper"),
);
export const RunIndexShard = metered(entry.RunIndexShard, "RunIndexShard", true);

interface ChainParams {
  id: string;
  n: number;
  sleepMs: number;
  collector: string;
  /** Each middle step fetches this URL (the http-chain figure) instead of adding one. */
  fetchUrl?: string;
}

export class ChainWorkflow extends WorkflowEntrypoint<Env, ChainParams> {
  async run(event: WorkflowEvent<ChainParams>, step: WorkflowStep) {
    const { id, n, sleepMs, collector, fetchUrl } = event.payload;
    const t0 = await step.do("mark", async () => Date.now());
    let value = 0;
    // n steps in all, as on the Stepline side: mark, n - 2 steps, notify.
    for (let i = 0; i < n - 2; i++) {
      value = await step.do(`s${i}`, async () => {
        if (!fetchUrl) return value + 1;
        const res = await fetch(fetchUrl, { method: "POST", body: JSON.stringify({ id, i }) });
        return res.status === 200 ? value + 1 : value;
      });
    }
    if (sleepMs > 0) await step.sleep("nap", sleepMs);
    await step.do("notify", async () => {
      await fetch(`${collector}/done`, { method: "POST", body: JSON.stringify({ id, t0, value }) });
      return true;
    });
  }
}

type BenchEnv = Env & { BENCH_CHAIN: Workflow<ChainParams> };

async function reference(request: Request, env: BenchEnv): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === "POST" && url.pathname === "/bench/reference/runs") {
    const params = (await request.json()) as ChainParams;
    const instance = await env.BENCH_CHAIN.create({ id: params.id, params });
    return Response.json({ id: instance.id }, { status: 201 });
  }
  const match = url.pathname.match(/^\/bench\/reference\/runs\/([^/]+)$/);
  if (request.method === "GET" && match) {
    const instance = await env.BENCH_CHAIN.get(match[1]);
    return Response.json(await instance.status());
  }
  return new Response("not found", { status: 404 });
}

/**
 * POST /bench/start-at {app_id, workflow_id, at}: starts a run whose id (and so its runs index
 * shard) carries the time `at`, so the scale phase can put runs on both sides of a month.
 */
async function startAt(request: Request, env: Env): Promise<Response> {
  const body = (await request.json()) as { app_id: string; workflow_id: string; at: number };
  const id = UUID.fromFieldsV7(
    body.at,
    Math.floor(Math.random() * 0x1000),
    Math.floor(Math.random() * 2 ** 30),
    Math.floor(Math.random() * 2 ** 32),
  );
  const { startRun } = await import("../src/services/runs");
  const run = await startRun(meteredEnv(env), body.app_id, { workflowId: body.workflow_id, id: id.toString() });
  return Response.json({ id: run.id }, { status: 201 });
}

/** GET /bench/meter reads the counters; POST ?on=1 answers them, resets them and turns the meter on (on=0: off). */
function meterRoute(request: Request): Response {
  const counts = meter.counts;
  if (request.method === "POST") resetMeter(new URL(request.url).searchParams.get("on") === "1");
  return Response.json(counts);
}

export default {
  ...stepline,
  fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path === "/bench/meter") return meterRoute(request);
    if (path.startsWith("/bench/reference/")) return reference(request, env as BenchEnv);
    if (path === "/bench/start-at") return startAt(request, env);
    if (meter.on) {
      meter.counts.workerRequests += 1;
      nextEpoch();
    }
    return stepline.fetch(request, meteredEnv(env), ctx);
  },
  queue(batch, env, ctx) {
    if (meter.on) {
      nextEpoch();
      meter.counts.queueInvocations += 1;
      meter.counts.queueDeliveries += batch.messages.length;
    }
    return stepline.queue(batch, meteredEnv(env), ctx);
  },
} satisfies ExportedHandler<Env>;
