import { expect, inject, it } from "vitest";
import { createWorkflow, eventually, newApp, startRun, waitForRun } from "../support/worker";

const counter = inject("counterUrl");

async function receiver(name: string, secret: string, statuses: number[] = [], headers: Record<string, string> = {}) {
  await fetch(`${counter}/receivers/${name}`, { method: "POST", body: JSON.stringify({ secret, statuses, headers }) });
  return `${counter}/hook/${name}`;
}

const calls = async (name: string) =>
  (await fetch(`${counter}/hooks/${name}`).then((r) => r.json())) as Array<{
    id: string;
    valid: boolean;
    at: number;
    body: { type: string; data: { id: string; output: unknown } };
  }>;

it("delivers a signed run.completed webhook, retrying 503s with one webhook-id", async () => {
  const { call } = await newApp();
  const { secret } = (await call("GET", "/v1/webhook-secret")).body;
  const name = crypto.randomUUID();
  const url = await receiver(name, secret, [503, 503, 200]);
  const wf = await createWorkflow(call, { webhook_url: url, steps: [{ id: "a", type: "transform", config: { value: 42 } }] });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id);
  const got = await eventually(
    () => calls(name),
    (c) => c.length >= 3,
    15000,
  ).catch(async (e) => {
    console.log("deliveries", JSON.stringify((await call("GET", `/v1/runs/${run.id}/deliveries`)).body));
    throw e;
  });
  expect(got.every((c) => c.valid)).toBe(true);
  expect(new Set(got.map((c) => c.id)).size).toBe(1);
  expect(got[2].body).toMatchObject({ type: "run.completed", data: { id: run.id, output: 42 } });
  const deliveries = (await call("GET", `/v1/runs/${run.id}/deliveries`)).body.data;
  expect(deliveries).toHaveLength(1);
  const detail = await eventually(
    () => call("GET", `/v1/deliveries/${deliveries[0].id}`),
    (d) => d.body.status === "delivered",
  );
  expect(detail.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([503, 503, 200]);
}, 20_000);
