import { env, runDurableObjectAlarm } from "cloudflare:test";
import { expect, it } from "vitest";
import { newApp } from "../helpers";

it("runs a three-step chain", async () => {
  const { call } = await newApp();
  const wf = await call("POST", "/v1/workflows", {
    name: "chain",
    steps: [
      { id: "a", type: "transform", config: { value: "{{ input.n + 1 }}" } },
      { id: "b", type: "transform", config: { value: "{{ prev * 2 }}" } },
      { id: "c", type: "transform", config: { value: { result: "{{ prev }}", a: "{{ steps.a.output }}" } } },
    ],
  });
  expect(wf.status).toBe(201);
  const run = await call("POST", `/v1/workflows/${wf.body.id}/runs`, { input: { n: 1 } });
  expect(run.status, JSON.stringify(run.body)).toBe(201);
  let got = run;
  for (let i = 0; i < 50 && !["completed", "failed"].includes(got.body.status); i++) {
    await new Promise((r) => setTimeout(r, 20));
    got = await call("GET", `/v1/runs/${run.body.id}`);
  }
  expect(got.body.status, JSON.stringify(got.body)).toBe("completed");
  expect(got.body.output).toEqual({ result: 4, a: 2 });
  const list = await call("GET", "/v1/runs");
  expect(list.body.data[0].status).toBe("completed");
  const stub = env.RUNS.get(env.RUNS.idFromName(run.body.id));
  expect(await runDurableObjectAlarm(stub)).toBe(true);
});
