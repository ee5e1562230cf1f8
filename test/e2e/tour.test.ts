import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { greeting, THREE_MISTAKE_PATHS, threeMistakes } from "../support/fixtures";
import { adminCall, call, newE2eApp, type Stepline, startStepline } from "./harness";

/** The README tour against a real `wrangler dev`, over HTTP only. */
describe("the tour", () => {
  let server: Stepline;

  beforeAll(async () => {
    server = await startStepline();
  });

  afterAll(async () => {
    if (!server) return;
    await server.stop();
    rmSync(server.persistTo, { recursive: true, force: true });
  });

  it("answers /healthz", async () => {
    const res = await call(server.url, "GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("creates an app and a key with the admin token, then a workflow with the key, and reads it back", async () => {
    const app = await adminCall(server.url, "POST", "/v1/admin/apps", { name: "Tour" });
    expect(app.status).toBe(201);
    const key = await adminCall(server.url, "POST", `/v1/admin/apps/${app.body.id}/keys`, { name: "laptop" });
    expect(key.status).toBe(201);
    expect(key.body.key).toMatch(/^sk_/);
    const headers = { "x-api-key": key.body.key };

    const created = await call(server.url, "POST", "/v1/workflows", greeting(), headers);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Greet", current_version: 1, steps: greeting().steps });

    const fetched = await call(server.url, "GET", `/v1/workflows/${created.body.id}`, undefined, headers);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);

    const listed = await call(server.url, "GET", "/v1/workflows", undefined, { authorization: `Bearer ${key.body.key}` });
    expect(listed.body.data.map((w: { id: string }) => w.id)).toEqual([created.body.id]);

    const keys = await call(server.url, "GET", "/v1/keys", undefined, headers);
    expect(JSON.stringify(keys.body)).not.toContain(key.body.key);
  });

  it("refuses a definition with three mistakes in one 400 naming all three", async () => {
    const { call: as } = await newE2eApp(server.url);
    const res = await as("POST", "/v1/workflows", threeMistakes());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([...THREE_MISTAKE_PATHS].sort());
    expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
    expect((await as("GET", "/v1/workflows")).body.data).toEqual([]);
  });

  it("refuses a request without a key, saying which header to send", async () => {
    const res = await call(server.url, "GET", "/v1/workflows");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("X-Api-Key");
  });

  it("serves the OpenAPI document and the docs page", async () => {
    const doc = await call(server.url, "GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\.1\./);
    expect(doc.body.paths).toHaveProperty("/v1/workflows");
    expect(doc.body.components.schemas).toHaveProperty("WorkflowDefinition");
    const docs = await call(server.url, "GET", "/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("stops by PID, leaving no process behind", async () => {
    const pid = server.pid;
    await server.stop();
    expect(() => process.kill(-pid, 0)).toThrow();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
