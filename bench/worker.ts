import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import stepline from "../src/index";

export { LimiterObject, RunObject, ScheduleObject, WebhookSweeper } from "../src/index";

/**
 * The bench-only worker: Stepline unchanged, plus a Cloudflare Workflows implementation of
 * the same work, so both are measured in one `wrangler dev` process. Each reference instance
 * pushes its completion to the bench's collector, as Stepline's notify step does.
 */

interface ChainParams {
  id: string;
  n: number;
  sleepMs: number;
  collector: string;
}

export class ChainWorkflow extends WorkflowEntrypoint<Env, ChainParams> {
  async run(event: WorkflowEvent<ChainParams>, step: WorkflowStep) {
    const { id, n, sleepMs, collector } = event.payload;
    const t0 = await step.do("mark", async () => Date.now());
    let value = 0;
    // n steps in all, as on the Stepline side: mark, n - 2 steps, notify.
    for (let i = 0; i < n - 2; i++) value = await step.do(`s${i}`, async () => value + 1);
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

export default {
  ...stepline,
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname.startsWith("/bench/reference/")) return reference(request, env as BenchEnv);
    return stepline.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
