import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { putVariable } from "../../src/services/variables";
import { CALLER_APP_ID } from "../support/constants";
import { looplyCall } from "../support/dialects/looply";
import type { TestScheduleObject } from "../support/test-objects";
import { type Call, createWorkflow, newApp, runObject, startRun, waitForRun } from "../support/worker";

/**
 * A secret may be read only by the fields that build a request, and goes only to the hosts it
 * allows. Every test reads what the run object stored, not only what the API answers.
 */

const counter = inject("counterUrl");
const port = new URL(counter).port;
/** The same receiver under another host name: a request to it is one to a host the secret does not allow. */
const elsewhere = `http://localhost:${port}`;
const SECRET = "sk-live-4f9a8b7c6d5e4f3a2b1c";

/** Every form of the secret a transformation could have stored. */
const FORMS = [SECRET, SECRET.toUpperCase(), btoa(SECRET), SECRET.slice(3, 19), [...SECRET].reverse().join(""), btoa(`user:${SECRET}`)];

/** Every row of every table of the run's object, as text. */
async function storedRows(runId: string): Promise<string> {
  return runInDurableObject(runObject(runId), async (_object, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
      .toArray()
      .map((t) => t.name);
    expect(tables).toContain("steps");
    return JSON.stringify(tables.map((table) => state.storage.sql.exec(`SELECT * FROM "${table}"`).toArray()));
  });
}

/** The run as every API answer about it shows it, and its stored rows. */
async function everything(call: Call, runId: string): Promise<string> {
  const answers = [
    (await call("GET", `/v1/runs/${runId}`)).body,
    (await call("GET", `/v1/runs/${runId}/events?limit=1000`)).body,
    (await call("GET", "/v1/runs")).body,
    (await call("GET", `/v1/runs/${runId}/deliveries`)).body,
  ];
  const stream = (await call("GET", `/v1/runs/${runId}/stream`)).body as string;
  expect(stream).toContain("event: run.created");
  return JSON.stringify(answers) + stream + (await storedRows(runId));
}

function expectNoForm(text: string) {
  for (const form of FORMS) expect(text).not.toContain(form);
}

async function stats(name: string) {
  return (await fetch(`${counter}/stats/${name}`).then((r) => r.json())) as {
    hits: number;
    bodies: unknown[];
    requests: Array<{ url: string; headers: Record<string, string> }>;
  };
}

async function appWithSecret(allowedHosts?: string[]) {
  const app = await newApp();
  const put = await app.call("PUT", "/v1/profiles/prod/variables/TOKEN", { value: SECRET, secret: true, allowed_hosts: allowedHosts });
  expect(put.status).toBe(200);
  return app.call;
}

async function runOf(call: Call, definition: Record<string, unknown>) {
  const wf = await createWorkflow(call, definition);
  const run = await startRun(call, wf, { profile: "prod" });
  return waitForRun(call, run.id);
}

describe("where a secret may be read", () => {
  it("goes into every request field of an http step and reaches the allowed receiver, stored nowhere", async () => {
    const call = await appWithSecret([`127.0.0.1:${port}`]);
    const name = crypto.randomUUID();
    const done = await runOf(call, {
      steps: [
        {
          id: "send",
          type: "http",
          config: {
            method: "POST",
            url: `${counter}/count/${name}/{p}?in_url={{ vars.TOKEN }}`,
            path_params: { p: "{{ vars.TOKEN }}" },
            query_params: { q: "{{ $uppercase(vars.TOKEN) }}" },
            headers: { "x-token": "{{ vars.TOKEN }}", authorization: "Basic {{ $base64encode('user:' & vars.TOKEN) }}" },
            body: { token: "{{ vars.TOKEN }}", reversed: "{{ $join($reverse($split(vars.TOKEN, '')), '') }}" },
          },
        },
        {
          id: "echo",
          type: "http",
          config: { url: `${counter}/echo`, headers: { authorization: "Basic {{ $base64encode('user:' & vars.TOKEN) }}" } },
        },
      ],
    });
    expect(done.status).toBe("completed");
    const received = await stats(name);
    expect(received.hits).toBe(1);
    const url = new URL(received.requests[0].url, counter);
    expect(url.pathname).toBe(`/count/${name}/${SECRET}`);
    expect(url.searchParams.get("in_url")).toBe(SECRET);
    expect(url.searchParams.get("q")).toBe(SECRET.toUpperCase());
    expect(received.requests[0].headers["x-token"]).toBe(SECRET);
    expect(received.requests[0].headers.authorization).toBe(`Basic ${btoa(`user:${SECRET}`)}`);
    expect(received.bodies[0]).toEqual({ token: SECRET, reversed: [...SECRET].reverse().join("") });
    const step = done.steps[0];
    expect(step.input.headers).toEqual({ "x-token": "***", authorization: "Basic ***" });
    expect(step.input.query_params).toEqual({ q: "***" });
    expect(step.input.body).toEqual({ token: "***", reversed: "***" });
    // A server that echoes what a secret made: masked too, as the value the request field made.
    expect(done.steps[1].output.body.headers.authorization).toBe("Basic ***");
    expectNoForm(await everything(call, done.id));
  });

  const refused: Array<[string, Record<string, unknown>, string, string]> = [
    ["$uppercase", { steps: [{ id: "t", type: "transform", config: { value: "{{ $uppercase(vars.TOKEN) }}" } }] }, "t", "config.value"],
    [
      "$substring",
      { steps: [{ id: "t", type: "transform", config: { value: { part: "{{ $substring(vars.TOKEN, 3, 16) }}" } } }] },
      "t",
      "config.value.part",
    ],
    [
      "$base64encode",
      { steps: [{ id: "t", type: "transform", config: { value: "{{ $base64encode(vars.TOKEN) }}" } }] },
      "t",
      "config.value",
    ],
    ["concatenation", { steps: [{ id: "t", type: "transform", config: { value: "x{{ vars.TOKEN & 'y' }}" } }] }, "t", "config.value"],
    ["a whole-object read", { steps: [{ id: "t", type: "transform", config: { value: "{{ $string(vars) }}" } }] }, "t", "config.value"],
    ["a condition", { steps: [{ id: "c", type: "transform", if: "{{ $contains(vars.TOKEN, 'sk') }}", config: { value: 1 } }] }, "c", "if"],
    [
      "a loop",
      { steps: [{ id: "l", type: "transform", for_each: "{{ $split(vars.TOKEN, '-') }}", config: { value: 1 } }] },
      "l",
      "for_each",
    ],
    [
      "an error message",
      { steps: [{ id: "f", type: "fail", config: { message: "bad {{ $lowercase(vars.TOKEN) }}" } }] },
      "f",
      "config.message",
    ],
    ["$error", { steps: [{ id: "e", type: "transform", config: { value: "{{ $error(vars.TOKEN) }}" } }] }, "e", "config.value"],
    [
      "a wait schema",
      {
        steps: [
          {
            id: "w",
            type: "wait_for_event",
            config: { event: "go", schema: { type: "object", properties: { k: { const: "{{ vars.TOKEN }}" } } } },
          },
        ],
      },
      "w",
      "config.schema.properties.k.const",
    ],
    [
      "a field of an http step that builds no request",
      { steps: [{ id: "h", type: "http", config: { url: `${counter}/echo`, method: "{{ vars.TOKEN = 'x' ? 'POST' : 'GET' }}" } }] },
      "h",
      "config.method",
    ],
  ];

  it.each(refused)("refuses the secret through %s before the step stores or sends anything", async (_how, definition, stepId, field) => {
    const call = await appWithSecret();
    const done = await runOf(call, definition);
    expect(done.status).toBe("failed");
    expect(done.error.code).toBe("SECRET_NOT_ALLOWED");
    expect(done.error.step_id).toBe(stepId);
    expect(done.error.message).toContain(`step ${stepId}: ${field} reads the secret variable TOKEN`);
    const step = done.steps.find((s: { id: string }) => s.id === stepId);
    expect(step).toMatchObject({ status: "failed", output: null });
    expect(step.input ?? null).toBeNull();
    expectNoForm(await everything(call, done.id));
  });

  it("refuses the secret in the workflow's output", async () => {
    const call = await appWithSecret();
    const done = await runOf(call, {
      steps: [{ id: "a", type: "transform", config: { value: 1 } }],
      output: { a: "{{ steps.a.output }}", leak: "{{ $uppercase(vars.TOKEN) }}" },
    });
    expect(done.status).toBe("failed");
    expect(done.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: null });
    expect(done.error.message).toContain("output.leak reads the secret variable TOKEN");
    expect(done.output).toBeNull();
    expectNoForm(await everything(call, done.id));
  });

  it("withholds why a request field that read a secret failed, since the reason may quote it", async () => {
    const call = await appWithSecret();
    const done = await runOf(call, {
      steps: [{ id: "h", type: "http", config: { url: `${counter}/echo`, headers: { n: "{{ $number($uppercase(vars.TOKEN)) }}" } } }],
    });
    expect(done.status).toBe("failed");
    expect(done.error.code).toBe("EXPRESSION_FAILED");
    expect(done.error.message).toContain("the reason is withheld");
    expectNoForm(await everything(call, done.id));
  });

  it("masks a secret in the URL-encoded forms a request URL carries it in", async () => {
    const { call } = await newApp();
    const awkward = "tok/with+plus=and space&amp";
    await call("PUT", "/v1/profiles/prod/variables/TOKEN", { value: awkward, secret: true });
    const done = await runOf(call, {
      steps: [
        {
          id: "echo",
          type: "http",
          config: { url: `${counter}/echo/{p}/x`, path_params: { p: "{{ vars.TOKEN }}" }, query_params: { q: "{{ vars.TOKEN }}" } },
        },
        {
          id: "refused",
          type: "http",
          retry: { max_attempts: 1 },
          config: { url: "http://127.0.0.1:9/{p}", path_params: { p: "{{ vars.TOKEN }}" }, query_params: { q: "{{ vars.TOKEN }}" } },
        },
      ],
    });
    expect(done.error.code).toBe("HTTP_ERROR");
    expect(done.error.message).toContain("GET a URL built from a secret failed");
    expect(done.steps[0].output.body.path).toBe("/echo/***/x");
    const text = await everything(call, done.id);
    for (const form of [awkward, encodeURIComponent(awkward), new URLSearchParams({ q: awkward }).toString().slice(2)]) {
      expect(text).not.toContain(form);
    }
  });

  it("does not name a URL a secret built in the step's error, since a short piece of it is not masked", async () => {
    const call = await appWithSecret();
    const piece = SECRET.slice(8, 11);
    const done = await runOf(call, {
      steps: [
        {
          id: "h",
          type: "http",
          config: { url: `${counter}/status/500?x={{ $substring(vars.TOKEN, 8, 3) }}` },
          retry: { max_attempts: 1 },
        },
      ],
    });
    expect(done.error).toMatchObject({ code: "HTTP_STATUS", message: "GET a URL built from a secret answered 500" });
    expect(done.steps[0].input.url).toBe(`${counter}/status/500?x=***`);
    const text = await everything(call, done.id);
    expect(text).not.toContain(`x=${piece}`);
    expectNoForm(text);

    const narrowed = await appWithSecret([`127.0.0.1:${port}`]);
    const host = await runOf(narrowed, {
      steps: [{ id: "h", type: "http", config: { url: `http://{{ $substring(vars.TOKEN, 8, 3) }}.localhost:${port}/count/x` } }],
    });
    expect(host.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "h" });
    expect(host.error.message).toContain("the request goes to the host of a URL built from a secret");
    expect(await everything(narrowed, host.id)).not.toContain(`${piece}.localhost`);
  });

  it("lets a transform use a variable that is not secret beside a secret one", async () => {
    const call = await appWithSecret();
    await call("PUT", "/v1/profiles/prod/variables/REGION", { value: "eu" });
    const done = await runOf(call, {
      steps: [{ id: "t", type: "transform", config: { value: "{{ $uppercase(vars.REGION) }} {{ $count($keys(vars)) }}" } }],
    });
    expect(done.status).toBe("completed");
    expect(done.output).toBe("EU 2");
  });
});

describe("where a secret may be sent", () => {
  it("never sends a request to a host outside allowed_hosts, nor to one a redirect leads to", async () => {
    const call = await appWithSecret([`127.0.0.1:${port}`]);
    const direct = crypto.randomUUID();
    const redirected = crypto.randomUUID();
    const hop = crypto.randomUUID();
    const header = { authorization: "Bearer {{ vars.TOKEN }}" };
    const refusedDirect = await runOf(call, {
      steps: [{ id: "direct", type: "http", config: { url: `${elsewhere}/count/${direct}`, headers: header } }],
    });
    const to = encodeURIComponent(`${elsewhere}/count/${redirected}`);
    const refusedRedirect = await runOf(call, {
      steps: [{ id: "redirect", type: "http", config: { url: `${counter}/redirect/${hop}?to=${to}`, headers: header } }],
    });
    expect(refusedDirect.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "direct" });
    expect(refusedDirect.error.message).toContain(`the request goes to localhost:${port}, where the secret variable TOKEN may not be sent`);
    expect(refusedRedirect.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "redirect" });
    expect(refusedRedirect.error.message).toContain(`a redirect from 127.0.0.1:${port} leads to localhost:${port}`);
    expect(refusedDirect.usage.http_calls).toBe(0);
    expect((await stats(hop)).hits).toBe(1);
    expect((await stats(direct)).hits).toBe(0);
    expect((await stats(redirected)).hits).toBe(0);
    for (const run of [refusedDirect, refusedRedirect]) expectNoForm(await everything(call, run.id));
  });

  it("sends a request without a secret, or with one that allows any host, anywhere", async () => {
    const call = await appWithSecret();
    const plain = crypto.randomUUID();
    const anyHost = crypto.randomUUID();
    const done = await runOf(call, {
      steps: [
        { id: "plain", type: "http", config: { url: `${elsewhere}/count/${plain}` } },
        { id: "any", type: "http", config: { url: `${elsewhere}/count/${anyHost}`, headers: { "x-token": "{{ vars.TOKEN }}" } } },
      ],
    });
    expect(done.status).toBe("completed");
    expect((await stats(plain)).hits).toBe(1);
    expect((await stats(anyHost)).requests[0].headers["x-token"]).toBe(SECRET);
  });

  it("applies a change of allowed_hosts to the next run, and to a replay of an earlier one", async () => {
    const call = await appWithSecret();
    const name = crypto.randomUUID();
    const wf = await createWorkflow(call, {
      steps: [{ id: "send", type: "http", config: { url: `${elsewhere}/count/${name}`, headers: { "x-token": "{{ vars.TOKEN }}" } } }],
    });
    const first = await waitForRun(call, (await startRun(call, wf, { profile: "prod" })).id);
    expect(first.status).toBe("completed");
    const put = await call("PUT", "/v1/profiles/prod/variables/TOKEN", {
      value: SECRET,
      secret: true,
      allowed_hosts: [`127.0.0.1:${port}`],
    });
    expect(put.body.allowed_hosts).toEqual([`127.0.0.1:${port}`]);
    const second = await waitForRun(call, (await startRun(call, wf, { profile: "prod" })).id);
    expect(second.error?.code).toBe("SECRET_NOT_ALLOWED");
    const replay = await call("POST", `/v1/runs/${first.id}/replay`, {});
    expect(replay.status).toBe(201);
    const replayed = await waitForRun(call, replay.body.id);
    expect(replayed.error?.code).toBe("SECRET_NOT_ALLOWED");
    expect((await stats(name)).hits).toBe(1);
  });

  it("sends a provider's credential only to its provider, or to the profile's own base URL", async () => {
    const { call } = await newApp();
    const key = "sk-openai-only-for-openai";
    await call("PUT", "/v1/profiles/default/variables/OPENAI_API_KEY", { value: key, secret: true });
    const before = ((await fetch(`${counter}/fake-log`).then((r) => r.json())) as unknown[]).length;
    const wf = await createWorkflow(call, {
      steps: [
        {
          id: "chat",
          type: "integration",
          config: {
            provider: "openai",
            operation: "chat.completions",
            base_url: `${counter}/fake/openai`,
            body: { model: "m", messages: [] },
          },
        },
      ],
    });
    const refused = await waitForRun(call, (await startRun(call, wf)).id);
    expect(refused.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "chat" });
    expect(refused.error.message).toContain("OPENAI_API_KEY may not be sent (its allowed_hosts: api.openai.com)");
    const log = (await fetch(`${counter}/fake-log`).then((r) => r.json())) as Array<{ authorization?: string }>;
    expect(log.slice(before).filter((entry) => entry.authorization?.includes(key))).toEqual([]);
    await call("PUT", "/v1/profiles/default/variables/OPENAI_BASE_URL", { value: `${counter}/fake/openai` });
    expect((await waitForRun(call, (await startRun(call, wf)).id)).status).toBe("completed");
  });
});

describe("every surface that starts a run", () => {
  const leaking = { steps: [{ id: "leak", type: "transform", config: { value: "{{ $uppercase(vars.TOKEN) }}" } }] };

  async function expectRefused(call: Call, runId: string) {
    const run = await waitForRun(call, runId);
    expect(run.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "leak" });
    expectNoForm(await everything(call, runId));
  }

  it("refuses the secret in a run a dialect started", async () => {
    const { call, key } = await newApp();
    await call("PUT", "/v1/profiles/prod/variables/TOKEN", { value: SECRET, secret: true });
    const wf = await createWorkflow(call, leaking);
    const looply = looplyCall(key);
    const started = await looply("POST", `/triggerworkflow/${wf}/1?profile=prod`, {});
    expect(started.status).toBe(200);
    const execution = started.body.looply_execution_id;
    await expectRefused(call, execution);
    const views = JSON.stringify([
      (await looply("GET", `/getWorkflowExecutionById?workflow_id=${wf}&workflow_execution_id=${execution}`)).body,
      (await looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}`)).body,
    ]);
    expect(views).toContain(execution);
    expectNoForm(views);
  });

  it("refuses the secret in a run a schedule started", async () => {
    const call = await appWithSecret();
    const wf = await createWorkflow(call, leaking);
    const schedule = (await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "*/5 * * * *", profile: "prod" })).body;
    const stub = env.SCHEDULES.get(env.SCHEDULES.idFromName(schedule.id)) as unknown as DurableObjectStub<TestScheduleObject>;
    await runInDurableObject(stub, (o: TestScheduleObject) => o.testShiftClock(Date.parse(schedule.next_run_at) - Date.now() + 1000));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const runs = (await call("GET", "/v1/runs")).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0].trigger).toBe("schedule");
    await expectRefused(call, runs[0].id);
  });

  it("refuses the secret in a run a service binding started", async () => {
    await env.DB.prepare("INSERT OR IGNORE INTO apps (id, name, webhook_secret, created_at) VALUES (?, 'caller', 'whsec_Y2FsbGVy', ?)")
      .bind(CALLER_APP_ID, Date.now())
      .run();
    await putVariable(env, { appId: CALLER_APP_ID, actor: { kind: "service_binding" }, requestId: null }, "prod", "TOKEN", {
      value: SECRET,
      secret: true,
    });
    const viaBinding = async (method: string, ...args: unknown[]) => {
      const res = await (env as unknown as { CALLER: Fetcher }).CALLER.fetch(`http://caller/${method}`, {
        method: "POST",
        body: JSON.stringify(args),
      });
      return (await res.json()) as { ok: true; value: Record<string, unknown> & { id: string } };
    };
    const wf = await viaBinding("createWorkflow", { name: "leaks", ...leaking });
    const run = await viaBinding("startRun", wf.value.id, { profile: "prod" });
    let got = await viaBinding("getRun", run.value.id);
    for (let i = 0; i < 200 && got.value.status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 10));
      got = await viaBinding("getRun", run.value.id);
    }
    expect(got.value.error).toMatchObject({ code: "SECRET_NOT_ALLOWED", step_id: "leak" });
    expectNoForm(JSON.stringify(got) + (await storedRows(run.value.id)));
  });
});

describe("allowed_hosts on a variable", () => {
  it("is kept in lower case and shown for secrets", async () => {
    const { call } = await newApp();
    const put = await call("PUT", "/v1/profiles/p/variables/K", {
      value: SECRET,
      secret: true,
      allowed_hosts: ["API.openai.com", "*.replicate.com", "127.0.0.1:8080", "[::1]:9000"],
    });
    expect(put.status).toBe(200);
    expect(put.body.allowed_hosts).toEqual(["api.openai.com", "*.replicate.com", "127.0.0.1:8080", "[::1]:9000"]);
    expect((await call("GET", "/v1/profiles/p/variables/K")).body.allowed_hosts).toEqual(put.body.allowed_hosts);
    const plain = await call("PUT", "/v1/profiles/p/variables/R", { value: "eu" });
    expect(plain.body.allowed_hosts).toBeNull();
  });

  it("refuses a bad entry by its index, and an entry for a variable that is not secret, changing nothing", async () => {
    const { call } = await newApp();
    await call("PUT", "/v1/profiles/p/variables/K", { value: SECRET, secret: true, allowed_hosts: ["api.example.com"] });
    const bad = await call("PUT", "/v1/profiles/p/variables/K", {
      value: "another-secret-value",
      secret: true,
      allowed_hosts: ["ok.example.com", "https://evil.example.com/x", "*.com", "host:99999"],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "allowed_hosts[1]",
      "allowed_hosts[2]",
      "allowed_hosts[3]",
    ]);
    const notSecret = await call("PUT", "/v1/profiles/p/variables/K", { value: "plain", allowed_hosts: ["api.example.com"] });
    expect(notSecret.status).toBe(400);
    expect(notSecret.body.error.details[0].path).toBe("allowed_hosts");
    const kept = (await call("GET", "/v1/profiles/p/variables/K")).body;
    expect(kept).toMatchObject({ secret: true, allowed_hosts: ["api.example.com"] });
    expect(kept.updated_at).toBe(kept.created_at);
  });

  it("changes where a secret may go without sending the secret again, and only for a secret", async () => {
    const call = await appWithSecret();
    await call("PUT", "/v1/profiles/prod/variables/REGION", { value: "eu" });
    const name = crypto.randomUUID();
    const wf = await createWorkflow(call, {
      steps: [{ id: "send", type: "http", config: { url: `${counter}/count/${name}`, headers: { "x-token": "{{ vars.TOKEN }}" } } }],
    });
    const narrowed = await call("PATCH", "/v1/profiles/prod/variables/TOKEN", { allowed_hosts: ["api.example.com"] });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({ secret: true, value: null, allowed_hosts: ["api.example.com"] });
    expect((await waitForRun(call, (await startRun(call, wf, { profile: "prod" })).id)).error?.code).toBe("SECRET_NOT_ALLOWED");
    expect((await stats(name)).hits).toBe(0);

    const bad = await call("PATCH", "/v1/profiles/prod/variables/TOKEN", { allowed_hosts: ["fine.example.com", "bad host"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("allowed_hosts[1]");
    const plain = await call("PATCH", "/v1/profiles/prod/variables/REGION", { allowed_hosts: ["api.example.com"] });
    expect(plain.status).toBe(400);
    expect(plain.body.error.details[0]).toMatchObject({ path: "allowed_hosts", message: "applies to secrets only; REGION is not secret" });
    expect((await call("PATCH", "/v1/profiles/prod/variables/NOPE", { allowed_hosts: null })).status).toBe(404);
    expect((await call("GET", "/v1/profiles/prod/variables/TOKEN")).body.allowed_hosts).toEqual(["api.example.com"]);

    const widened = await call("PATCH", "/v1/profiles/prod/variables/TOKEN", { allowed_hosts: null });
    expect(widened.body.allowed_hosts).toBeNull();
    expect((await waitForRun(call, (await startRun(call, wf, { profile: "prod" })).id)).status).toBe("completed");
    expect((await stats(name)).requests[0].headers["x-token"]).toBe(SECRET);
  });
});
