import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newE2eApp, type Receiver, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";

/**
 * The engine's durability against a real crash: wrangler dev is SIGKILLed while a run sleeps,
 * restarted on the same state folder, and the run completes with each side effect done once.
 */
let server: Stepline;
let counter: Receiver;

beforeAll(async () => {
  counter = await startReceiver();
  server = await startStepline();
});

afterAll(async () => {
  await server?.stop();
  await counter?.close();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

it("finishes a run whose server was SIGKILLed during its sleep, each effect once", async () => {
  const { call } = await newE2eApp(server.url);
  const created = await call("POST", "/v1/workflows", {
    name: "crash me",
    steps: [
      { id: "before", type: "http", config: { method: "POST", url: `${counter.url}/before`, body: { run: "{{ run.id }}" } } },
      { id: "nap", type: "sleep", config: { duration: "3s" } },
      { id: "after", type: "http", config: { method: "POST", url: `${counter.url}/after`, body: { run: "{{ run.id }}" } } },
    ],
  });
  expect(created.status).toBe(201);
  const run = await call("POST", `/v1/workflows/${created.body.id}/runs`, {});
  expect(run.status).toBe(201);
  for (;;) {
    const got = await call("GET", `/v1/runs/${run.body.id}`);
    if (got.body.status === "waiting") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await server.kill();
  // Down past the sleep's due time: the alarm fires after the restart, never before it is due.
  await new Promise((r) => setTimeout(r, 3500));
  server = await server.restart();
  const deadline = Date.now() + 60_000;
  let final: { status: string; steps: Array<{ id: string; attempts: number }> } | undefined;
  while (Date.now() < deadline) {
    const got = await call("GET", `/v1/runs/${run.body.id}`);
    if (["completed", "failed", "cancelled"].includes(got.body.status)) {
      final = got.body;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(final?.status).toBe("completed");
  const keys = (path: string) => counter.requests.filter((r) => r.path === path).map((r) => r.headers["idempotency-key"]);
  expect(keys("/before")).toEqual([`${run.body.id}:before:0`]);
  expect(keys("/after")).toEqual([`${run.body.id}:after:0`]);
  expect(final?.steps.map((s) => s.attempts)).toEqual([1, 1, 1]);
});
