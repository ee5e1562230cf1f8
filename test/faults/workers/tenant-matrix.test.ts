import { expect, it } from "vitest";
import { recordFigure } from "../../support/faults/figures";
import { admin, createWorkflow, newApp, request, startRun, waitForRun } from "../../support/worker";

/** A body that passes validation, so the answer is about whose object it is. */
function validBody(template: string): unknown {
  if (template.endsWith("/versions")) return { steps: [{ id: "a", type: "transform", config: { value: 1 } }] };
  if (template.endsWith("/schedules")) return { cron: "0 9 * * *" };
  if (template.endsWith("/events")) return { name: "go" };
  if (template.endsWith("/retention")) return { max_age_seconds: 60 };
  if (template.startsWith("/v1/schedules/")) return { paused: true };
  if (template.endsWith("/variables/{name}")) return { allowed_hosts: ["a.example.com"] };
  if (template.startsWith("/v1/workflows/{id}") && !template.includes("/", 14)) return { name: "renamed" };
  return {};
}

/**
 * Every route and method of the OpenAPI document, called with app A's key on app B's ids, is a
 * 404. Routes come from the document, so a new route is covered without editing this test.
 */
it("answers 404 on every route when app A names app B's objects", async () => {
  const b = await newApp("B");
  const a = await newApp("A");
  const wf = await createWorkflow(b.call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
  const run = await startRun(b.call, wf, { webhook_url: "http://127.0.0.1:9/nowhere" });
  await waitForRun(b.call, run.id, (r) => r.status === "waiting");
  const key = (await b.call("GET", "/v1/keys")).body.data[0].id;
  const schedule = (await b.call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 9 * * *" })).body.id;
  await b.call("PUT", "/v1/profiles/secretive/variables/TOKEN", { value: "b-secret-value", secret: true });
  await b.call("PUT", "/v1/installations/b-app/b-user@example.com");
  const doc = (await request("GET", "/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };

  const ids: Record<string, string> = {
    id: wf,
    version: "1",
    profile: "secretive",
    name: "TOKEN",
    app_id: "b-app",
    email: "b-user@example.com",
  };
  const byPrefix: Array<[RegExp, Record<string, string>]> = [
    [/^\/v1\/runs\//, { id: run.id }],
    [/^\/v1\/keys\//, { id: key }],
    [/^\/v1\/schedules\//, { id: schedule }],
    // The delivery of B's run.waiting webhook (a run's first delivery is its id and 1).
    [/^\/v1\/deliveries\//, { id: `${run.id}.1` }],
  ];
  // Not addressed to another app's objects: admin, the public callback, discovery of objects
  // meant to be shared, and PUT of a variable or an installation (it writes the caller's own).
  const skip = (path: string, method: string) =>
    path.startsWith("/v1/admin") ||
    path.startsWith("/v1/callbacks") ||
    path.startsWith("/v1/discover") ||
    (method === "put" && (path.includes("/variables/") || path.startsWith("/v1/installations/")));

  let checked = 0;
  for (const [template, methods] of Object.entries(doc.paths)) {
    if (!template.includes("{")) continue;
    for (const method of Object.keys(methods)) {
      if (skip(template, method)) continue;
      const values = { ...ids, ...(byPrefix.find(([re]) => re.test(template))?.[1] ?? {}) };
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "x");
      const body = ["post", "put", "patch"].includes(method) ? validBody(template) : undefined;
      const res = await a.call(method.toUpperCase(), path, body);
      expect(res.status, `${method.toUpperCase()} ${path}`).toBe(404);
      expect(res.body.error.code, `${method.toUpperCase()} ${path}`).toMatch(/NOT_FOUND/);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(25);
  // B's objects are untouched.
  expect((await b.call("GET", `/v1/runs/${run.id}`)).body.status).toBe("waiting");
  expect((await b.call("GET", `/v1/deliveries/${run.id}.1`)).body.event).toBe("run.waiting");
  expect((await b.call("GET", "/v1/installations/b-app/b-user@example.com")).status).toBe(200);
  expect((await b.call("GET", "/v1/profiles/secretive/variables/TOKEN")).body.allowed_hosts).toBeNull();
  expect((await admin("GET", "/v1/admin/diagnostics/stuck")).body.stuck).toEqual([]);
  await recordFigure("tenant_matrix", { routes_checked: checked });
});
