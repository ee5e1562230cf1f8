import { describe, expect, it } from "vitest";
import { withScheme } from "../../../src/engine/steps/http";
import { counter, dialectDocument, documentSchema, fakeLog, setVariables, webhookReceiver } from "../../support/dialects/common";
import { type Body, createWorkflow, eventually, newApp, request, waitForRun } from "../../support/worker";

/** docs/dialects/leap.md. Every test talks to /compat/leap the way a Leap client does. */

const LEAP_FIELDS = ["created_at", "ended_at", "error", "id", "input", "output", "started_at", "status", "version_id", "workflow_id"];

const leapCall = (key: string) => (method: string, path: string, body?: unknown) =>
  request(method, `/compat/leap${path}`, body, { "x-api-key": key });

/** Asserts the seed's run object, field by field, and returns it. */
function expectLeapRun(run: Body, status: "running" | "completed" | "failed"): Body {
  expect(Object.keys(run).sort()).toEqual(LEAP_FIELDS);
  expect(run.status).toBe(status);
  for (const field of ["id", "version_id", "created_at", "workflow_id"]) expect(typeof run[field]).toBe("string");
  for (const field of ["started_at", "ended_at"]) expect(run[field] === null || !Number.isNaN(Date.parse(run[field]))).toBe(true);
  expect(Number.isNaN(Date.parse(run.created_at))).toBe(false);
  expect(typeof run.input).toBe("object");
  expect(run.error === null || typeof run.error === "string").toBe(true);
  if (status !== "completed") expect(run.output).toBeNull();
  if (status === "running") expect(run.ended_at).toBeNull();
  else expect(typeof run.ended_at).toBe("string");
  return run;
}

async function leapApp() {
  const app = await newApp("leap client");
  return { ...app, leap: leapCall(app.key) };
}

const waits = { steps: [{ id: "approval", type: "wait_for_event", config: { event: "approved" } }] };

describe("runs", () => {
  it("starts a run from the seed's request body, word for word, and answers with the run object", async () => {
    const { call, leap } = await leapApp();
    const wf = await createWorkflow(call, waits);
    const seedBody = `{
      "workflow_id": "${wf}",
      "webhook_url": "",
      "inputs": {
        "foo": "bar"
      }
    }`;
    const started = await leap("POST", "/v1/runs", seedBody);
    expect(started.status).toBe(201);
    expectLeapRun(started.body, "running");
    expect(started.body).toMatchObject({ workflow_id: wf, input: { foo: "bar" }, error: null, version_id: `${wf}:v1` });

    const waiting = await waitForRun(call, started.body.id, (r) => r.status === "waiting");
    expect(waiting.surface).toBe("leap");
    const read = await leap("GET", `/v1/runs/${started.body.id}`);
    expect(read.status).toBe(200);
    expectLeapRun(read.body, "running");
    expect(read.body.started_at).not.toBeNull();
  });

  it("takes the run's variables from input, as Leap's SDK sends them, or from inputs, as its guide does", async () => {
    const { call, leap } = await leapApp();
    const shout = await createWorkflow(call, {
      steps: [{ id: "a", type: "transform", config: { value: "{{ $uppercase(input.word) }}" } }],
    });
    const viaInput = await leap("POST", "/v1/runs", { workflow_id: shout, input: { word: "sdk" } });
    const viaInputs = await leap("POST", "/v1/runs", { workflow_id: shout, inputs: { word: "guide" } });
    for (const [started, output] of [
      [viaInput, "SDK"],
      [viaInputs, "GUIDE"],
    ] as const) {
      expect(started.status).toBe(201);
      expect(started.body.input).toEqual({ word: output.toLowerCase() });
      await waitForRun(call, started.body.id);
      expect((await leap("GET", `/v1/runs/${started.body.id}`)).body).toMatchObject({ status: "completed", output });
    }
  });

  it("refuses input and inputs together, naming both, and starts nothing", async () => {
    const { call, leap } = await leapApp();
    const wf = await createWorkflow(call, waits);
    const both = await leap("POST", "/v1/runs", { workflow_id: wf, input: { word: "a" }, inputs: { word: "b" } });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe("VALIDATION_FAILED");
    expect(both.body.error.details).toEqual([{ path: "input", message: expect.stringMatching(/input or as inputs, not both/) }]);
    const empty = await leap("POST", "/v1/runs", { workflow_id: wf, input: {}, inputs: {} });
    expect(empty.status).toBe(400);
    const alsoNoWorkflow = await leap("POST", "/v1/runs", { input: {}, inputs: {} });
    expect(alsoNoWorkflow.body.error.details.map((d: Body) => d.path).sort()).toEqual(["input", "workflow_id"]);
    const notAnObject = await leap("POST", "/v1/runs", { workflow_id: wf, input: ["word"] });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.error.details[0].path).toBe("input");
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toHaveLength(0);
  });

  it("shows completed, failed and cancelled runs with Leap's statuses, errors and outputs", async () => {
    const { call, leap } = await leapApp();
    const done = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: "{{ input.n * 2 }}" } }] });
    const broken = await createWorkflow(call, { steps: [{ id: "a", type: "fail", config: { message: "no luck" } }] });
    const held = await createWorkflow(call, waits);

    const ok = await leap("POST", "/v1/runs", { workflow_id: done, inputs: { n: 21 } });
    const completed = expectLeapRun(
      (
        await eventually(
          () => leap("GET", `/v1/runs/${ok.body.id}`),
          (r) => r.body.status !== "running",
        )
      ).body,
      "completed",
    );
    expect(completed.output).toBe(42);
    expect(completed.error).toBeNull();

    const bad = await leap("POST", "/v1/runs", { workflow_id: broken, inputs: {} });
    const failed = expectLeapRun(
      (
        await eventually(
          () => leap("GET", `/v1/runs/${bad.body.id}`),
          (r) => r.body.status !== "running",
        )
      ).body,
      "failed",
    );
    expect(failed.error).toBe("no luck");

    const stopped = await leap("POST", "/v1/runs", { workflow_id: held, inputs: {} });
    await waitForRun(call, stopped.body.id, (r) => r.status === "waiting");
    expect((await call("POST", `/v1/runs/${stopped.body.id}/cancel`)).status).toBe(200);
    const cancelled = expectLeapRun((await leap("GET", `/v1/runs/${stopped.body.id}`)).body, "failed");
    expect(cancelled.error).toMatch(/cancelled/);
  });

  it("reads a run started through /v1 too", async () => {
    const { call, leap } = await leapApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: "native" } }] });
    const native = await call("POST", `/v1/workflows/${wf}/runs`, { input: { x: 1 } });
    await waitForRun(call, native.body.id);
    const read = expectLeapRun((await leap("GET", `/v1/runs/${native.body.id}`)).body, "completed");
    expect(read).toMatchObject({ output: "native", input: { x: 1 } });
  });

  it("answers bad requests with the native envelope and the right status", async () => {
    const { call, leap } = await leapApp();
    const wf = await createWorkflow(call, {
      input_schema: { type: "object", required: ["foo"], properties: { foo: { type: "string" } } },
      steps: [{ id: "a", type: "transform", config: { value: 1 } }],
    });
    const missingKey = await request("POST", "/compat/leap/v1/runs", { workflow_id: wf, inputs: { foo: "x" } });
    expect(missingKey.status).toBe(401);
    expect(missingKey.body.error.code).toBe("UNAUTHORIZED");
    expect((await request("GET", "/compat/leap/v1/runs/x", undefined, { "x-api-key": "sk_wrong" })).status).toBe(401);

    const badInput = await leap("POST", "/v1/runs", { workflow_id: wf, inputs: { foo: 7 } });
    expect(badInput.status).toBe(400);
    expect(badInput.body.error.code).toBe("INPUT_INVALID");
    expect(JSON.stringify(badInput.body.error.details)).toContain("input.foo");

    const noWorkflow = await leap("POST", "/v1/runs", { inputs: {} });
    expect(noWorkflow.status).toBe(400);
    expect(noWorkflow.body.error.details[0].path).toBe("workflow_id");

    const unknown = await leap("POST", "/v1/runs", { workflow_id: "0190aaaa-0000-7000-8000-000000000000", inputs: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("WORKFLOW_NOT_FOUND");
    expect((await leap("GET", "/v1/runs/0190aaaa-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toHaveLength(0);
  });

  it("keeps apps apart: another app's key gets 404 for the run and the workflow", async () => {
    const owner = await leapApp();
    const other = await leapApp();
    const wf = await createWorkflow(owner.call, waits);
    const run = await owner.leap("POST", "/v1/runs", { workflow_id: wf, inputs: {} });
    expect((await other.leap("GET", `/v1/runs/${run.body.id}`)).status).toBe(404);
    expect((await other.leap("POST", "/v1/runs", { workflow_id: wf, inputs: {} })).status).toBe(404);
  });
});

describe("webhooks", () => {
  it("POSTs the run object once when the run completes, signed, and never for waits", async () => {
    const { call, leap } = await leapApp();
    const hook = await webhookReceiver(call);
    const wf = await createWorkflow(call, {
      steps: [
        { id: "approval", type: "wait_for_event", config: { event: "approved" } },
        { id: "answer", type: "transform", config: { value: "{{ steps.approval.output.payload.by }}" } },
      ],
    });
    const run = await leap("POST", "/v1/runs", { workflow_id: wf, webhook_url: hook.url, inputs: { foo: "bar" } });
    await waitForRun(call, run.body.id, (r) => r.status === "waiting");
    await call("POST", `/v1/runs/${run.body.id}/events`, { name: "approved", payload: { by: "Grace" } });
    const calls = await eventually(hook.calls, (c) => c.length > 0);
    expect(calls[0].valid).toBe(true);
    expectLeapRun(calls[0].body, "completed");
    expect(calls[0].body).toMatchObject({ id: run.body.id, output: "Grace", input: { foo: "bar" } });
    const deliveries = (await call("GET", `/v1/runs/${run.body.id}/deliveries`)).body.data;
    expect(deliveries.map((d: Body) => d.event)).toEqual(["run.completed"]);
  });

  it("POSTs a failed run object for a failure and for a cancel", async () => {
    const { call, leap } = await leapApp();
    const hook = await webhookReceiver(call);
    const broken = await createWorkflow(call, { steps: [{ id: "a", type: "fail", config: { message: "broken" } }] });
    const held = await createWorkflow(call, waits);
    const failed = await leap("POST", "/v1/runs", { workflow_id: broken, webhook_url: hook.url, inputs: {} });
    const cancelled = await leap("POST", "/v1/runs", { workflow_id: held, webhook_url: hook.url, inputs: {} });
    await waitForRun(call, cancelled.body.id, (r) => r.status === "waiting");
    await call("POST", `/v1/runs/${cancelled.body.id}/cancel`);
    const calls = await eventually(hook.calls, (c) => c.length >= 2);
    const byId = new Map(calls.map((c) => [c.body.id, c]));
    expect(byId.get(failed.body.id)?.body).toMatchObject({ status: "failed", error: "broken", output: null });
    expect(byId.get(cancelled.body.id)?.body.status).toBe("failed");
    expect(calls.every((c) => c.valid)).toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe("actions and the HTTP utility", () => {
  it("calls the HTTP utility's url with pathParams filled in, queryParams appended, headers and body kept", async () => {
    const { call, leap } = await leapApp();
    const wf = await createWorkflow(call, {
      steps: [
        {
          id: "call",
          type: "http",
          config: {
            url: `${counter}/echo/{kind}/{id}`,
            method: "POST",
            headers: { "x-team": "{{ input.team }}" },
            pathParams: { kind: "orders", id: "a b/1" },
            queryParams: { page: 2, tag: ["x", "y"] },
            body: { foo: "{{ input.foo }}", nested: { n: 1 } },
          },
        },
      ],
    });
    const run = await leap("POST", "/v1/runs", { workflow_id: wf, inputs: { team: "blue", foo: "bar" } });
    const done = await eventually(
      () => leap("GET", `/v1/runs/${run.body.id}`),
      (r) => r.body.status !== "running",
    );
    expect(done.body.status).toBe("completed");
    const echoed = done.body.output.body;
    expect(echoed.method).toBe("POST");
    expect(echoed.path).toBe("/echo/orders/a%20b%2F1");
    expect(echoed.query).toEqual({ page: "2", tag: "y" });
    expect(echoed.headers["x-team"]).toBe("blue");
    expect(echoed.headers["content-type"]).toBe("application/json");
    expect(echoed.body).toEqual({ foo: "bar", nested: { n: 1 } });
  });

  it("takes a url without a scheme as https", () => {
    expect(withScheme("someapp.com/api")).toBe("https://someapp.com/api");
    expect(withScheme("localhost:8080/x")).toBe("https://localhost:8080/x");
    expect(withScheme("http://someapp.com/api")).toBe("http://someapp.com/api");
  });

  it("runs a Replicate action whose webhook is always Stepline's callback, never the user's", async () => {
    const { call, leap } = await leapApp();
    await setVariables(call, { REPLICATE_API_TOKEN: "r8_leap_token", REPLICATE_BASE_URL: `${counter}/fake/replicate` });
    const userHook = `${counter}/count/leap-user-webhook-${crypto.randomUUID()}`;
    const wf = await createWorkflow(call, {
      steps: [
        {
          id: "predict",
          type: "replicate",
          config: {
            pathParams: { owner: "acme", name: "painter" },
            body: { input: { prompt: "{{ input.prompt }}" }, webhook: userHook },
          },
        },
      ],
    });
    const run = await leap("POST", "/v1/runs", { workflow_id: wf, inputs: { prompt: "a leap cat" } });
    const sent = await eventually(fakeLog, (log) => log.some((l) => (l.body?.input as Body)?.prompt === "a leap cat"));
    const created = sent.find((l) => (l.body?.input as Body)?.prompt === "a leap cat") as Body;
    expect(created.path).toBe("/fake/replicate/models/acme/painter/predictions");
    expect(created.authorization).toBe("Bearer r8_leap_token");
    expect(created.body.webhook).toMatch(/\/v1\/callbacks\//);
    expect(created.body.webhook).not.toBe(userHook);
    const callback = await request("POST", new URL(created.body.webhook).pathname, {
      id: "p-leap",
      status: "succeeded",
      output: ["cat.png"],
    });
    expect(callback.status).toBe(200);
    const done = await eventually(
      () => leap("GET", `/v1/runs/${run.body.id}`),
      (r) => r.body.status !== "running",
    );
    expectLeapRun(done.body, "completed");
    expect(done.body.output).toMatchObject({ status: "succeeded", output: ["cat.png"] });
    const stats = await fetch(`${counter}/stats/${new URL(userHook).pathname.split("/").pop()}`).then((r) => r.json());
    expect((stats as Body).hits).toBe(0);
  });

  it("runs OpenAI and Astria actions with Leap's { pathParams, queryParams, body }", async () => {
    const { call, leap } = await leapApp();
    await setVariables(call, {
      OPENAI_API_KEY: "sk-openai-leap",
      OPENAI_BASE_URL: `${counter}/fake/openai`,
      ASTRIA_API_KEY: "astria-leap-key",
      ASTRIA_BASE_URL: `${counter}/fake/astria`,
    });
    const wf = await createWorkflow(call, {
      steps: [
        { id: "chat", type: "openai", config: { body: { model: "gpt-4o", messages: [{ role: "user", content: "hi from leap" }] } } },
        {
          id: "portrait",
          type: "astria",
          config: {
            operation: "prompts.create",
            pathParams: { tune_id: 77 },
            body: { prompt: { text: "{{ steps.chat.output.choices[0].message.content }}" } },
          },
        },
      ],
    });
    const run = await leap("POST", "/v1/runs", { workflow_id: wf, inputs: {} });
    const sent = await eventually(fakeLog, (log) =>
      log.some((l) => l.path === "/fake/astria/tunes/77/prompts" && (l.body?.prompt as Body)?.text === "hello"),
    );
    const astria = sent.filter((l) => l.path === "/fake/astria/tunes/77/prompts").at(-1) as Body;
    expect(astria.authorization).toBe("Bearer astria-leap-key");
    expect(astria.body.prompt.callback).toMatch(/\/v1\/callbacks\//);
    await request("POST", new URL(astria.body.prompt.callback).pathname, { id: 9, images: ["portrait.png"] });
    const done = await eventually(
      () => leap("GET", `/v1/runs/${run.body.id}`),
      (r) => r.body.status !== "running",
    );
    expect(done.body.status).toBe("completed");
    expect(done.body.output).toMatchObject({ images: ["portrait.png"] });
    // The fake providers' log is shared by every test file: this run's request is the one with its body.
    const chat = sent.find(
      (l) => l.path === "/fake/openai/chat/completions" && JSON.stringify(l.body?.messages)?.includes("hi from leap"),
    ) as Body;
    expect(chat.authorization).toBe("Bearer sk-openai-leap");
  });

  it("refuses an action with an operation its provider does not offer, naming it", async () => {
    const { call } = await leapApp();
    const res = await call("POST", "/v1/workflows", { name: "x", steps: [{ id: "a", type: "openai", config: { operation: "nope" } }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({
      path: "steps[0].config.operation",
      message: expect.stringContaining("chat.completions"),
    });
  });
});

describe("OpenAPI document", () => {
  it("is generated for the dialect and describes what the API answers", async () => {
    const doc = await dialectDocument("leap");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe("/compat/leap");
    expect(Object.keys(doc.paths).sort()).toEqual(["/v1/runs", "/v1/runs/{workflow_run_id}"]);
    expect(doc.paths["/v1/runs"].post.operationId).toBe("createRun");
    expect(Object.keys(doc.components.schemas.LeapWorkflowRun.properties).sort()).toEqual(LEAP_FIELDS);
    expect(doc.components.securitySchemes.Credential).toEqual({ type: "apiKey", in: "header", name: "X-Api-Key" });
    expect((await request("GET", "/docs")).body).toContain("/compat/leap/openapi.json");
    const native = (await request("GET", "/openapi.json")).body;
    expect(Object.keys(native.paths).some((p) => p.startsWith("/compat"))).toBe(false);

    const { call, leap } = await leapApp();
    const wf = await createWorkflow(call, waits);
    const requestErrors = documentSchema(doc, "LeapRunRequest")({ workflow_id: wf, webhook_url: "", inputs: { foo: "bar" } });
    expect(requestErrors).toEqual([]);
    const runRequest = documentSchema(doc, "LeapRunRequest");
    expect(runRequest({ workflow_id: wf, webhook_url: "https://example.com/hook", input: { foo: "bar" } })).toEqual([]);
    expect(runRequest({ workflow_id: wf, input: {}, inputs: {} })).not.toEqual([]);
    expect(doc.components.schemas.LeapRunRequest.properties.input.description).toMatch(/not both/);
    const run = await leap("POST", "/v1/runs", { workflow_id: wf, inputs: { foo: "bar" } });
    expect(documentSchema(doc, "LeapWorkflowRun")(run.body)).toEqual([]);
    expect(documentSchema(doc, "LeapWorkflowRun")({ ...run.body, status: "waiting" })).not.toEqual([]);
  });
});
