import { expect, inject, it } from "vitest";
import { createWorkflow, newApp, startRun, waitForRun } from "../support/worker";

const counter = inject("counterUrl");
const SECRET = "sk-live-4f9a8b7c6d5e4f3a2b1c";

it("stores secret variables encrypted and never returns them", async () => {
  const { call, id } = await newApp();
  const put = await call("PUT", "/v1/profiles/prod/variables/API_TOKEN", { value: SECRET, secret: true });
  expect(put.status).toBe(200);
  expect(put.body).toMatchObject({ name: "API_TOKEN", secret: true, value: null });
  expect(JSON.stringify((await call("GET", "/v1/profiles/prod/variables")).body)).not.toContain(SECRET);
  const { env } = await import("cloudflare:test");
  const row = await env.DB.prepare("SELECT value FROM variables WHERE app_id = ? AND name = 'API_TOKEN'")
    .bind(id)
    .first<{ value: string }>();
  expect(row?.value).not.toContain(SECRET);
  expect((await call("GET", "/v1/profiles")).body.data.map((p: { name: string }) => p.name)).toEqual(["default", "prod"]);
});

it("masks a secret that a server echoes back, in outputs, events, deliveries and webhook bodies", async () => {
  const { call } = await newApp();
  await call("PUT", "/v1/profiles/prod/variables/API_TOKEN", { value: SECRET, secret: true });
  await call("PUT", "/v1/profiles/prod/variables/REGION", { value: "eu", secret: false });
  const { secret: whsec } = (await call("GET", "/v1/webhook-secret")).body;
  const hook = crypto.randomUUID();
  await fetch(`${counter}/receivers/${hook}`, { method: "POST", body: JSON.stringify({ secret: whsec }) });
  const wf = await createWorkflow(call, {
    webhook_url: `${counter}/hook/${hook}`,
    steps: [
      { id: "call", type: "http", config: { url: `${counter}/echo`, headers: { authorization: "Bearer {{ vars.API_TOKEN }}" } } },
      {
        id: "boom",
        type: "fail",
        config: { message: "failed with {{ steps.call.output.body.headers.authorization }} in {{ vars.REGION }}" },
        on_error: "continue",
      },
    ],
    output: { echoed: "{{ steps.call.output.body.headers.authorization }}", region: "{{ vars.REGION }}" },
  });
  const run = await startRun(call, wf, { profile: "prod" });
  const done = await waitForRun(call, run.id);
  expect(done.status).toBe("completed");
  expect(done.output).toEqual({ echoed: "Bearer ***", region: "eu" });
  const everything = [
    JSON.stringify(done),
    JSON.stringify((await call("GET", `/v1/runs/${run.id}/events?limit=1000`)).body),
    JSON.stringify((await call("GET", "/v1/runs")).body),
  ];
  for (let i = 0; i < 100; i++) {
    const hooks = (await fetch(`${counter}/hooks/${hook}`).then((r) => r.json())) as unknown[];
    if (hooks.length > 0) {
      everything.push(JSON.stringify(hooks));
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const deliveries = (await call("GET", `/v1/runs/${run.id}/deliveries`)).body.data;
  expect(deliveries.length).toBe(1);
  everything.push(JSON.stringify((await call("GET", `/v1/deliveries/${deliveries[0].id}`)).body));
  expect(everything.length).toBe(5);
  for (const text of everything) expect(text).not.toContain(SECRET);
  expect(everything[0]).toContain("failed with Bearer *** in eu");
});

it("starts each run with the variables as they are, even right after one changed or was deleted", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: "{{ vars.REGION }}" } }] });
  const outputOfRun = async () => (await waitForRun(call, (await startRun(call, wf, { profile: "prod" })).id)).output;
  await call("PUT", "/v1/profiles/prod/variables/REGION", { value: "eu" });
  await call("PUT", "/v1/profiles/prod/variables/KEEP", { value: "k" });
  expect(await outputOfRun()).toBe("eu");
  await call("PUT", "/v1/profiles/prod/variables/REGION", { value: "us" });
  expect(await outputOfRun()).toBe("us");
  await call("DELETE", "/v1/profiles/prod/variables/REGION");
  expect(await outputOfRun()).toBeNull();
});

it("refuses a run in a profile that does not exist", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  const res = await call("POST", `/v1/workflows/${wf}/runs`, { profile: "nope" });
  expect(res.status).toBe(400);
  expect(res.body.error.details[0].path).toBe("profile");
});
