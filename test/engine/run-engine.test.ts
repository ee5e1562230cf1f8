import { abortAllDurableObjects, runDurableObjectAlarm } from "cloudflare:test";
import { expect, inject, it } from "vitest";
import { createWorkflow, fastForward, newApp, runObject, startRun, waitForRun } from "../support/worker";

const counter = inject("counterUrl");

it("runs a three-step chain", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, {
    steps: [
      { id: "a", type: "transform", config: { value: "{{ input.n + 1 }}" } },
      { id: "b", type: "transform", config: { value: "{{ prev * 2 }}" } },
      { id: "c", type: "transform", config: { value: { result: "{{ prev }}", a: "{{ steps.a.output }}" } } },
    ],
  });
  const run = await startRun(call, wf, { input: { n: 1 } });
  const done = await waitForRun(call, run.id);
  expect(done.status).toBe("completed");
  expect(done.output).toEqual({ result: 4, a: 2 });
});

it("sleeps on a durable timer that never fires early", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, {
    steps: [
      { id: "nap", type: "sleep", config: { duration: "1h" } },
      { id: "after", type: "transform", config: { value: "woke" } },
    ],
  });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.status === "waiting");
  await runDurableObjectAlarm(runObject(run.id));
  expect((await call("GET", `/v1/runs/${run.id}`)).body.status).toBe("waiting");
  await fastForward(run.id);
  const done = await waitForRun(call, run.id);
  expect(done.status).toBe("completed");
  expect(done.output).toBe("woke");
});

it("runs an interrupted http step again as attempt 2 and keeps completed steps", async () => {
  const { call } = await newApp();
  const name = crypto.randomUUID();
  const wf = await createWorkflow(call, {
    steps: [
      { id: "first", type: "http", config: { url: `${counter}/count/${name}-first`, method: "POST" } },
      { id: "slow", type: "http", config: { url: `${counter}/hang/${name}-slow` } },
    ],
  });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.steps[1].status === "running");
  await abortAllDurableObjects();
  const after = await waitForRun(call, run.id, (r) => r.steps[1].attempts === 2);
  expect(after.steps[0]).toMatchObject({ status: "completed", attempts: 1 });
  const first = (await fetch(`${counter}/stats/${name}-first`).then((r) => r.json())) as { hits: number };
  const slow = (await fetch(`${counter}/stats/${name}-slow`).then((r) => r.json())) as { hits: number; keys: Record<string, number> };
  expect(first.hits).toBe(1);
  expect(slow.hits).toBe(2);
  expect(Object.keys(slow.keys)).toEqual([`${run.id}:slow:0`]);
  await call("POST", `/v1/runs/${run.id}/cancel`);
});
