import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { greeting } from "../../support/fixtures";
import { admin, newApp, request } from "../../support/worker";

const MiB = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the error envelope", () => {
  it("an unknown route is a 404 in the envelope, with the request id", async () => {
    const app = await newApp();
    for (const res of [await request("GET", "/nowhere"), await app.call("GET", "/v1/nowhere"), await app.call("PUT", "/v1/workflowz")]) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.body).toEqual({
        error: { code: "NOT_FOUND", message: expect.stringMatching(/^No route for /), request_id: res.headers.get("x-request-id") },
      });
      expect(res.headers.get("allow")).toBeNull();
    }
  });

  it("a wrong method on a path that exists is a 405 whose Allow names the methods it has", async () => {
    const app = await newApp();
    const wf = await app.call("POST", "/v1/workflows", greeting());
    const cases: Array<[string, string, string]> = [
      ["PUT", "/v1/workflows", "GET, POST"],
      ["PUT", `/v1/workflows/${wf.body.id}`, "DELETE, GET, PATCH"],
      ["GET", `/v1/runs/${wf.body.id}/cancel`, "POST"],
      ["DELETE", "/v1/webhook-secret", "GET"],
      ["GET", "/v1/callbacks/some-token", "POST"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await app.call(method, path, method === "GET" || method === "DELETE" ? undefined : {});
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.body.error).toMatchObject({ code: "METHOD_NOT_ALLOWED", message: expect.stringContaining(allow) });
    }
    // The wrong method changed nothing.
    expect((await app.call("GET", `/v1/workflows/${wf.body.id}`)).body.name).toBe("Greet");
  });

  it("malformed JSON is a 400 INVALID_JSON on every route that takes a body", async () => {
    const app = await newApp();
    const wf = await app.call("POST", "/v1/workflows", greeting());
    const routes: Array<[string, string]> = [
      ["POST", "/v1/workflows"],
      ["PATCH", `/v1/workflows/${wf.body.id}`],
      ["POST", `/v1/workflows/${wf.body.id}/versions`],
      ["POST", "/v1/keys"],
    ];
    for (const [method, path] of routes) {
      for (const body of ['{"name": "x",', "not json at all", "{'single': 'quotes'}"]) {
        const res = await app.call(method, path, body);
        expect(res.status, `${method} ${path} ${body}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: "INVALID_JSON", message: expect.stringContaining("JSON") });
      }
    }
  });

  it("a JSON body that is not an object (null, an array, a string) is a 400 saying so, not 'not valid JSON'", async () => {
    const app = await newApp();
    const wf = await app.call("POST", "/v1/workflows", greeting());
    const routes: Array<[string, string]> = [
      ["POST", "/v1/workflows"],
      ["PATCH", `/v1/workflows/${wf.body.id}`],
      ["POST", `/v1/workflows/${wf.body.id}/runs`],
      ["POST", `/v1/workflows/${wf.body.id}/schedules`],
      ["PUT", "/v1/profiles/default/variables/NAME"],
    ];
    for (const [method, path] of routes) {
      for (const [body, kind] of [
        ["null", "null"],
        ["[]", "an array"],
        ['"text"', "a string"],
        ["42", "a number"],
      ]) {
        const res = await app.call(method, path, body);
        expect(res.status, `${method} ${path} ${body}`).toBe(400);
        expect(res.body.error).toMatchObject({
          code: "VALIDATION_FAILED",
          details: [{ path: "(body)", message: `must be a JSON object, not ${kind}` }],
        });
      }
    }
    expect((await app.call("GET", `/v1/workflows/${wf.body.id}/runs`)).body.data).toEqual([]);
  });

  it("a JSON content type with an empty body is no body: optional bodies are absent, required ones name their fields", async () => {
    const app = await newApp();
    const wf = await app.call(
      "POST",
      "/v1/workflows",
      greeting({ steps: [{ id: "wait", type: "wait_for_event", config: { event: "go" } }] }),
    );
    const started = await app.call("POST", `/v1/workflows/${wf.body.id}/runs`, "");
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const cancelled = await app.call("POST", `/v1/runs/${started.body.id}/cancel`, "");
    expect(cancelled.status).toBe(200);
    const created = await app.call("POST", "/v1/workflows", "");
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe("VALIDATION_FAILED");
    expect(created.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["name", "steps"]));
  });

  it("a body that is not sent as JSON is a 415", async () => {
    const app = await newApp();
    const res = await app.call("POST", "/v1/workflows", JSON.stringify(greeting()), { "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("a body over 1 MiB is a 413 PAYLOAD_TOO_LARGE and writes nothing", async () => {
    const app = await newApp();
    const big = JSON.stringify(greeting({ description: "x".repeat(MiB) }));
    const res = await app.call("POST", "/v1/workflows", big);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining(String(MiB)) });
    expect((await app.call("GET", "/v1/workflows")).body.data).toEqual([]);
  });

  it("a streamed body over 1 MiB without Content-Length is a 413 too", async () => {
    const app = await newApp();
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MiB + chunk.length) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const res = await SELF.fetch("http://stepline.test/v1/keys", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-api-key": app.key },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a body of just under 1 MiB is accepted", async () => {
    const app = await newApp();
    const body = JSON.stringify(greeting({ description: "" }));
    const padded = JSON.stringify(
      greeting({ description: "x".repeat(10_000), input_default: { pad: "y".repeat(MiB - body.length - 10_100) } }),
    );
    expect(padded.length).toBeLessThan(MiB);
    const res = await app.call("POST", "/v1/workflows", padded);
    expect(res.status).toBe(201);
  });

  it("an empty object is a 400 naming every missing required field", async () => {
    const app = await newApp();
    const res = await app.call("POST", "/v1/workflows", "{}");
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["name", "steps"]);
  });
});

describe("X-Request-Id", () => {
  it("is on every response, success or error, and matches the error body", async () => {
    const app = await newApp();
    const answers = [
      await request("GET", "/healthz"),
      await request("GET", "/openapi.json"),
      await request("GET", "/docs"),
      await admin("POST", "/v1/admin/apps", { name: "rid" }),
      await app.call("GET", "/v1/workflows"),
      await app.call("POST", "/v1/workflows", greeting()),
      await app.call("POST", "/v1/workflows", { name: "x" }),
      await app.call("POST", "/v1/workflows", "{"),
      await request("GET", "/v1/workflows"),
      await request("GET", "/nowhere"),
      await app.call("POST", "/v1/keys", "x".repeat(MiB + 1)),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 201, 200, 201, 400, 400, 401, 404, 413]);
    const ids = new Set<string>();
    for (const res of answers) {
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(UUID);
      ids.add(id as string);
      if (res.status >= 400) expect(res.body.error.request_id).toBe(id);
    }
    expect(ids.size).toBe(answers.length);
  });

  it("echoes a sane incoming id, in the header and in error bodies", async () => {
    const app = await newApp();
    const ok = await app.call("GET", "/v1/workflows", undefined, { "x-request-id": "client-trace.42:abc" });
    expect(ok.headers.get("x-request-id")).toBe("client-trace.42:abc");
    const failed = await request("GET", "/v1/workflows", undefined, { "x-request-id": "client-trace-43" });
    expect(failed.headers.get("x-request-id")).toBe("client-trace-43");
    expect(failed.body.error.request_id).toBe("client-trace-43");
  });

  it("replaces an incoming id that is too long or has odd characters", async () => {
    for (const incoming of ["has spaces in it", "x".repeat(129), "<script>"]) {
      const res = await request("GET", "/healthz", undefined, { "x-request-id": incoming });
      expect(res.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});
