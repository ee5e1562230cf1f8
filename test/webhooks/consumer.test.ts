import { Webhook } from "standardwebhooks";
import { expect, inject, it } from "vitest";
import { type Call, createWorkflow, eventually, newApp, startRun, waitForRun } from "../support/worker";

const counter = inject("counterUrl");

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  valid: boolean;
  at: number;
  body: { type: string; data: { id: string; status: string } };
}

async function receiver(secret: string, statuses: number[] = [], headers: Record<string, string> = {}) {
  const name = crypto.randomUUID();
  await fetch(`${counter}/receivers/${name}`, { method: "POST", body: JSON.stringify({ secret, statuses, headers }) });
  return {
    url: `${counter}/hook/${name}`,
    calls: async () => (await fetch(`${counter}/hooks/${name}`).then((r) => r.json())) as Received[],
  };
}

async function deliveryOf(call: Call, runId: string, status: string) {
  const list = await eventually(
    () => call("GET", `/v1/runs/${runId}/deliveries`),
    (r) => r.body.data.length > 0,
  );
  return eventually(
    () => call("GET", `/v1/deliveries/${list.body.data[0].id}`),
    (d) => d.body.status === status,
  );
}

async function setup(statuses: number[] = [], headers: Record<string, string> = {}) {
  const app = await newApp();
  const { secret } = (await app.call("GET", "/v1/webhook-secret")).body;
  const hook = await receiver(secret, statuses, headers);
  const wf = await createWorkflow(app.call, { webhook_url: hook.url, steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  return { ...app, secret, hook, wf };
}

it("fails a delivery after the whole schedule, then redelivers it on request", async () => {
  const { call, hook, wf } = await setup([500, 500, 500]);
  const run = await startRun(call, wf);
  const failed = await deliveryOf(call, run.id, "failed");
  expect(failed.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 500]);
  const again = await call("POST", `/v1/deliveries/${failed.body.id}/redeliver`);
  expect(again.status).toBe(200);
  const delivered = await deliveryOf(call, run.id, "delivered");
  expect(delivered.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 500, 200]);
  expect(new Set((await hook.calls()).map((c) => c.id)).size).toBe(1);
}, 20_000);

it("honours Retry-After on 429", async () => {
  const { call, hook, wf } = await setup([429], { "retry-after": "3" });
  const run = await startRun(call, wf);
  await deliveryOf(call, run.id, "delivered");
  const calls = await hook.calls();
  expect(calls).toHaveLength(2);
  expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(2900);
}, 20_000);

it("treats a redirect as a failure and never follows it", async () => {
  const target = crypto.randomUUID();
  const { call, hook, wf } = await setup([302, 302, 302], { location: `${counter}/count/${target}` });
  const run = await startRun(call, wf);
  const failed = await deliveryOf(call, run.id, "failed");
  expect(failed.body.attempts[0]).toMatchObject({ status_code: 302 });
  expect(failed.body.attempts[0].error).toMatch(/redirect/);
  expect((await hook.calls()).length).toBe(3);
  const followed = (await fetch(`${counter}/stats/${target}`).then((r) => r.json())) as { hits: number };
  expect(followed.hits).toBe(0);
}, 20_000);

it("stops a delivery at once on 410", async () => {
  const { call, wf } = await setup([410]);
  const run = await startRun(call, wf);
  const failed = await deliveryOf(call, run.id, "failed");
  expect(failed.body.attempts).toHaveLength(1);
});

it("signs so that one changed byte fails verification", async () => {
  const { call, secret, hook, wf } = await setup();
  const run = await startRun(call, wf);
  await deliveryOf(call, run.id, "delivered");
  const [received] = await hook.calls();
  expect(received.valid).toBe(true);
  const body = JSON.stringify(received.body);
  const headers = { "webhook-id": received.id, "webhook-timestamp": received.timestamp, "webhook-signature": received.signature };
  const tampered = body.replace('"completed"', '"complete!"');
  expect(tampered).not.toBe(body);
  expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
});

it("sends exactly one terminal webhook per run when cancel races completion", async () => {
  const { call, hook } = await setup();
  const wf = await createWorkflow(call, {
    webhook_url: hook.url,
    steps: [
      { id: "w", type: "wait_for_event", config: { event: "go" } },
      { id: "after", type: "transform", config: { value: "done" } },
    ],
  });
  const runs = await Promise.all(Array.from({ length: 8 }, () => startRun(call, wf)));
  await Promise.all(runs.map((r) => waitForRun(call, r.id, (v) => v.status === "waiting")));
  await Promise.all(
    runs.flatMap((r) => [call("POST", `/v1/runs/${r.id}/events`, { name: "go" }), call("POST", `/v1/runs/${r.id}/cancel`)]),
  );
  const finals = await Promise.all(runs.map((r) => waitForRun(call, r.id)));
  const calls = await eventually(hook.calls, (c) => c.filter((x) => x.body.type !== "run.waiting").length >= runs.length);
  await new Promise((r) => setTimeout(r, 1500));
  for (const run of finals) {
    const terminal = (await hook.calls()).filter((c) => c.body.data.id === run.id && c.body.type !== "run.waiting");
    expect(terminal.map((c) => c.body.type)).toEqual([`run.${run.status}`]);
  }
  expect(calls.some((c) => c.body.type === "run.waiting")).toBe(true);
}, 20_000);
