import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCall, call, newE2eApp, type Stepline, startStepline } from "../support/e2e/harness";
import { greeting, THREE_MISTAKE_PATHS, threeMistakes } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REDOCLY = path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js");
const run = promisify(execFile);

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

  it("runs the README tour: a greeting, a 3 s sleep, an approval event, the output, and a cancel", async () => {
    const { call: as, key } = await newE2eApp(server.url);
    const created = await as("POST", "/v1/workflows", {
      name: "Greet after approval",
      input_schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      steps: [
        { id: "greeting", type: "transform", config: { value: "Hello, {{ input.name }}!" } },
        { id: "pause", type: "sleep", config: { duration: "3s" } },
        { id: "approval", type: "wait_for_event", config: { event: "approved", timeout: "1h" } },
        {
          id: "answer",
          type: "transform",
          config: { value: { message: "{{ steps.greeting.output }}", approved_by: "{{ steps.approval.output.payload.by }}" } },
        },
      ],
    });
    expect(created.status).toBe(201);
    const run = await as("POST", `/v1/workflows/${created.body.id}/runs`, { input: { name: "Ada" } });
    expect(run.status).toBe(201);
    // Follow it live, as `curl -N .../stream` does; the stream closes when the run ends.
    const streamed = fetch(`${server.url}/v1/runs/${run.body.id}/stream`, { headers: { "x-api-key": key } }).then((r) => r.text());
    const waitFor = async (status: string) => {
      for (let i = 0; i < 200; i++) {
        const got = await as("GET", `/v1/runs/${run.body.id}`);
        if (got.body.status === status && got.body.current_steps.includes("approval")) return got.body;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`run never reached ${status}`);
    };
    const waiting = await waitFor("waiting");
    expect(waiting.steps.find((s: { id: string }) => s.id === "pause").output.slept_ms).toBeGreaterThanOrEqual(3000);
    const event = await as("POST", `/v1/runs/${run.body.id}/events`, { name: "approved", payload: { by: "Grace" } });
    expect(event.status).toBe(200);
    expect(event.body).toMatchObject({ status: "applied", step_id: "approval" });
    let done = await as("GET", `/v1/runs/${run.body.id}`);
    for (let i = 0; i < 100 && done.body.status !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      done = await as("GET", `/v1/runs/${run.body.id}`);
    }
    expect(done.body).toMatchObject({ status: "completed", output: { message: "Hello, Ada!", approved_by: "Grace" }, progress: 100 });
    const frames = (await streamed).split("\n\n").filter((f) => f.startsWith("id:"));
    const types = frames.map((f) => f.split("\n")[1].replace("event: ", ""));
    expect(frames.map((f) => Number(f.split("\n")[0].replace("id: ", "")))).toEqual(frames.map((_, i) => i + 1));
    expect(types[0]).toBe("run.created");
    expect(types).toContain("run.waiting");
    expect(types).toContain("event.received");
    expect(types[types.length - 1]).toBe("run.completed");

    const second = await as("POST", `/v1/workflows/${created.body.id}/runs`, { input: { name: "Alan" } });
    const cancelled = await as("POST", `/v1/runs/${second.body.id}/cancel`);
    expect(cancelled.body.status).toBe("cancelled");
    const again = await as("POST", `/v1/runs/${second.body.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("RUN_ALREADY_FINISHED");
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

  it("serves an OpenAPI document that Redocly's recommended rules pass without a single finding", async () => {
    const file = path.join(server.persistTo, "openapi.json");
    writeFileSync(file, await (await fetch(`${server.url}/openapi.json`)).text());
    const lint = await run(process.execPath, [REDOCLY, "lint", file, "--format=json", "--config", path.join(ROOT, "redocly.yaml")], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    }).catch((failed: { stdout: string }) => failed);
    const report = JSON.parse(lint.stdout) as { totals: Record<string, number>; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it("stops by PID, leaving no process behind", async () => {
    const pid = server.pid;
    await server.stop();
    expect(() => process.kill(-pid, 0)).toThrow();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
