import { expect, inject, it } from "vitest";
import { createWorkflow, fastForward, newApp, request, startRun, waitForRun } from "../../support/worker";

const counter = inject("counterUrl");

async function receivedCallbackUrl(name: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const stats = (await fetch(`${counter}/stats/${name}`).then((r) => r.json())) as { bodies: Array<{ callback_url?: string }> };
    const url = stats.bodies[0]?.callback_url;
    if (url) return url;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the service never received a callback URL");
}

async function waitingRun(timeout?: string) {
  const { call } = await newApp();
  const name = crypto.randomUUID();
  const wf = await createWorkflow(call, {
    steps: [
      {
        id: "job",
        type: "http",
        config: {
          method: "POST",
          url: `${counter}/count/${name}`,
          body: { prompt: "hi", callback_url: "https://user-value-is-overridden.example" },
          await_callback: timeout ? { timeout } : true,
        },
      },
      { id: "after", type: "transform", config: { value: "{{ steps.job.output.result }}" } },
    ],
  });
  const run = await startRun(call, wf);
  const url = new URL(await receivedCallbackUrl(name));
  return { call, run, path: url.pathname };
}

it("completes the waiting step with the callback body, once", async () => {
  const { call, run, path } = await waitingRun();
  expect(path).toMatch(/^\/v1\/callbacks\//);
  expect((await call("GET", `/v1/runs/${run.id}`)).body.steps[0].status).toBe("waiting");
  const first = await request("POST", path, { result: "done" });
  expect(first.status).toBe(200);
  const done = await waitForRun(call, run.id);
  expect(done.status).toBe("completed");
  expect(done.output).toBe("done");
  const second = await request("POST", path, { result: "again" });
  expect(second.status).toBe(409);
  expect(second.body.error.code).toBe("CALLBACK_ALREADY_USED");
});

it("answers 404 for an unknown or forged token", async () => {
  expect((await request("POST", "/v1/callbacks/nope", {})).status).toBe(404);
  const { path } = await waitingRun();
  const forged = `${path.slice(0, -3)}abc`;
  expect((await request("POST", forged, {})).status).toBe(404);
});

it("expires with the step's timeout", async () => {
  const { call, run, path } = await waitingRun("1h");
  await fastForward(run.id);
  const failed = await waitForRun(call, run.id);
  expect(failed.status).toBe("failed");
  expect(failed.error.code).toBe("CALLBACK_TIMEOUT");
  const late = await request("POST", path, { result: "late" });
  expect([409, 410]).toContain(late.status);
});
