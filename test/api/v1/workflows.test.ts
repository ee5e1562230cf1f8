import { describe, expect, it } from "vitest";
import { greeting } from "../../support/fixtures";
import { type Call, newApp } from "../../support/worker";

async function create(call: Call, overrides: Parameters<typeof greeting>[0] = {}) {
  const res = await call("POST", "/v1/workflows", greeting(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

describe("POST /v1/workflows", () => {
  it("creates version 1 and answers with the workflow and its definition", async () => {
    const { call } = await newApp();
    const res = await call("POST", "/v1/workflows", greeting({ discoverable: true, webhook_url: "https://example.com/hook" }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Greet",
      description: "Says hello",
      current_version: 1,
      latest_version: 1,
      discoverable: true,
      webhook_url: "https://example.com/hook",
      deleted_at: null,
      steps: greeting().steps,
      input_schema: greeting().input_schema,
    });
    expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
  });

  it("keeps every step field verbatim, meta included", async () => {
    const { call } = await newApp();
    const step = {
      id: "call",
      type: "http",
      name: "Call the API",
      depends_on: [],
      if: "{{ input.enabled }}",
      config: { method: "POST", url: "https://example.com/{id}", path_params: { id: "{{ input.id }}" }, body: { a: 1 } },
      retry: { max_attempts: 3, backoff: "exponential", delay: "1s", max_delay: "5m" },
      timeout: "30s",
      on_error: "continue",
      meta: { x: 10, y: 20, notes: ["kept"] },
    };
    const body = await create(call, { steps: [step], output: "{{ steps.call.output.body }}" });
    expect(body.steps).toEqual([step]);
    expect(body.output).toBe("{{ steps.call.output.body }}");
  });
});

describe("GET /v1/workflows/{id}", () => {
  it("returns the workflow with its current version's definition", async () => {
    const { call } = await newApp();
    const created = await create(call);
    const res = await call("GET", `/v1/workflows/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
  });
});

describe("GET /v1/workflows", () => {
  it("lists the app's workflows newest first without their definitions", async () => {
    const { call } = await newApp();
    const first = await create(call, { name: "first" });
    const second = await create(call, { name: "second" });
    const res = await call("GET", "/v1/workflows");
    expect(res.status).toBe(200);
    expect(res.body.data.map((w: { id: string }) => w.id)).toEqual([second.id, first.id]);
    expect(res.body.data[0]).not.toHaveProperty("steps");
    expect(res.body.next_cursor).toBeNull();
  });

  it("pages with limit and an opaque next_cursor until the list ends", async () => {
    const { call } = await newApp();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await create(call, { name: `wf ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const res = await call("GET", `/v1/workflows${query}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((w: { id: string }) => w.id));
      cursor = res.body.next_cursor;
      if (cursor) expect(ids).not.toContain(cursor);
      pages++;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it("accepts a limit of 100", async () => {
    const { call } = await newApp();
    await create(call);
    const res = await call("GET", "/v1/workflows?limit=100");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
  });

  it("filters by exact name", async () => {
    const { call } = await newApp();
    const wanted = await create(call, { name: "Nightly report" });
    await create(call, { name: "Nightly report v2" });
    await create(call, { name: "nightly report" });
    const res = await call("GET", `/v1/workflows?name=${encodeURIComponent("Nightly report")}`);
    expect(res.body.data.map((w: { id: string }) => w.id)).toEqual([wanted.id]);
  });

  it("finds workflows by a part of their name in any case, paged, and never another app's", async () => {
    const { call } = await newApp();
    const other = await newApp();
    await create(other.call, { name: "Approval elsewhere" });
    const older = await create(call, { name: "Approval of invoices" });
    await create(call, { name: "Nightly report" });
    const newer = await create(call, { name: "needs APPROVAL" });
    const first = await call("GET", "/v1/workflows?name_contains=appr&limit=1");
    expect(first.status).toBe(200);
    expect(first.body.data.map((w: { id: string }) => w.id)).toEqual([newer.id]);
    const second = await call("GET", `/v1/workflows?name_contains=appr&limit=1&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.body.data.map((w: { id: string }) => w.id)).toEqual([older.id]);
    expect(second.body.next_cursor).toBeNull();
    // Wildcards of LIKE are plain characters here.
    expect((await call("GET", "/v1/workflows?name_contains=%25")).body.data).toEqual([]);
    expect((await call("GET", "/v1/workflows?name_contains=_")).body.data).toEqual([]);
    const empty = await call("GET", "/v1/workflows?name_contains=");
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe("query.name_contains");
  });

  it("filters by discoverable", async () => {
    const { call } = await newApp();
    const shared = await create(call, { name: "shared", discoverable: true });
    const own = await create(call, { name: "own" });
    const yes = await call("GET", "/v1/workflows?discoverable=true");
    expect(yes.body.data.map((w: { id: string }) => w.id)).toEqual([shared.id]);
    const no = await call("GET", "/v1/workflows?discoverable=false");
    expect(no.body.data.map((w: { id: string }) => w.id)).toEqual([own.id]);
  });
});

describe("PATCH /v1/workflows/{id}", () => {
  it("changes metadata and answers with the updated workflow", async () => {
    const { call } = await newApp();
    const created = await create(call);
    const res = await call("PATCH", `/v1/workflows/${created.id}`, { name: "Renamed", description: "New words", discoverable: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, name: "Renamed", description: "New words", discoverable: true });
    const again = await call("GET", `/v1/workflows/${created.id}`);
    expect(again.body).toMatchObject({ name: "Renamed", description: "New words", discoverable: true });
  });

  it("clears the webhook URL with null", async () => {
    const { call } = await newApp();
    const created = await create(call, { webhook_url: "https://example.com/hook" });
    const res = await call("PATCH", `/v1/workflows/${created.id}`, { webhook_url: null });
    expect(res.status).toBe(200);
    expect(res.body.webhook_url).toBeNull();
  });
});

describe("DELETE /v1/workflows/{id}", () => {
  it("soft-deletes: hidden from the list and from GET unless include_deleted=true", async () => {
    const { call } = await newApp();
    const kept = await create(call, { name: "kept" });
    const gone = await create(call, { name: "gone" });
    const res = await call("DELETE", `/v1/workflows/${gone.id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(gone.id);
    expect(Date.parse(res.body.deleted_at)).not.toBeNaN();

    const list = await call("GET", "/v1/workflows");
    expect(list.body.data.map((w: { id: string }) => w.id)).toEqual([kept.id]);
    const withDeleted = await call("GET", "/v1/workflows?include_deleted=true");
    expect(withDeleted.body.data.map((w: { id: string }) => w.id)).toEqual([gone.id, kept.id]);

    const get = await call("GET", `/v1/workflows/${gone.id}`);
    expect(get.status).toBe(404);
    expect(get.body.error.code).toBe("WORKFLOW_NOT_FOUND");
    const getDeleted = await call("GET", `/v1/workflows/${gone.id}?include_deleted=true`);
    expect(getDeleted.status).toBe(200);
    expect(getDeleted.body).toMatchObject({ id: gone.id, deleted_at: res.body.deleted_at, steps: greeting().steps });
  });

  it("treats a deleted workflow as gone for every other route", async () => {
    const { call } = await newApp();
    const gone = await create(call);
    await call("DELETE", `/v1/workflows/${gone.id}`);
    const attempts = [
      await call("DELETE", `/v1/workflows/${gone.id}`),
      await call("PATCH", `/v1/workflows/${gone.id}`, { name: "back" }),
      await call("GET", `/v1/workflows/${gone.id}/versions`),
      await call("GET", `/v1/workflows/${gone.id}/versions/1`),
      await call("POST", `/v1/workflows/${gone.id}/versions`, { steps: greeting().steps }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
  });
});
