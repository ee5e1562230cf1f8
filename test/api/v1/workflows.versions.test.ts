import { describe, expect, it } from "vitest";
import { greeting } from "../../support/fixtures";
import { type Call, newApp } from "../../support/worker";

async function create(call: Call) {
  const res = await call("POST", "/v1/workflows", greeting());
  expect(res.status).toBe(201);
  return res.body as { id: string; steps: Array<Record<string, unknown>> };
}

const otherSteps = [{ id: "shout", type: "transform", config: { value: "{{ $uppercase(input.name) }}" } }];

async function versionNumbers(call: Call, id: string): Promise<number[]> {
  const res = await call("GET", `/v1/workflows/${id}/versions?limit=100`);
  expect(res.status).toBe(200);
  return res.body.data.map((v: { version: number }) => v.version);
}

describe("versions made by PATCH /v1/workflows/{id}", () => {
  it("changing steps creates version 2 and makes it current", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { steps: otherSteps });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ current_version: 2, latest_version: 2, steps: otherSteps });
    // The rest of the definition is carried over from the version it replaces.
    expect(res.body.input_schema).toEqual(greeting().input_schema);
    expect(await versionNumbers(call, wf.id)).toEqual([2, 1]);
  });

  it("changing input_schema creates a new version", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const schema = { type: "object", required: ["name"], properties: { name: { type: "string" } } };
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { input_schema: schema });
    expect(res.body).toMatchObject({ current_version: 2, latest_version: 2, input_schema: schema });
  });

  it("changing output creates a new version", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { output: "{{ steps.greet.output }}" });
    expect(res.body).toMatchObject({ current_version: 2, latest_version: 2, output: "{{ steps.greet.output }}" });
  });

  it("changing only name, description, webhook_url, retention or discoverable keeps the version", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const patches = [
      { name: "Renamed" },
      { description: "Other words" },
      { webhook_url: "https://example.com/hook" },
      { retention: { max_age_seconds: 3600, preserve_on_failure: true } },
      { discoverable: true },
    ];
    for (const patch of patches) {
      const res = await call("PATCH", `/v1/workflows/${wf.id}`, patch);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ...patch, current_version: 1, latest_version: 1 });
    }
    expect(await versionNumbers(call, wf.id)).toEqual([1]);
  });

  it("sending the same steps again keeps the version", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { steps: greeting().steps, name: "Same steps" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Same steps", current_version: 1, latest_version: 1 });
    expect(await versionNumbers(call, wf.id)).toEqual([1]);
  });

  it("the same steps with keys in another order keep the version", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const reordered = greeting().steps.map((step) => Object.fromEntries(Object.entries(step).reverse()));
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { steps: reordered });
    expect(res.body).toMatchObject({ current_version: 1, latest_version: 1 });
  });

  it("current_version moves back to an earlier version (rollback) and serves its definition", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    await call("PATCH", `/v1/workflows/${wf.id}`, { steps: otherSteps });
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { current_version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ current_version: 1, latest_version: 2, steps: greeting().steps });
    const get = await call("GET", `/v1/workflows/${wf.id}`);
    expect(get.body).toMatchObject({ current_version: 1, latest_version: 2, steps: greeting().steps });
    const forward = await call("PATCH", `/v1/workflows/${wf.id}`, { current_version: 2 });
    expect(forward.body).toMatchObject({ current_version: 2, steps: otherSteps });
  });

  it("a change after a rollback becomes the next number, not a reuse of an old one", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    await call("PATCH", `/v1/workflows/${wf.id}`, { steps: otherSteps });
    await call("PATCH", `/v1/workflows/${wf.id}`, { current_version: 1 });
    const third = [{ id: "third", type: "transform", config: { value: 3 } }];
    const res = await call("PATCH", `/v1/workflows/${wf.id}`, { steps: third });
    expect(res.body).toMatchObject({ current_version: 3, latest_version: 3, steps: third });
    expect(await versionNumbers(call, wf.id)).toEqual([3, 2, 1]);
  });
});

describe("POST /v1/workflows/{id}/versions", () => {
  it("adds version N+1 and makes it current", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    const res = await call("POST", `/v1/workflows/${wf.id}/versions`, { steps: otherSteps, output: "{{ steps.shout.output }}" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ workflow_id: wf.id, version: 2, steps: otherSteps, output: "{{ steps.shout.output }}" });
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
    const get = await call("GET", `/v1/workflows/${wf.id}`);
    expect(get.body).toMatchObject({ current_version: 2, latest_version: 2, steps: otherSteps });
  });
});

describe("GET /v1/workflows/{id}/versions", () => {
  it("lists versions newest first, each with its definition", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    await call("POST", `/v1/workflows/${wf.id}/versions`, { steps: otherSteps });
    const res = await call("GET", `/v1/workflows/${wf.id}/versions`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject([
      { workflow_id: wf.id, version: 2, steps: otherSteps },
      { workflow_id: wf.id, version: 1, steps: greeting().steps, input_schema: greeting().input_schema },
    ]);
    expect(res.body.next_cursor).toBeNull();
  });

  it("pages with limit and an opaque cursor", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    for (let i = 2; i <= 5; i++) {
      const steps = [{ id: "v", type: "transform", config: { value: i } }];
      expect((await call("POST", `/v1/workflows/${wf.id}/versions`, { steps })).status).toBe(201);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const res = await call("GET", `/v1/workflows/${wf.id}/versions${query}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((v: { version: number }) => v.version));
      cursor = res.body.next_cursor;
      if (cursor) expect(cursor).not.toMatch(/^\d+$/);
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });
});

describe("GET /v1/workflows/{id}/versions/{n}", () => {
  it("returns that version even after it stopped being current", async () => {
    const { call } = await newApp();
    const wf = await create(call);
    await call("PATCH", `/v1/workflows/${wf.id}`, { steps: otherSteps });
    const v1 = await call("GET", `/v1/workflows/${wf.id}/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ workflow_id: wf.id, version: 1, steps: greeting().steps });
    const v2 = await call("GET", `/v1/workflows/${wf.id}/versions/2`);
    expect(v2.body).toMatchObject({ version: 2, steps: otherSteps });
  });
});
