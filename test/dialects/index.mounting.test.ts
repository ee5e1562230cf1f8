import { describe, expect, it } from "vitest";
import { newApp, request } from "../support/worker";

/**
 * Every dialect answers from a router of its own, made on the first request under its prefix
 * (src/dialects/index.ts): the request keeps the id the API gave it, and a path no route of the
 * dialect takes is answered as any unknown path is.
 */
const NAMES = ["leap", "apps", "dataflow", "looply", "pipelines"];

describe("dialect mounting", () => {
  it("answers a path under a dialect's prefix that no route takes with the native 404, carrying the request's own id", async () => {
    const { key } = await newApp();
    for (const name of NAMES) {
      const sent = `trace-${name}.1`;
      const res = await request("GET", `/compat/${name}/no/such/path`, undefined, {
        "x-api-key": key,
        authorization: `Bearer ${key}`,
        "x-request-id": sent,
      });
      expect(res.status, name).toBe(404);
      expect(res.headers.get("x-request-id"), name).toBe(sent);
      expect(res.body, name).toEqual({
        error: { code: "NOT_FOUND", message: `No route for GET /compat/${name}/no/such/path`, request_id: sent },
      });
    }
  });

  it("gives a dialect's own error body the id in the answer's X-Request-Id", async () => {
    const res = await request("GET", "/compat/leap/workflows/some-id");
    expect(res.status).toBe(401);
    expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
    expect(res.body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes a dialect's prefix itself as under the prefix", async () => {
    const res = await request("GET", "/compat/looply");
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: "Forbidden" });
  });
});
