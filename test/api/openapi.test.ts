import { describe, expect, it } from "vitest";
import { request } from "../helpers";

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
