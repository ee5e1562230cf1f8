import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { freePort, newE2eApp, type Receiver, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";

/**
 * The Replicate flow over real HTTP: a fake Replicate in Node receives the prediction with
 * Stepline's callback URL as its webhook, answers "starting", and later POSTs the finished
 * prediction to that URL; the run completes with it.
 */
let server: Stepline | undefined;
let replicate: Receiver | undefined;

afterAll(async () => {
  await server?.stop();
  await replicate?.close();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

it("completes a run when the fake Replicate calls Stepline's injected callback URL", async () => {
  replicate = await startReceiver((request) => {
    if (request.method === "POST" && request.path === "/v1/predictions") {
      const { webhook } = JSON.parse(request.body) as { webhook: string };
      // Like Replicate: answer at once, call the webhook when the prediction is done.
      setTimeout(() => {
        void fetch(webhook, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id: "p-e2e", status: "succeeded", output: ["https://example.com/e2e.png"] }),
        });
      }, 300);
      return { status: 201, body: { id: "p-e2e", status: "starting", urls: { get: "unused" } } };
    }
    return { status: 404 };
  });
  const port = await freePort();
  server = await startStepline({ port, vars: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  const { call } = await newE2eApp(server.url);
  await call("PUT", "/v1/profiles/default/variables/REPLICATE_API_TOKEN", { value: "r8_e2e_token_value", secret: true });
  await call("PUT", "/v1/profiles/default/variables/REPLICATE_BASE_URL", { value: `${replicate.url}/v1` });
  const created = await call("POST", "/v1/workflows", {
    name: "replicate e2e",
    steps: [
      {
        id: "predict",
        type: "integration",
        config: { provider: "replicate", operation: "predictions.create", body: { version: "v", input: { prompt: "cat" } } },
      },
    ],
  });
  expect(created.status).toBe(201);
  const run = await call("POST", `/v1/workflows/${created.body.id}/runs`, {});
  let view = run.body;
  for (let i = 0; i < 200 && !["completed", "failed"].includes(view.status); i++) {
    await new Promise((r) => setTimeout(r, 50));
    view = (await call("GET", `/v1/runs/${run.body.id}`)).body;
  }
  expect(view.status).toBe("completed");
  expect(view.output).toMatchObject({ status: "succeeded", output: ["https://example.com/e2e.png"] });
  const sent = JSON.parse(replicate.requests[0].body);
  expect(sent.webhook).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/v1/callbacks/`));
  expect(replicate.requests[0].headers.authorization).toBe("Bearer r8_e2e_token_value");
});
