import { describe, expect, it } from "vitest";
import { documentChecker } from "../support/openapi-check";
import { type Body, request } from "../support/worker";

describe("GET /healthz", () => {
  it("answers 200 without credentials", async () => {
    const res = await request("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document, served without credentials", async () => {
    const res = await request("GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    expect(res.body.info).toMatchObject({ title: "Stepline", version: expect.any(String) });
  });

  it("describes every foundation route with its methods", async () => {
    const { body } = await request("GET", "/openapi.json");
    const expected: Record<string, string[]> = {
      "/v1/admin/apps": ["post"],
      "/v1/admin/apps/{app_id}/keys": ["post"],
      "/v1/keys": ["get", "post"],
      "/v1/keys/{id}": ["delete"],
      "/v1/workflows": ["get", "post"],
      "/v1/workflows/{id}": ["delete", "get", "patch"],
      "/v1/workflows/{id}/versions": ["get", "post"],
      "/v1/workflows/{id}/versions/{version}": ["get"],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(body.paths[path], path).toBeDefined();
      for (const method of methods) expect(body.paths[path][method], `${method} ${path}`).toBeDefined();
    }
    expect(body.paths["/v1/workflows/{id}/versions/{version}"].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "version", in: "path" })]),
    );
  });

  it("has the WorkflowDefinition schema with its steps", async () => {
    const { body } = await request("GET", "/openapi.json");
    const definition = body.components.schemas.WorkflowDefinition;
    expect(definition).toBeDefined();
    expect(definition.required).toEqual(expect.arrayContaining(["name", "steps"]));
    expect(definition.properties.steps.type).toBe("array");
    expect(definition.properties.steps.maxItems).toBe(500);
    expect(body.components.schemas.Step.properties).toHaveProperty("depends_on");
    const create = body.paths["/v1/workflows"].post.requestBody.content["application/json"].schema;
    expect(create).toEqual({ $ref: "#/components/schemas/WorkflowDefinition" });
  });

  it("documents the error envelope and the ways to authenticate", async () => {
    const { body } = await request("GET", "/openapi.json");
    expect(body.components.schemas.Error.properties.error.required).toEqual(expect.arrayContaining(["code", "message", "request_id"]));
    expect(Object.keys(body.components.securitySchemes).sort()).toEqual(["AdminToken", "ApiKey", "Bearer"]);
    expect(body.components.securitySchemes.ApiKey).toMatchObject({ type: "apiKey", in: "header", name: "X-Api-Key" });
    expect(body.paths["/v1/admin/apps"].post.security).toEqual([{ AdminToken: [] }]);
  });
});

describe("GET /docs", () => {
  it("is an HTML page that loads /openapi.json", async () => {
    const res = await request("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toContain("/openapi.json");
  });
});

type Operation = {
  operationId: string;
  tags: string[];
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }>;
};

async function operations(): Promise<{ doc: Body; ops: Array<{ method: string; path: string; op: Operation }> }> {
  const doc = (await request("GET", "/openapi.json")).body;
  const ops = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
  return { doc, ops };
}

const codesOf = (response: Operation["responses"][string]) =>
  (response.content?.["application/json"]?.schema as Body)?.allOf?.[1].properties.error.properties.code.enum as string[];

describe("the OpenAPI document tells the whole truth", () => {
  it("names every operation with a unique camelCase operationId, under a described tag", async () => {
    const { doc, ops } = await operations();
    expect(ops.length).toBeGreaterThanOrEqual(50);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
    const byRoute = Object.fromEntries(ops.map(({ method, path, op }) => [`${method.toUpperCase()} ${path}`, op.operationId]));
    expect(byRoute).toMatchObject({
      "GET /v1/runs": "listRuns",
      "GET /v1/runs/{id}": "getRun",
      "POST /v1/workflows/{id}/runs": "startRun",
      "POST /v1/runs/{id}/cancel": "cancelRun",
      "POST /v1/runs/{id}/events": "sendRunEvent",
      "GET /v1/workflows": "listWorkflows",
      "POST /v1/workflows": "createWorkflow",
      "DELETE /v1/runs/{id}": "purgeRun",
    });
    const tags = new Map((doc.tags as Array<{ name: string; description: string }>).map((t) => [t.name, t.description]));
    for (const { op } of ops) for (const tag of op.tags) expect(tags.get(tag), tag).toMatch(/\w/);
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(doc.info.license).toMatchObject({ name: expect.any(String), identifier: expect.any(String) });
  });

  it("documents the headers the server reads and writes", async () => {
    const { doc, ops } = await operations();
    const idempotent = [
      "POST /v1/workflows",
      "POST /v1/workflows/{id}/runs",
      "POST /v1/runs/{id}/replay",
      "POST /v1/discover/workflows/{id}/runs",
    ];
    for (const { method, path, op } of ops) {
      const route = `${method.toUpperCase()} ${path}`;
      const refs = (op.parameters ?? []).map((p) => p.$ref);
      expect(refs, route).toContain("#/components/parameters/RequestId");
      expect(refs.includes("#/components/parameters/IdempotencyKey"), route).toBe(idempotent.includes(route));
      for (const [status, response] of Object.entries(op.responses)) {
        const headers = response.$ref ? doc.components.responses[response.$ref.split("/").pop() as string].headers : response.headers;
        expect(headers?.["X-Request-Id"], `${route} ${status}`).toEqual({ $ref: "#/components/headers/RequestId" });
        if (idempotent.includes(route) && status.startsWith("2")) expect(headers?.["Idempotent-Replayed"]).toBeDefined();
      }
    }
    expect(doc.components.headers.RequestId.required).toBe(true);
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header" });
    const stream = doc.paths["/v1/runs/{id}/stream"].get as Operation;
    expect(stream.parameters).toContainEqual(expect.objectContaining({ name: "Last-Event-ID", in: "header" }));
    expect(stream.responses["200"].content).toHaveProperty(["text/event-stream", "schema", "type"], "string");
    const callback = doc.paths["/v1/callbacks/{token}"].post as Operation;
    expect(Object.keys(callback.requestBody?.content ?? {})).toEqual(["application/json", "text/plain"]);
  });

  it("gives every JSON answer a real schema, and every error the codes it can carry", async () => {
    const { ops } = await operations();
    for (const { method, path, op } of ops) {
      const route = `${method.toUpperCase()} ${path}`;
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content?.["application/json"]?.schema;
        if (!response.$ref && response.content?.["application/json"])
          expect(Object.keys(schema as object), `${route} ${status}`).not.toEqual([]);
        if (status.startsWith("4") && !response.$ref) expect(codesOf(response).length, `${route} ${status}`).toBeGreaterThan(0);
      }
      expect(op.responses["500"], route).toEqual({ $ref: "#/components/responses/InternalError" });
      if (op.requestBody?.content["application/json"] && path !== "/v1/callbacks/{token}") {
        expect(codesOf(op.responses["415"]), route).toEqual(["UNSUPPORTED_MEDIA_TYPE"]);
        expect(codesOf(op.responses["400"]), route).toContain("INVALID_JSON");
      }
      if (method !== "get") expect(codesOf(op.responses["413"]), route).toContain("PAYLOAD_TOO_LARGE");
    }
    const doc = Object.fromEntries(ops.map(({ method, path, op }) => [`${method.toUpperCase()} ${path}`, op.responses]));
    expect(codesOf(doc["GET /v1/runs/{id}"]["410"])).toEqual(["RUN_PURGED"]);
    expect(codesOf(doc["POST /v1/runs/{id}/events"]["409"]).sort()).toEqual(["DUPLICATE_EVENT", "NO_WAITING_STEP", "RUN_ALREADY_FINISHED"]);
    expect(codesOf(doc["DELETE /v1/runs/{id}"]["409"])).toEqual(["RUN_NOT_ENDED"]);
    expect(codesOf(doc["DELETE /v1/keys/{id}"]["409"])).toEqual(["CONFLICT"]);
    expect(codesOf(doc["POST /v1/workflows/{id}/runs"]["422"])).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    expect(codesOf(doc["POST /v1/callbacks/{token}"]["410"]).sort()).toEqual(["CALLBACK_EXPIRED", "RUN_PURGED"]);
  });
});

describe("the response check (test/support/openapi-check.ts)", () => {
  const json = { "content-type": "application/json", "x-request-id": "r" };
  const error = (code: string) => ({ error: { code, message: "m", request_id: "r" } });

  it("finds an undocumented status, a wrong body, an unnamed field, a missing header and a wrong Allow", async () => {
    const check = documentChecker((await request("GET", "/openapi.json")).body, { exclude: ["/compat/"], closed: true });
    const key = {
      id: "k",
      name: "n",
      prefix: "sk_x",
      scopes: ["read"],
      created_at: "2026-01-01T00:00:00.000Z",
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    };
    const report = check([
      { method: "GET", path: "/v1/keys?limit=1", status: 200, headers: json, body: { data: [key], next_cursor: null } },
      { method: "DELETE", path: "/v1/keys/k", status: 409, headers: json, body: error("CONFLICT") },
      { method: "GET", path: "/v1/keys", status: 418, headers: json, body: error("TEAPOT") },
      { method: "GET", path: "/v1/keys", status: 200, headers: json, body: { data: [{ ...key, extra: 1 }], next_cursor: null } },
      { method: "GET", path: "/v1/keys", status: 200, headers: json, body: { data: [{ ...key, created_at: 5 }], next_cursor: null } },
      { method: "DELETE", path: "/v1/keys/k", status: 409, headers: json, body: error("RUN_NOT_ENDED") },
      {
        method: "GET",
        path: "/v1/keys",
        status: 200,
        headers: { "content-type": "application/json" },
        body: { data: [], next_cursor: null },
      },
      { method: "PUT", path: "/v1/keys", status: 405, headers: { ...json, allow: "GET" }, body: error("METHOD_NOT_ALLOWED") },
      { method: "PUT", path: "/v1/keys", status: 405, headers: { ...json, allow: "GET, POST" }, body: error("METHOD_NOT_ALLOWED") },
      { method: "GET", path: "/compat/leap/v1/runs/x", status: 200, headers: json, body: {} },
      { method: "GET", path: "/nowhere", status: 404, headers: json, body: error("NOT_FOUND") },
    ]);
    expect(report.checked).toBe(9);
    expect(report.skipped).toBe(2);
    expect(report.problems).toEqual([
      expect.stringMatching(/^GET \/v1\/keys .* 418: status not documented/),
      expect.stringMatching(/ 200: body does not match the schema: .*data\/0/),
      expect.stringMatching(/ 200: body does not match the schema: .*created_at/),
      expect.stringMatching(/^DELETE \/v1\/keys\/k .* 409: body does not match the schema: .*code/),
      expect.stringMatching(/ 200: required header X-Request-Id is missing/),
      expect.stringMatching(/^PUT \/v1\/keys .* 405: Allow is "GET", the document has GET,POST/),
    ]);
    expect([...report.seen]).toContain("DELETE /v1/keys/{id} 409");
  });

  it("checks another document mounted under a prefix", () => {
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/v1/runs/{id}": {
          get: {
            responses: {
              "200": {
                description: "a run",
                content: { "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
              },
            },
          },
        },
      },
    };
    const check = documentChecker(doc, { prefix: "/compat/leap" });
    const report = check([
      { method: "GET", path: "/compat/leap/v1/runs/1", status: 200, headers: json, body: { id: "1", more: true } },
      { method: "GET", path: "/compat/leap/v1/runs/1", status: 200, headers: json, body: { id: 1 } },
      { method: "GET", path: "/v1/runs/1", status: 404, headers: json, body: {} },
    ]);
    expect(report).toMatchObject({ checked: 2, skipped: 1 });
    expect(report.problems).toEqual([
      expect.stringMatching(/^GET \/compat\/leap\/v1\/runs\/1 \(GET \/v1\/runs\/\{id\}\) 200: body does not match/),
    ]);
  });
});
