import { ENDED_STATUSES, type Run, type SteplineService, serviceError } from "@stepline/client";

interface Env {
  STEPLINE: SteplineService;
}

/** Polls the run until it has ended: 50 ms apart at first, then at most 1 s apart. */
async function awaitRun(stepline: SteplineService, runId: string, timeoutMs: number): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    const run = await stepline.getRun(runId);
    if (ENDED_STATUSES.has(run.status) || Date.now() > deadline) return run;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * POST / with `{ "workflow_id": "...", "input": { ... } }` starts a run of that workflow
 * through the binding, waits for it (up to 30 s) and answers the run.
 */
export default {
  async fetch(request, env) {
    if (request.method !== "POST") return new Response('POST {"workflow_id": "...", "input": {...}}', { status: 405 });
    const { workflow_id, input } = await request.json<{ workflow_id: string; input?: unknown }>();
    try {
      const started = await env.STEPLINE.startRun(workflow_id, { input });
      return Response.json(await awaitRun(env.STEPLINE, started.id, 30_000));
    } catch (thrown) {
      const error = serviceError(thrown);
      const status = error.code.endsWith("NOT_FOUND") ? 404 : 400;
      return Response.json({ error: { code: error.code, message: error.message, details: error.details } }, { status });
    }
  },
} satisfies ExportedHandler<Env>;
