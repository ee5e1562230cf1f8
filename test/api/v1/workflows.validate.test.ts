import { describe, expect, it } from "vitest";
import { greeting, threeMistakes } from "../../support/fixtures";
import { type Body, type Call, createWorkflow, newApp } from "../../support/worker";

const note = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: "note", config: { text: id }, ...extra });

/** Definitions creation refuses, each for a different reason: schema, semantic, both at once. */
const BAD_DEFINITIONS: Record<string, unknown> = {
  "not an object": [1, 2],
  "no name": { steps: [note("a")] },
  "no steps": { name: "x", steps: [] },
  "a field no definition has": { ...greeting(), colour: "blue" },
  "a bad step id and a duplicate": { name: "x", steps: [note("1st"), note("b"), note("b")] },
  "an unknown type": { name: "x", steps: [{ id: "a", type: "teleport", config: {} }] },
  "an http step without a url": { name: "x", steps: [{ id: "a", type: "http", config: { method: "GET" } }] },
  "an unknown config key": { name: "x", steps: [{ id: "a", type: "http", config: { url: "https://example.com", methd: "POST" } }] },
  "a missing dependency and a self dependency": {
    name: "x",
    steps: [note("a", { depends_on: ["a"] }), note("b", { depends_on: ["ghost"] })],
  },
  "a cycle": { name: "x", steps: [note("a", { depends_on: ["b"] }), note("b", { depends_on: ["a"] })] },
  "a broken expression": { name: "x", steps: [{ id: "a", type: "transform", config: { value: "{{ input.name" } }] },
  "an input schema that is not a schema": { name: "x", input_schema: { type: "strin" }, steps: [note("a")] },
  "typed steps whose types differ": {
    name: "x",
    steps: [
      { id: "count", type: "TextOperation.Length", config: {} },
      { id: "flip", type: "TextOperation.Reverse", depends_on: ["count"], config: {} },
    ],
  },
  "a waiting step with for_each": {
    name: "x",
    steps: [{ id: "w", type: "wait_for_event", for_each: "{{ input.items }}", config: { event: "go" } }],
  },
  "three unrelated mistakes": threeMistakes(),
  "schema and semantic mistakes together": {
    name: 7,
    steps: [note("a", { depends_on: ["nowhere"] }), { id: "b", type: "sleep", config: {} }],
  },
  "a webhook URL with a scheme Stepline does not call": { ...greeting(), webhook_url: "ftp://example.com/hook" },
};

async function workflowCount(call: Call): Promise<number> {
  return (await call("GET", "/v1/workflows?include_deleted=true&limit=100")).body.data.length;
}

describe("POST /v1/workflows/validate", () => {
  it("answers valid for a definition creation accepts, and stores nothing", async () => {
    const { call } = await newApp();
    const res = await call("POST", "/v1/workflows/validate", greeting());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: true, problems: [] });
    expect(await workflowCount(call)).toBe(0);
  });

  it("lists exactly the problems creation refuses each bad definition with, and stores nothing", async () => {
    const { call } = await newApp();
    for (const [reason, definition] of Object.entries(BAD_DEFINITIONS)) {
      const validated = await call("POST", "/v1/workflows/validate", definition);
      const created = await call("POST", "/v1/workflows", definition);
      expect(created.status, reason).toBe(400);
      expect(validated.status, reason).toBe(200);
      expect(validated.body.valid, reason).toBe(false);
      expect(validated.body.problems, reason).toEqual(created.body.error.details);
    }
    expect(await workflowCount(call)).toBe(0);
  });

  it("is allowed to a read-only key, since nothing changes", async () => {
    const { call } = await newApp();
    const made = await call("POST", "/v1/keys", { name: "reader", scopes: ["read"] });
    expect(made.status).toBe(201);
    const res = await call("POST", "/v1/workflows/validate", threeMistakes(), { "x-api-key": made.body.key });
    expect(res.status).toBe(200);
    expect(res.body.problems.map((p: Body) => p.path)).toEqual(["steps[0].type", "steps[1].depends_on[0]", "steps[2].config.value"]);
  });
});

describe("POST /v1/workflows/{id}/versions/validate", () => {
  it("lists exactly the problems adding the version would, and adds none", async () => {
    const { call } = await newApp();
    const id = await createWorkflow(call, greeting());
    const good = await call("POST", `/v1/workflows/${id}/versions/validate`, { steps: [note("only")] });
    expect(good.body).toEqual({ valid: true, problems: [] });
    for (const definition of [
      { steps: [] },
      { steps: [note("a", { depends_on: ["b"] }), note("b", { depends_on: ["a"] })] },
      { name: "x", steps: [note("a")] },
    ]) {
      const validated = await call("POST", `/v1/workflows/${id}/versions/validate`, definition);
      const created = await call("POST", `/v1/workflows/${id}/versions`, definition);
      expect(created.status).toBe(400);
      expect(validated.body).toEqual({ valid: false, problems: created.body.error.details });
    }
    expect((await call("GET", `/v1/workflows/${id}`)).body.latest_version).toBe(1);
  });

  it("is a 404 for a workflow that does not exist, valid body or not", async () => {
    const { call } = await newApp();
    for (const body of [{ steps: [note("a")] }, { steps: [] }]) {
      const res = await call("POST", "/v1/workflows/0193a1b2-c3d4-7e5f-8071-8293a4b5c6d7/versions/validate", body);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("WORKFLOW_NOT_FOUND");
    }
  });
});
