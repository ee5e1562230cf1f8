import { describe, expect, it } from "vitest";
import { dialectDocument, documentSchema, fakeLog, webhookReceiver } from "../../support/dialects/common";
import { BASE, ended, expectSeedShape, oneStep, pipelinesApp, SEED_EXAMPLE, waitForWorkflow } from "../../support/dialects/pipelines";
import { epochSeconds, signJwt } from "../../support/fixtures";
import { type Body, createWorkflow, eventually, request, startRun, waitForRun } from "../../support/worker";

/** docs/dialects/pipelines.md. Every test talks to /compat/pipelines the way a pipelines client does. */

describe("create and read", () => {
  it("runs the seed's example request, as given, end to end: refine receives generate's result_image_path", async () => {
    const { pl, call } = await pipelinesApp();
    const created = await pl("POST", BASE, SEED_EXAMPLE);
    expect(created.status).toBe(201);
    expectSeedShape(created.body, "WorkflowPublic");
    expect(created.body).toMatchObject({
      name: "Fashion Image Pipeline",
      description: "Generate and refine fashion images",
      origin_instance: "api-prod",
      total_steps: 2,
      suppress_subtask_events: true,
      is_deleted: false,
      final_step_id: "refine",
    });
    expect(created.body.steps.map((s: Body) => [s.step_id, s.task_type, s.dependencies])).toEqual([
      ["generate", "GENERATION", []],
      ["refine", "REFINE", ["generate"]],
    ]);
    expect(created.body.steps[1].input_mappings).toEqual([
      { from_step: "generate", from_field: "result_image_path", to_field: "base_image_url", transform: null },
    ]);

    const done = expectSeedShape(await waitForWorkflow(pl, created.body.id, ended), "WorkflowPublic");
    expect(done).toMatchObject({
      status: "COMPLETED",
      progress: 100,
      completed_steps: 2,
      current_step: null,
      error_message: null,
      errors: [],
    });
    const [generate, refine] = done.steps;
    expect(generate.result.result_image_path).toBe(`https://images.example/${generate.task_id}.png`);
    expect(refine.result.request).toEqual({ upscale_factor: 2, base_image_url: generate.result.result_image_path });
    expect(done.final_step_result).toEqual(refine.result);
    for (const step of done.steps) {
      expect(step).toMatchObject({ status: "COMPLETED", retry_count: 0, max_retries: 3, error_message: null });
      expect(step.task_id).toMatch(/^r\d+$/);
      expect(step.completed_at >= step.started_at).toBe(true);
    }
    expect(new Set(done.steps.map((s: Body) => s.id)).size).toBe(2);
    expect((await pl("GET", `${BASE}${done.id}`)).body.steps.map((s: Body) => s.id)).toEqual(done.steps.map((s: Body) => s.id));

    const sent = (await fakeLog()).filter((l) => l.method === "POST" && l.path.startsWith("/fake/fal/pipelines/"));
    const submits = sent.filter((l) => [`/fake/fal/pipelines/generate`, `/fake/fal/pipelines/refine`].includes(l.path));
    const mine = submits.filter(
      (l) => l.body?.base_image_url === generate.result.result_image_path || l.body?.prompt === "fashion model wearing elegant dress",
    );
    expect(mine.map((l) => l.body)).toContainEqual({ height: 1024, prompt: "fashion model wearing elegant dress", width: 1024 });
    expect(mine.every((l) => l.authorization === "Key fal-test-key")).toBe(true);

    // One object, many views: the same run in /v1, started by this surface, with the task ids.
    const native = await call("GET", `/v1/runs/${done.id}`);
    expect(native.body).toMatchObject({ surface: "pipelines", status: "completed", metadata: { origin_instance: "api-prod" } });
    expect(native.body.steps.map((s: Body) => s.task_id)).toEqual([generate.task_id, refine.task_id]);
  });

  it("sends config strings as written, {{ braces }} included", async () => {
    const { pl } = await pipelinesApp();
    const prompt = "a poster that says {{ hello }} and {{{ x";
    const created = await pl("POST", BASE, oneStep({ config: { prompt, nested: ["{{ $now() }}"] } }));
    const done = await waitForWorkflow(pl, created.body.id, ended);
    expect(done.status).toBe("COMPLETED");
    expect(done.steps[0].result.request).toEqual({ prompt, nested: ["{{ $now() }}"] });
    expect(done.steps[0].config).toEqual({ prompt, nested: ["{{ $now() }}"] });
  });

  it("fails a step whose mapping names a field its source's result does not have, saying so", async () => {
    const { pl } = await pipelinesApp();
    const body = JSON.parse(SEED_EXAMPLE);
    body.steps[1].input_mappings[0].from_field = "no_such_field";
    const done = await waitForWorkflow(pl, (await pl("POST", BASE, body)).body.id, ended);
    expect(done.status).toBe("FAILED");
    expect(done.steps.map((s: Body) => s.status)).toEqual(["COMPLETED", "FAILED"]);
    expect(done.error_message).toContain('step "generate" has no result field "no_such_field"');
    expect(done.errors).toEqual([`refine: ${done.steps[1].error_message}`]);
  });

  it("reads a run started through /v1 as a workflow", async () => {
    const { pl, call } = await pipelinesApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: { ok: true } } }] });
    const run = await waitForRun(call, (await startRun(call, wf)).id);
    const read = expectSeedShape((await pl("GET", `${BASE}${run.id}`)).body, "WorkflowPublic");
    expect(read).toMatchObject({ status: "COMPLETED", origin_instance: "native", final_step_id: "a", final_step_result: { ok: true } });
    expect(read.steps[0]).toMatchObject({ step_id: "a", task_type: "transform", max_retries: 4 });
  });
});

describe("validation", () => {
  const detailOf = async (pl: Body, body: unknown, query = "") => {
    const res = await pl("POST", `${BASE}${query}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expectSeedShape(res.body, "HTTPValidationError");
    return res.body.detail as Array<{ loc: unknown[]; msg: string; type: string }>;
  };

  it("answers each problem with FastAPI's 422 and its loc, and creates nothing", async () => {
    const { pl, call } = await pipelinesApp();
    const seed = JSON.parse(SEED_EXAMPLE);
    const { origin_instance: _, ...withoutOrigin } = seed;
    expect(await detailOf(pl, withoutOrigin)).toEqual([{ loc: ["body", "origin_instance"], msg: "Field required", type: "missing" }]);

    const unknownDep = structuredClone(seed);
    unknownDep.steps[1].depends_on = ["nope"];
    unknownDep.steps[1].input_mappings = [];
    expect(await detailOf(pl, unknownDep)).toEqual([
      { loc: ["body", "steps", 1, "depends_on", 0], msg: expect.stringContaining('"nope" is not a step'), type: "value_error" },
    ]);

    const cycle = structuredClone(seed);
    cycle.steps[0].depends_on = ["refine"];
    const cycleDetail = await detailOf(pl, cycle);
    expect(cycleDetail).toHaveLength(1);
    expect(cycleDetail[0].loc).toEqual(["body", "steps", 1, "depends_on", 0]);
    expect(cycleDetail[0].msg).toContain("cycle: generate -> refine -> generate");

    const unknownSource = structuredClone(seed);
    unknownSource.steps[1].input_mappings[0].from_step = "ghost";
    expect((await detailOf(pl, unknownSource)).map((d) => d.loc)).toEqual([["body", "steps", 1, "input_mappings", 0, "from_step"]]);

    const many = await detailOf(pl, { name: "", steps: [{ id: "a", config: {} }, "x"], origin_instance: 7, webhook_url: 3 });
    expect(many).toEqual(
      expect.arrayContaining([
        { loc: ["body", "name"], msg: "String should have at least 1 character", type: "string_too_short" },
        { loc: ["body", "steps", 0, "task_type"], msg: "Field required", type: "missing" },
        { loc: ["body", "steps", 1], msg: expect.any(String), type: expect.any(String) },
        { loc: ["body", "origin_instance"], msg: "Input should be a valid string", type: "string_type" },
        { loc: ["body", "webhook_url"], msg: "Input should be a valid string", type: "string_type" },
      ]),
    );
    expect(await detailOf(pl, { ...seed, steps: [] })).toEqual([
      { loc: ["body", "steps"], msg: "List should have at least 1 item after validation, not 0", type: "too_short" },
    ]);
    expect(await detailOf(pl, "{not json")).toEqual([{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }]);
    expect(await detailOf(pl, SEED_EXAMPLE, "?start=maybe")).toEqual([
      { loc: ["query", "start"], msg: "Input should be a valid boolean, unable to interpret input", type: "bool_parsing" },
    ]);
    expect((await detailOf(pl, { ...seed, webhook_url: "not a url" }))[0].loc).toEqual(["body", "webhook_url"]);
    const tooBig = await pl("POST", BASE, { ...seed, config: { blob: "x".repeat(300_000) } });
    expect(tooBig.status).toBe(413);
    expect(typeof tooBig.body.detail).toBe("string");
    expect((await call("GET", "/v1/runs?surface=pipelines")).body.data).toEqual([]);
    expect((await call("GET", "/v1/workflows")).body.data).toEqual([]);
  });

  it("names the provider problems: none for a task type, an unknown type, a fal app missing", async () => {
    const { pl } = await pipelinesApp();
    const body = {
      name: "providers",
      origin_instance: "tests",
      steps: [
        { id: "a", task_type: "UPSCALE", config: {} },
        { id: "b", task_type: "GENERATION", config: {}, provider_config: { provider_type: "midjourney" } },
        { id: "c", task_type: "GENERATION", config: {}, provider_config: { provider_type: "FAL" }, fallback_provider_type: "nope" },
      ],
    };
    const detail = await detailOf(pl, body);
    expect(detail.map((d) => d.loc)).toEqual([
      ["body", "steps", 0, "provider_config"],
      ["body", "steps", 1, "provider_config", "provider_type"],
      ["body", "steps", 2, "provider_config", "fal_app_id"],
      ["body", "steps", 2, "fallback_provider_type"],
    ]);
    expect(detail[0].msg).toContain("PIPELINES_TASK_UPSCALE");
  });

  it("checks list queries the same way", async () => {
    const { pl } = await pipelinesApp();
    const res = await pl("GET", `${BASE}?limit=abc&skip=-1&status=DONE`);
    expect(res.status).toBe(422);
    expectSeedShape(res.body, "HTTPValidationError");
    expect(res.body.detail.map((d: Body) => [d.loc, d.type])).toEqual(
      expect.arrayContaining([
        [["query", "limit"], "int_parsing"],
        [["query", "skip"], "greater_than_equal"],
        [["query", "status"], "enum"],
      ]),
    );
    expect((await pl("GET", `${BASE}?limit=101`)).body.detail[0]).toMatchObject({ type: "less_than_equal", loc: ["query", "limit"] });
  });
});

describe("auth", () => {
  it("answers a missing or wrong bearer token with 401 and FastAPI's detail, and takes a key or a JWT", async () => {
    const missing = await request("GET", `/compat/pipelines${BASE}`);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: "Not authenticated" });
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    const wrong = await request("GET", `/compat/pipelines${BASE}`, undefined, { authorization: "Bearer sk_wrong" });
    expect(wrong.status).toBe(401);
    expect(typeof wrong.body.detail).toBe("string");
    const { key, id: appId, pl } = await pipelinesApp();
    const xApiKey = await request("GET", `/compat/pipelines${BASE}`, undefined, { "x-api-key": key });
    expect(xApiKey.status).toBe(401);
    expect((await request("GET", `/compat/pipelines${BASE}`, undefined, { authorization: `Bearer ${key}` })).status).toBe(200);
    const created = (await pl("POST", `${BASE}?start=false`, SEED_EXAMPLE)).body.id;
    const jwt = await signJwt({ sub: appId, exp: epochSeconds(300) });
    const viaJwt = await request("GET", `/compat/pipelines${BASE}${created}`, undefined, { authorization: `Bearer ${jwt}` });
    expect(viaJwt.status).toBe(200);
    expect(viaJwt.body.id).toBe(created);
    const expired = await signJwt({ sub: appId, exp: epochSeconds(-60) });
    expect((await request("GET", `/compat/pipelines${BASE}`, undefined, { authorization: `Bearer ${expired}` })).status).toBe(401);
  });

  it("keeps apps apart: another app's workflow is 404 on every route", async () => {
    const owner = await pipelinesApp();
    const other = await pipelinesApp();
    const id = (await owner.pl("POST", `${BASE}?start=false`, SEED_EXAMPLE)).body.id;
    for (const [method, path] of [
      ["GET", `${BASE}${id}`],
      ["PATCH", `${BASE}${id}`],
      ["DELETE", `${BASE}${id}`],
      ["POST", `${BASE}${id}/start`],
      ["POST", `${BASE}${id}/resume`],
      ["POST", `${BASE}${id}/cleanup`],
    ]) {
      const res = await other.pl(method, path, method === "PATCH" ? { name: "mine" } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toEqual({ detail: "Workflow not found" });
    }
    expect((await other.pl("GET", BASE)).body.total).toBe(0);
    expect((await owner.pl("GET", `${BASE}${id}`)).body.status).toBe("PENDING");
  });
});

describe("lists", () => {
  it("lists newest first with total, skip and limit, filtered by status, origin, tenant and deletion", async () => {
    const { pl } = await pipelinesApp();
    const make = async (origin: string, tenant: string | null, start: boolean) =>
      (await pl("POST", `${BASE}?start=${start}`, { ...JSON.parse(SEED_EXAMPLE), origin_instance: origin, origin_tenant_id: tenant })).body
        .id as string;
    const a = await make("api-prod", "t1", false);
    const b = await make("api-prod", "t2", true);
    const c = await make("batch", "t1", false);
    await waitForWorkflow(pl, b, ended);

    const ids = async (query: string) => {
      const res = await pl("GET", `${BASE}${query}`);
      expect(res.status).toBe(200);
      expectSeedShape(res.body, "WorkflowListResponse");
      return { ids: res.body.workflows.map((w: Body) => w.id), total: res.body.total, skip: res.body.skip, limit: res.body.limit };
    };
    // The index learns that b completed just after it did.
    await eventually(
      () => ids("?status=COMPLETED"),
      (r) => r.total === 1,
    );
    expect(await ids("")).toEqual({ ids: [c, b, a], total: 3, skip: 0, limit: 50 });
    // Without the trailing slash: redirected (307) to the collection, as FastAPI does.
    const slashless = await pl("GET", "/api/v1/workflows?limit=1");
    expect(slashless.status).toBe(200);
    expect(slashless.body).toMatchObject({ total: 3, limit: 1 });
    expect(await ids("?skip=1&limit=1")).toEqual({ ids: [b], total: 3, skip: 1, limit: 1 });
    expect((await ids("?limit=0")).total).toBe(3);
    expect((await ids("?origin_instance=api-prod")).ids).toEqual([b, a]);
    expect((await ids("?origin_tenant_id=t1")).ids).toEqual([c, a]);
    expect((await ids("?origin_instance=api-prod&origin_tenant_id=t1")).ids).toEqual([a]);
    expect((await ids("?status=PENDING")).ids).toEqual([c, a]);
    expect((await ids("?status=COMPLETED")).ids).toEqual([b]);

    expect((await pl("POST", `${BASE}${b}/cleanup`)).status).toBe(200);
    expect(await ids("")).toMatchObject({ ids: [c, a], total: 2 });
    expect(await ids("?include_deleted=true")).toMatchObject({ ids: [c, b, a], total: 3 });
  });
});

describe("update", () => {
  it("changes name, description and webhook_url; a running workflow's webhook goes to the new URL", async () => {
    const { pl, call } = await pipelinesApp();
    const first = await webhookReceiver(call);
    const second = await webhookReceiver(call);
    const created = await pl("POST", `${BASE}?start=false`, { ...JSON.parse(SEED_EXAMPLE), webhook_url: first.url });
    const id = created.body.id;
    const patched = await pl("PATCH", `${BASE}${id}`, { name: "Renamed", description: null, webhook_url: second.url });
    expect(patched.status).toBe(200);
    expectSeedShape(patched.body, "WorkflowPublic");
    expect(patched.body).toMatchObject({ name: "Renamed", description: null, webhook_url: second.url, origin_instance: "api-prod" });
    expect((await pl("PATCH", `${BASE}${id}`, { name: "" })).status).toBe(422);
    expect((await pl("PATCH", `${BASE}${id}`, {})).body.name).toBe("Renamed");

    await pl("POST", `${BASE}${id}/start`);
    const calls = await eventually(second.calls, (c) => c.length > 0);
    expect(calls[0].valid).toBe(true);
    expectSeedShape(calls[0].body, "WorkflowPublic");
    expect(calls[0].body).toMatchObject({ id, name: "Renamed", status: "COMPLETED" });
    expect(await first.calls()).toEqual([]);
    const native = (await call("GET", `/v1/runs/${id}`)).body;
    expect((await call("GET", `/v1/workflows/${native.workflow_id}`)).body).toMatchObject({ name: "Renamed", webhook_url: second.url });
  });
});

describe("webhooks", () => {
  it("POSTs WorkflowPublic when the workflow ends, and on every step change when subtask events are on", async () => {
    const { pl, call } = await pipelinesApp();
    const quiet = await webhookReceiver(call);
    const chatty = await webhookReceiver(call);
    const q = (await pl("POST", BASE, { ...JSON.parse(SEED_EXAMPLE), webhook_url: quiet.url })).body.id;
    const c = (await pl("POST", BASE, { ...JSON.parse(SEED_EXAMPLE), webhook_url: chatty.url, suppress_subtask_events: false })).body.id;
    await waitForWorkflow(pl, q, ended);
    await waitForWorkflow(pl, c, ended);
    const quietCalls = await eventually(quiet.calls, (x) => x.length > 0);
    expect(quietCalls.map((x) => x.body.status)).toEqual(["COMPLETED"]);
    const chattyCalls = await eventually(chatty.calls, (x) => x.some((y) => y.body.status === "COMPLETED"));
    for (const x of chattyCalls) {
      expect(x.valid).toBe(true);
      expectSeedShape(x.body, "WorkflowPublic");
    }
    const deliveries = (await call("GET", `/v1/runs/${c}/deliveries`)).body.data.map((d: Body) => d.event);
    expect(deliveries.reverse()).toEqual(["step.started", "step.completed", "step.started", "step.completed", "run.completed"]);
    expect(chattyCalls.map((x) => x.body.steps.map((s: Body) => s.status).join(","))).toContain("COMPLETED,RUNNING");
  });
});

describe("OpenAPI document", () => {
  it("describes the eight routes with operation ids, and the answers validate against it", async () => {
    const doc = await dialectDocument("pipelines");
    expect(doc.servers[0].url).toBe("/compat/pipelines");
    const operations = Object.values(doc.paths).flatMap((p: Body) => Object.values(p).map((o: Body) => o.operationId));
    expect(operations.sort()).toEqual(
      [
        "cancelWorkflow",
        "cleanupWorkflow",
        "createWorkflow",
        "getWorkflow",
        "listWorkflows",
        "resumeWorkflow",
        "startWorkflow",
        "updateWorkflow",
      ].sort(),
    );
    expect(doc.components.securitySchemes.Credential).toMatchObject({ type: "http", scheme: "bearer" });
    expect(documentSchema(doc, "CreateWorkflow")(JSON.parse(SEED_EXAMPLE))).toEqual([]);
    const { pl } = await pipelinesApp();
    const created = await pl("POST", `${BASE}?start=false`, SEED_EXAMPLE);
    expect(documentSchema(doc, "WorkflowPublic")(created.body)).toEqual([]);
    expect(documentSchema(doc, "WorkflowListResponse")((await pl("GET", BASE)).body)).toEqual([]);
    expect(documentSchema(doc, "HTTPValidationError")((await pl("POST", BASE, {})).body)).toEqual([]);
    expect((await request("GET", "/docs")).body).toContain("/compat/pipelines/openapi.json");
  });
});
