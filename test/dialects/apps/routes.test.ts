import { describe, expect, it } from "vitest";
import { appsApp, expectAppsRun } from "../../support/dialects/apps";
import { dialectDocument, documentSchema, webhookReceiver } from "../../support/dialects/common";
import { epochSeconds, signJwt } from "../../support/fixtures";
import { type Body, createWorkflow, eventually, request, waitForRun } from "../../support/worker";

/** docs/dialects/apps.md. Every test talks to /compat/apps the way the platform's client does. */

const waits = { steps: [{ id: "approval", type: "wait_for_event", config: { event: "approved" } }] };
const doubles = { steps: [{ id: "a", type: "transform", config: { value: "{{ input.n * 2 }}" } }] };

type Apps = Awaited<ReturnType<typeof appsApp>>;

/** Polls the run through the dialect until it has ended. */
const ended = (apps: Apps["apps"], wf: string, run: string) =>
  eventually(
    () => apps("GET", `/${wf}/runs/${run}`),
    (r) => !["PENDING", "RUNNING"].includes(r.body.status),
  ).then((r) => r.body);

describe("runs", () => {
  it("shows every field of the run object for a running, completed, failed and cancelled run, the same runs as /v1", async () => {
    const { id, call, apps } = await appsApp();
    const held = await createWorkflow(call, waits);
    const done = await createWorkflow(call, doubles);
    const broken = await createWorkflow(call, { steps: [{ id: "a", type: "fail", config: { message: "no luck" } }] });

    const started = await apps("POST", `/${held}/runs`, { input: { topic: "whales" } });
    expect(started.status).toBe(200);
    await expectAppsRun(started.body, "RUNNING");
    expect(started.body).toMatchObject({
      origin: "WORKFLOW",
      app_id: id,
      workflow_app_id: id,
      workflow_id: held,
      input: { topic: "whales" },
    });
    await waitForRun(call, started.body.id, (r) => r.status === "waiting");
    const running = await expectAppsRun((await apps("GET", `/${held}/runs/${started.body.id}`)).body, "RUNNING");
    expect(running.started_at).not.toBeNull();
    expect(running.workflow_version.steps[0]).toMatchObject({ type: "wait_for_event", key: "approval", event: "approved" });

    const ok = await apps("POST", `/${done}/runs`, { input: { n: 21 } });
    const completed = await expectAppsRun(await ended(apps, done, ok.body.id), "COMPLETED");
    expect(completed).toMatchObject({ result: 42, output: 42, error: null, usage: { total: 1, steps: { a: 1 } } });

    const bad = await apps("POST", `/${broken}/runs`);
    const failed = await expectAppsRun(await ended(apps, broken, bad.body.id), "FAILED");
    expect(failed.error).toBe("no luck");

    const cancel = await apps("POST", `/${held}/runs/${started.body.id}/cancel`);
    expect(cancel.status).toBe(200);
    await expectAppsRun(cancel.body, "CANCELLED");
    const again = await apps("POST", `/${held}/runs/${started.body.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("RUN_ALREADY_FINISHED");

    for (const [run, status] of [
      [started.body.id, "cancelled"],
      [ok.body.id, "completed"],
      [bad.body.id, "failed"],
    ]) {
      const native = await call("GET", `/v1/runs/${run}`);
      expect(native.body).toMatchObject({ status, surface: "apps" });
    }
  });

  it("renders if, for_each, on_error: continue and a fan-out as conditional, loop, throw_on_error and destinations, and runs them so", async () => {
    const { call, apps } = await appsApp();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "start", type: "transform", config: { value: "{{ input.items }}" }, meta: { position: [0, 0] } },
        { id: "gate", type: "transform", depends_on: ["start"], if: "{{ input.enabled }}", config: { value: "gated" } },
        { id: "each", type: "transform", depends_on: ["start"], for_each: "{{ input.items }}", config: { value: "{{ item * 10 }}" } },
        { id: "risky", type: "fail", depends_on: ["start"], on_error: "continue", config: { message: "boom" } },
        {
          id: "join",
          type: "transform",
          depends_on: ["gate", "each", "risky"],
          config: { value: { gate: "{{ steps.gate.status }}", each: "{{ steps.each.output }}", risky: "{{ steps.risky.status }}" } },
        },
      ],
    });
    const shown = await apps("GET", `/${wf}`);
    expect(shown.status).toBe(200);
    const steps = shown.body.workflow_version.steps;
    expect(steps.map((s: Body) => [s.key, s.destinations])).toEqual([
      ["start", ["gate", "each", "risky"]],
      ["gate", ["join"]],
      ["each", ["join"]],
      ["risky", ["join"]],
      ["join", []],
    ]);
    expect(steps.map((s: Body) => [s.conditional, s.loop, s.throw_on_error, s.input_connected])).toEqual([
      [null, null, true, false],
      ["{{ input.enabled }}", null, true, true],
      [null, "{{ input.items }}", true, true],
      [null, null, false, true],
      [null, null, true, true],
    ]);
    expect(steps[0].position).toEqual([0, 0]);

    const run = await apps("POST", `/${wf}/runs`, { input: { enabled: false, items: [1, 2, 3] } });
    const done = await expectAppsRun(await ended(apps, wf, run.body.id), "COMPLETED");
    expect(done.output).toEqual({ gate: "skipped", each: [10, 20, 30], risky: "failed" });
    const native = await call("GET", `/v1/runs/${run.body.id}`);
    expect(native.body.steps.map((s: Body) => [s.id, s.status])).toEqual([
      ["start", "completed"],
      ["gate", "skipped"],
      ["each", "completed"],
      ["risky", "failed"],
      ["join", "completed"],
    ]);
  });

  it("replays a run as a new run of the same version and input, leaving the replayed run as it was", async () => {
    const { call, apps } = await appsApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: "v1:{{ input.x }}" } }] });
    const first = await apps("POST", `/${wf}/runs`, { input: { x: 7 } });
    const original = await ended(apps, wf, first.body.id);
    await call("PATCH", `/v1/workflows/${wf}`, { steps: [{ id: "a", type: "transform", config: { value: "v2:{{ input.x }}" } }] });

    const replay = await apps("POST", `/${wf}/runs/${first.body.id}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.id).not.toBe(first.body.id);
    expect(replay.body).toMatchObject({ version: 1, input: { x: 7 }, workflow_version: { version: 1 } });
    const replayed = await expectAppsRun(await ended(apps, wf, replay.body.id), "COMPLETED");
    expect(replayed.output).toBe("v1:7");
    expect((await apps("GET", `/${wf}/runs/${first.body.id}`)).body).toEqual(original);
    const native = await call("GET", `/v1/runs/${replay.body.id}`);
    expect(native.body).toMatchObject({ trigger: "replay", version: 1, metadata: { replay_of: first.body.id } });
    expect((await apps("POST", `/${wf}/runs`, { input: { x: 7 } })).body.version).toBe(2);
  });

  it("answers a retried start or replay with the same Idempotency-Key with the first run, making no second one", async () => {
    const { call, apps } = await appsApp();
    const wf = await createWorkflow(call, doubles);
    const key = { "idempotency-key": crypto.randomUUID() };
    const first = await apps("POST", `/${wf}/runs`, { input: { n: 2 } }, key);
    const retry = await apps("POST", `/${wf}/runs`, { input: { n: 2 } }, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    const other = await apps("POST", `/${wf}/runs`, { input: { n: 3 } }, key);
    expect(other.status).toBe(422);
    await ended(apps, wf, first.body.id);
    const replayKey = { "idempotency-key": crypto.randomUUID() };
    const replay = await apps("POST", `/${wf}/runs/${first.body.id}/replay`, undefined, replayKey);
    expect((await apps("POST", `/${wf}/runs/${first.body.id}/replay`, undefined, replayKey)).body.id).toBe(replay.body.id);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data.map((r: Body) => r.id)).toEqual([replay.body.id, first.body.id]);
  });

  it("changes retention and answers the new retention_due_at, changing nothing else; bad bodies change nothing", async () => {
    const { call, apps } = await appsApp();
    const wf = await createWorkflow(call, doubles);
    const held = await createWorkflow(call, waits);
    const run = await apps("POST", `/${wf}/runs`, { input: { n: 1 } });
    const before = await ended(apps, wf, run.body.id);
    const path = `/${wf}/runs/${run.body.id}/retention`;

    const changed = await apps("PATCH", path, { max_age_in_seconds: 60 });
    expect(changed.status).toBe(200);
    await expectAppsRun(changed.body, "COMPLETED");
    expect(changed.body.retention).toEqual({ max_age_in_seconds: 60, preserve_on_failure: false });
    expect(Date.parse(changed.body.retention_due_at)).toBe(Date.parse(before.ended_at) + 60_000);
    const { retention: _r, retention_due_at: _d, ...rest } = changed.body;
    const { retention: _r0, retention_due_at: _d0, ...restBefore } = before;
    expect(rest).toEqual(restBefore);

    const preserved = await apps("PATCH", path, { preserve_on_failure: true });
    expect(preserved.body.retention).toEqual({ max_age_in_seconds: 60, preserve_on_failure: true });
    for (const [body, field] of [
      [{}, "(body)"],
      [{ max_age_in_seconds: 0 }, "max_age_in_seconds"],
      [{ max_age_seconds: 60 }, "(body)"],
      [{ preserve_on_failure: "yes" }, "preserve_on_failure"],
    ] as const) {
      const res = await apps("PATCH", path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(res.body.error.details[0].path).toBe(field);
    }
    expect((await apps("GET", `/${wf}/runs/${run.body.id}`)).body).toEqual(preserved.body);
    expect((await call("GET", `/v1/runs/${run.body.id}`)).body.retention).toMatchObject({ max_age_seconds: 60, preserve_on_failure: true });

    const waiting = await apps("POST", `/${held}/runs`);
    await waitForRun(call, waiting.body.id, (r) => r.status === "waiting");
    const early = await apps("PATCH", `/${held}/runs/${waiting.body.id}/retention`, { max_age_in_seconds: 120 });
    expect(early.body).toMatchObject({ status: "RUNNING", retention: { max_age_in_seconds: 120 }, retention_due_at: null });
    const cancelled = await apps("POST", `/${held}/runs/${waiting.body.id}/cancel`);
    expect(Date.parse(cancelled.body.retention_due_at)).toBe(Date.parse(cancelled.body.ended_at) + 120_000);
  });

  it("lists runs newest first with paging and a status filter, a purged run with its data null", async () => {
    const { call, apps } = await appsApp();
    const wf = await createWorkflow(call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go", timeout: "1h" } }] });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await apps("POST", `/${wf}/runs`, { input: { i } })).body.id);
    for (const run of ids) await waitForRun(call, run, (r) => r.status === "waiting");
    await call("POST", `/v1/runs/${ids[0]}/events`, { name: "go" });
    await waitForRun(call, ids[0]);
    expect((await call("DELETE", `/v1/runs/${ids[0]}`)).status).toBe(200);
    // Lists and their status filter read the runs index, which follows each run's object.
    await eventually(
      () => call("GET", `/v1/workflows/${wf}/runs?status=completed`),
      (r) => r.body.data.length === 1,
    );

    const page1 = await apps("GET", `/${wf}/runs?limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.data.map((r: Body) => r.id)).toEqual([ids[2], ids[1]]);
    for (const run of page1.body.data) await expectAppsRun(run, "RUNNING");
    const page2 = await apps("GET", `/${wf}/runs?limit=2&cursor=${page1.body.next_cursor}`);
    expect(page2.body.next_cursor).toBeNull();
    const [purged] = page2.body.data;
    expect(purged).toMatchObject({ id: ids[0], status: "COMPLETED", input: null, output: null, usage: null, retention: null });
    expect((await apps("GET", `/${wf}/runs/${ids[0]}`)).status).toBe(410);

    expect((await apps("GET", `/${wf}/runs?status=RUNNING`)).body.data.map((r: Body) => r.id)).toEqual([ids[2], ids[1]]);
    expect((await apps("GET", `/${wf}/runs?status=COMPLETED`)).body.data.map((r: Body) => r.id)).toEqual([ids[0]]);
    const wrong = await apps("GET", `/${wf}/runs?status=waiting`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe("query.status");
  });
});

describe("workflows and versions", () => {
  it("lists workflows and versions, shows each version's steps, and answers 404 for what is not there", async () => {
    const { id, call, apps } = await appsApp();
    const wf = await createWorkflow(call, { description: "first", ...doubles });
    await call("PATCH", `/v1/workflows/${wf}`, { steps: [{ id: "b", type: "transform", config: { value: 2 } }] });

    const list = await apps("GET", "");
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: wf, app_id: id, name: "test workflow", description: "first", version: 2, latest_version: 2 }),
    ]);
    const shown = await apps("GET", `/${wf}`);
    expect(shown.body).toMatchObject({ id: wf, version: 2, workflow_version: { id: `${wf}:v2`, version: 2, key: "test workflow" } });
    expect(shown.body.workflow_version.steps.map((s: Body) => s.key)).toEqual(["b"]);

    const versions = await apps("GET", `/${wf}/versions?limit=1`);
    expect(versions.body.data.map((v: Body) => v.version)).toEqual([2]);
    const older = await apps("GET", `/${wf}/versions?limit=1&cursor=${versions.body.next_cursor}`);
    expect(older.body).toMatchObject({ data: [{ version: 1, app_id: id, description: "first" }], next_cursor: null });
    const v1 = await apps("GET", `/${wf}/versions/1`);
    expect(v1.body.steps).toEqual([expect.objectContaining({ key: "a", value: "{{ input.n * 2 }}", type: "transform" })]);
    expect(typeof v1.body.created_at).toBe("string");

    const doc = await dialectDocument("apps");
    expect(documentSchema(doc, "AppsWorkflowDetail")(shown.body)).toEqual([]);
    expect(documentSchema(doc, "AppsWorkflowVersion")(v1.body)).toEqual([]);

    expect((await apps("GET", `/${wf}/versions/9`)).status).toBe(404);
    expect((await apps("GET", "/0190aaaa-0000-7000-8000-000000000000")).body.error.code).toBe("WORKFLOW_NOT_FOUND");
    const badVersion = await apps("POST", `/${wf}/runs`, { input: {}, version: 9 });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.details[0].path).toBe("version");
    const badInput = await apps("POST", `/${wf}/runs`, { input: "text" });
    expect(badInput.status).toBe(400);
    expect(badInput.body.error.details[0].path).toBe("input");
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toHaveLength(0);
  });
});

describe("credentials, webhooks and the document", () => {
  it("takes a key as Bearer or X-Api-Key, or a JWT; a missing or wrong one is a 401", async () => {
    const { id, key, call } = await appsApp();
    const wf = await createWorkflow(call, doubles);
    const path = `/compat/apps/apps/${id}/workflows/${wf}`;
    expect((await request("GET", path, undefined, { "x-api-key": key })).status).toBe(200);
    const jwt = await signJwt({ sub: id, exp: epochSeconds(300) });
    expect((await request("GET", path, undefined, { authorization: `Bearer ${jwt}` })).status).toBe(200);
    const missing = await request("GET", path);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("Authorization: Bearer") });
    expect((await request("GET", path, undefined, { authorization: "Bearer sk_wrong" })).status).toBe(401);
    expect((await request("POST", `${path}/runs`, { input: { n: 1 } }, { authorization: "Bearer sk_wrong" })).status).toBe(401);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toHaveLength(0);
  });

  it("POSTs the run object, signed, once the run ends", async () => {
    const { call, apps } = await appsApp();
    const hook = await webhookReceiver(call);
    const wf = await createWorkflow(call, { webhook_url: hook.url, ...waits });
    const run = await apps("POST", `/${wf}/runs`, { input: { topic: "whales" } });
    await waitForRun(call, run.body.id, (r) => r.status === "waiting");
    await call("POST", `/v1/runs/${run.body.id}/events`, { name: "approved" });
    const [delivery] = await eventually(hook.calls, (c) => c.length > 0);
    expect(delivery.valid).toBe(true);
    await expectAppsRun(delivery.body, "COMPLETED");
    expect(delivery.body).toEqual((await apps("GET", `/${wf}/runs/${run.body.id}`)).body);
    expect((await call("GET", `/v1/runs/${run.body.id}/deliveries`)).body.data.map((d: Body) => d.event)).toEqual(["run.completed"]);
  });

  it("describes all fifteen routes with operationIds in its own document, listed on /docs", async () => {
    const doc = await dialectDocument("apps");
    expect(doc.servers[0].url).toBe("/compat/apps");
    const operations = Object.entries(doc.paths as Record<string, Record<string, Body>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, op]) => `${method.toUpperCase()} ${path.replace("/apps/{app_id}/workflows", "")} ${op.operationId}`,
      ),
    );
    expect(operations.sort()).toEqual([
      "GET  getWorkflows",
      "GET /discover discoverWorkflows",
      "GET /discover/{workflow_id} getDiscoverableWorkflow",
      "GET /discover/{workflow_id}/versions/{version} getDiscoverableWorkflowVersion",
      "GET /{workflow_id} getWorkflow",
      "GET /{workflow_id}/runs getWorkflowRuns",
      "GET /{workflow_id}/runs/{run_id} getWorkflowRun",
      "GET /{workflow_id}/versions getWorkflowVersions",
      "GET /{workflow_id}/versions/{version} getWorkflowVersion",
      "PATCH /{workflow_id}/runs/{run_id}/retention updateRunRetention",
      "POST /discover/{workflow_id}/runs runDiscoverableWorkflow",
      "POST /discover/{workflow_id}/runs/{run_id}/cancel cancelDiscoverableWorkflowRun",
      "POST /{workflow_id}/runs runWorkflow",
      "POST /{workflow_id}/runs/{run_id}/cancel cancelWorkflowRun",
      "POST /{workflow_id}/runs/{run_id}/replay replayWorkflowRun",
    ]);
    expect((await request("GET", "/docs")).body).toContain("/compat/apps/openapi.json");
  });
});
