import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { newE2eApp, type Stepline, startStepline } from "../../support/e2e/harness";
import { writeFigure } from "../../support/faults/results";

/**
 * 30 s of mixed traffic (create run 20%, get run 60%, list 20%) from as many concurrent
 * clients as the machine sustains with no errors; the figure is the rate and the p99.
 */
let server: Stepline | undefined;

afterAll(async () => {
  await server?.stop();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

it("serves 30 s of mixed traffic without an error", async () => {
  server = await startStepline();
  const { call } = await newE2eApp(server.url);
  const wf = (
    await call("POST", "/v1/workflows", { name: "load", steps: [{ id: "a", type: "transform", config: { value: "{{ input.n }}" } }] })
  ).body.id;
  const runs: string[] = [(await call("POST", `/v1/workflows/${wf}/runs`, { input: { n: 0 } })).body.id];
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + 30_000;
  const client = async () => {
    while (Date.now() < until) {
      const roll = Math.random();
      const started = performance.now();
      let status: number;
      if (roll < 0.2) {
        const res = await call("POST", `/v1/workflows/${wf}/runs`, { input: { n: latencies.length } });
        status = res.status;
        if (status === 201) runs.push(res.body.id);
      } else if (roll < 0.8) {
        status = (await call("GET", `/v1/runs/${runs[Math.floor(Math.random() * runs.length)]}`)).status;
      } else {
        status = (await call("GET", "/v1/runs?limit=20")).status;
      }
      latencies.push(performance.now() - started);
      if (status >= 400) errors += 1;
    }
  };
  // Concurrency chosen from this machine's capacity (2 cores): more clients only queue.
  await Promise.all(Array.from({ length: 16 }, client));
  const rate = latencies.length / 30;
  writeFigure("load", {
    rate_rps: Math.round(rate),
    p50_ms: Math.round(pct(latencies, 50)),
    p99_ms: Math.round(pct(latencies, 99)),
    errors,
    requests: latencies.length,
  });
  expect(errors).toBe(0);
});
