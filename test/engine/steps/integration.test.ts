import { expect, inject, it } from "vitest";
import { type Body, type Call, createWorkflow, newApp, request, startRun, waitForRun } from "../../support/worker";

const counter = inject("counterUrl");
const KEY = "sk-provider-secret-1234";

type Logged = { method: string; path: string; authorization?: string; body: Record<string, unknown> | null };
const fakeLog = async () => (await fetch(`${counter}/fake-log`).then((r) => r.json())) as Logged[];

async function appWith(vars: Record<string, string>): Promise<Call> {
  const { call } = await newApp();
  for (const [name, value] of Object.entries(vars)) {
    await call("PUT", `/v1/profiles/default/variables/${name}`, { value, secret: name.endsWith("KEY") || name.endsWith("TOKEN") });
  }
  return call;
}

const step = (config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  steps: [{ id: "ai", type: "integration", config, ...extra }],
});

it("calls OpenAI chat completions with the profile's key, never showing it", async () => {
  const call = await appWith({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${counter}/fake/openai` });
  const wf = await createWorkflow(
    call,
    step({ provider: "openai", operation: "chat.completions", body: { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] } }),
  );
  const run = await waitForRun(call, (await startRun(call, wf)).id);
  expect(run.status).toBe("completed");
  expect(run.output.choices[0].message.content).toBe("hello");
  // The fake providers' log is shared by every test file: this run's request is the one with its body.
  const sent = (await fakeLog())
    .filter((l) => l.path === "/fake/openai/chat/completions" && JSON.stringify(l.body?.messages) === '[{"role":"user","content":"hi"}]')
    .at(-1);
  expect(sent?.authorization).toBe(`Bearer ${KEY}`);
  expect(sent?.body).toMatchObject({ model: "gpt-4o" });
  expect(JSON.stringify(run)).not.toContain(KEY);
});

it("fails at once, naming the variable, when a credential is missing", async () => {
  const call = await appWith({});
  const wf = await createWorkflow(call, step({ provider: "openai", operation: "chat.completions", body: {} }));
  const run = await waitForRun(call, (await startRun(call, wf)).id);
  expect(run.status).toBe("failed");
  expect(run.error).toMatchObject({ code: "MISSING_CREDENTIAL" });
  expect(run.error.message).toContain("OPENAI_API_KEY");
  expect(run.steps[0].attempts).toBe(1);
});

it("waits for Replicate's webhook, always Stepline's callback URL, and completes with the prediction", async () => {
  const call = await appWith({ REPLICATE_API_TOKEN: KEY, REPLICATE_BASE_URL: `${counter}/fake/replicate` });
  const wf = await createWorkflow(
    call,
    step({
      provider: "replicate",
      operation: "predictions.create",
      body: { version: "abc", input: { prompt: "a cat" }, webhook: "https://mine.example/hook" },
    }),
  );
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.steps[0].status === "waiting");
  let created: Logged | undefined;
  for (let i = 0; i < 100 && !created; i++) {
    created = (await fakeLog()).find(
      (l) => l.method === "POST" && l.path === "/fake/replicate/predictions" && (l.body?.input as { prompt?: string })?.prompt === "a cat",
    );
    if (!created) await new Promise((r) => setTimeout(r, 10));
  }
  const webhook = String(created?.body?.webhook);
  expect(webhook).toMatch(/\/v1\/callbacks\//);
  expect(created?.body?.webhook_events_filter).toEqual(["completed"]);
  const done = await request("POST", new URL(webhook).pathname, { id: "p1", status: "succeeded", output: ["https://example.com/cat.png"] });
  expect(done.status).toBe(200);
  const finished = await waitForRun(call, run.id);
  expect(finished.output).toMatchObject({ status: "succeeded", output: ["https://example.com/cat.png"] });
});

it("polls a Replicate prediction until it succeeds", async () => {
  const call = await appWith({ REPLICATE_API_TOKEN: KEY, REPLICATE_BASE_URL: `${counter}/fake/replicate` });
  const wf = await createWorkflow(
    call,
    step({
      provider: "replicate",
      operation: "predictions.create",
      wait: "poll",
      poll_interval: "10ms",
      body: { version: "abc", input: {} },
    }),
  );
  const run = await waitForRun(call, (await startRun(call, wf)).id);
  expect(run.status).toBe("completed");
  expect(run.output.status).toBe("succeeded");
});

it("runs fal's queue flow: submit, poll status, fetch the result", async () => {
  const call = await appWith({ FAL_KEY: KEY, FAL_BASE_URL: `${counter}/fake/fal` });
  const wf = await createWorkflow(
    call,
    step({
      provider: "fal",
      operation: "queue.submit",
      pathParams: { app_id: "fal-ai/flux/dev" },
      poll_interval: "10ms",
      body: { prompt: "x" },
    }),
  );
  const run = await waitForRun(call, (await startRun(call, wf)).id);
  expect(run.status).toBe("completed");
  expect(run.output.images[0].url).toContain("fal.png");
  const submit = (await fakeLog()).find((l) => l.method === "POST" && l.path === "/fake/fal/fal-ai/flux/dev");
  expect(submit?.authorization).toBe(`Key ${KEY}`);
});

it("falls back to another provider when the first keeps failing", async () => {
  const call = await appWith({ REPLICATE_API_TOKEN: KEY, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${counter}/fake/openai` });
  const wf = await createWorkflow(
    call,
    step(
      { provider: "replicate", operation: "predictions.create", wait: "poll", base_url: `${counter}/fake/failing`, body: {} },
      {
        retry: { max_attempts: 2, delay: "10ms" },
        fallback: { type: "integration", config: { provider: "openai", operation: "chat.completions", body: {} } },
      },
    ),
  );
  const run = await startRun(call, wf);
  let view = await waitForRun(call, run.id, (r) => r.steps[0].next_attempt_at !== null || r.status !== "running");
  const { fastForward } = await import("../../support/worker");
  if (view.status === "running") await fastForward(run.id);
  view = await waitForRun(call, run.id);
  expect(view.status).toBe("completed");
  expect(view.steps[0].used_fallback).toBe(true);
  expect(view.output.choices[0].message.content).toBe("hello");
});

it("records each provider's job id on the step as task_id, and logs it", async () => {
  const call = await appWith({
    FAL_KEY: KEY,
    FAL_BASE_URL: `${counter}/fake/fal`,
    REPLICATE_API_TOKEN: KEY,
    REPLICATE_BASE_URL: `${counter}/fake/replicate`,
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: `${counter}/fake/openai`,
    ASTRIA_API_KEY: KEY,
    ASTRIA_BASE_URL: `${counter}/fake/astria`,
  });
  const wf = await createWorkflow(call, {
    steps: [
      { id: "fal", type: "fal", depends_on: [], config: { pathParams: { app_id: "fal-ai/x" }, poll_interval: "10ms", body: {} } },
      { id: "replicate", type: "replicate", depends_on: [], config: { wait: "poll", poll_interval: "10ms", body: { input: {} } } },
      { id: "openai", type: "openai", depends_on: [], config: { body: { model: "gpt-4o", messages: [] } } },
      { id: "astria", type: "astria", depends_on: [], config: { body: { tune: { title: "task ids" } } } },
    ],
  });
  const run = await startRun(call, wf);
  const waiting = await waitForRun(
    call,
    run.id,
    (r) => r.steps[3].task_id !== null && r.steps.slice(0, 3).every((s: Body) => s.status === "completed"),
  );
  const astria = (await fakeLog()).find((l) => (l.body?.tune as Body)?.title === "task ids") as Body;
  await request("POST", new URL(astria.body.tune.callback).pathname, { id: waiting.steps[3].task_id, trained_at: "now" });
  const done = await waitForRun(call, run.id);
  expect(done.status).toBe("completed");
  const byId = Object.fromEntries(done.steps.map((s: Body) => [s.id, s.task_id]));
  expect(byId.fal).toMatch(/^r\d+$/);
  expect(byId.replicate).toMatch(/^p\d+$/);
  expect(byId.openai).toBe("chatcmpl-1");
  expect(byId.astria).toMatch(/^\d+$/);
  const events = (await call("GET", `/v1/runs/${run.id}/events`)).body.data.filter((e: Body) => e.type === "task.submitted");
  expect(Object.fromEntries(events.map((e: Body) => [e.step_id, e.data.task_id]))).toEqual(byId);
});

it("unwraps fal's webhook envelope into the result, and fails the attempt when fal reports an error", async () => {
  const call = await appWith({ FAL_KEY: KEY, FAL_BASE_URL: `${counter}/fake/fal` });
  const wf = await createWorkflow(call, {
    steps: [
      {
        id: "gen",
        type: "fal",
        config: { pathParams: { app_id: "fal-ai/envelope" }, wait: "callback", body: { prompt: "{{ input.prompt }}" } },
        retry: { max_attempts: 1 },
      },
    ],
  });
  const callbackOf = async (prompt: string) => {
    const runId = (await startRun(call, wf, { input: { prompt } })).id;
    const view = await waitForRun(call, runId, (r) => r.steps[0].task_id !== null);
    const submit = (await fakeLog()).find((l) => l.body?.prompt === prompt) as Logged;
    return { runId, requestId: view.steps[0].task_id, url: new URL(submit.path, counter).searchParams.get("fal_webhook") as string };
  };

  const ok = await callbackOf("envelope ok");
  const payload = { images: [{ url: "https://example.com/a.png" }], seed: 7 };
  await request("POST", new URL(ok.url).pathname, { request_id: ok.requestId, gateway_request_id: "g1", status: "OK", payload });
  const done = await waitForRun(call, ok.runId);
  expect(done.status).toBe("completed");
  expect(done.output).toEqual(payload);
  expect(done.steps[0].task_id).toBe(ok.requestId);

  const bad = await callbackOf("envelope error");
  await request("POST", new URL(bad.url).pathname, { request_id: bad.requestId, status: "ERROR", error: "NSFW content", payload: null });
  const failed = await waitForRun(call, bad.runId);
  expect(failed.status).toBe("failed");
  expect(failed.error.code).toBe("PROVIDER_FAILED");
  expect(failed.error.message).toContain("NSFW content");
});

it("fails the attempt when Replicate's webhook brings a failed prediction", async () => {
  const call = await appWith({ REPLICATE_API_TOKEN: KEY, REPLICATE_BASE_URL: `${counter}/fake/replicate` });
  const wf = await createWorkflow(call, {
    steps: [{ id: "p", type: "replicate", config: { body: { input: { prompt: "doomed" } } }, retry: { max_attempts: 1 } }],
  });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.steps[0].task_id !== null);
  const created = (await fakeLog()).find((l) => (l.body?.input as Body)?.prompt === "doomed") as Body;
  await request("POST", new URL(created.body.webhook).pathname, { id: "p-doomed", status: "failed", error: "out of memory" });
  const failed = await waitForRun(call, run.id);
  expect(failed.status).toBe("failed");
  expect(failed.error.message).toContain("out of memory");
});
