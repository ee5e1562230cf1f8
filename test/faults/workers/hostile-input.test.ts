import { env, SELF } from "cloudflare:test";
import fc from "fast-check";
import { expect, it } from "vitest";
import { recordFigure } from "../../support/faults/figures";
import { createWorkflow, newApp, request, startRun, waitForRun } from "../../support/worker";

/** Everything an app has stored, as one string: a 4xx must leave it exactly as it was. */
async function snapshot(appId: string): Promise<string> {
  const tables = [
    "workflows",
    "workflow_versions",
    "runs",
    "schedules",
    "variables",
    "api_keys",
    "webhook_deliveries",
    "idempotency_keys",
    "installations",
    "audit_log",
  ];
  const parts = await Promise.all(
    tables.map((t) =>
      env.DB.prepare(`SELECT * FROM ${t} WHERE app_id = ? ORDER BY 1`)
        .bind(appId)
        .all()
        .then((r) => JSON.stringify(r.results)),
    ),
  );
  return parts.join("\n");
}

const nasty = fc.oneof(
  fc.json(),
  fc.anything({ maxDepth: 4 }).map((v) => {
    try {
      return JSON.stringify(v) ?? "null";
    } catch {
      return "null";
    }
  }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"name":"x","steps":[{"id":"__proto__","type":"transform"}]}',
    `${"[".repeat(3000)}${"]".repeat(3000)}`,
    `{"name":"${"x".repeat(300_000)}"}`,
    '{"name":"\\u0000\\ud800\\uffff","steps":[]}',
    "not json at all",
    "",
  ),
);

it("answers every hostile request without a 5xx, with the envelope on every 4xx, changing nothing", async () => {
  const { call, key, id: appId } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.status === "waiting");
  const doc = (await request("GET", "/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths)
    .filter(([path]) => !path.startsWith("/v1/admin"))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })));
  const pathValue = fc.oneof(
    fc.constant(wf),
    fc.constant(run.id),
    fc.string({ maxLength: 40 }),
    fc.constant("%00"),
    fc.constant("..%2F..%2Fetc"),
  );
  let cases = 0;
  let fiveXx = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      pathValue,
      nasty,
      fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 })),
      async (route, id, body, query) => {
        const path = route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
        const qs = new URLSearchParams(query).toString();
        const before = await snapshot(appId);
        if (path.endsWith("/stream")) {
          // The stream of a live run never ends: only its status is read.
          const streamed = await SELF.fetch(`http://stepline.test${path}${qs ? `?${qs}` : ""}`, { headers: { "x-api-key": key } });
          await streamed.body?.cancel();
          cases += 1;
          expect(streamed.status, `GET ${path}`).toBeLessThan(500);
          return;
        }
        const res = await call(
          route.method,
          `${path}${qs ? `?${qs}` : ""}`,
          ["POST", "PUT", "PATCH"].includes(route.method) ? body : undefined,
          {
            "content-type": "application/json",
          },
        );
        cases += 1;
        if (res.status >= 500) fiveXx += 1;
        expect(res.status, `${route.method} ${path} ${body.slice(0, 80)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body?.error?.code, `${route.method} ${path}`).toBeTypeOf("string");
          expect(res.body.error.message).toBeTypeOf("string");
          expect(res.body.error.request_id).toBeTypeOf("string");
          expect(await snapshot(appId), `${route.method} ${path} changed state with a ${res.status}`).toBe(before);
        }
      },
    ),
    { numRuns: 400, seed: 20261122 },
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  await recordFigure("hostile_input", { cases, five_xx: fiveXx, routes: routes.length });
}, 120_000);

it("answers hostile requests from a read key on every route that changes something with a refusal, changing nothing", async () => {
  const { call, id: appId } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.status === "waiting");
  const reader = (await call("POST", "/v1/keys", { name: "reader", scopes: ["read"] })).body.key;
  await request("GET", "/v1/app", undefined, { "x-api-key": reader });
  const doc = (await request("GET", "/openapi.json")).body as {
    paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
  };
  // Every route a read key may not call: the ones whose security asks for a wider scope (a POST
  // that only reads, such as validating a definition, asks for `read`).
  const changing = Object.entries(doc.paths)
    .filter(([path]) => !path.startsWith("/v1/admin") && !path.startsWith("/v1/callbacks"))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        scopes: operation.security?.[0]?.ApiKey ?? [],
      })),
    )
    .filter((route) => route.method !== "GET" && !route.scopes.includes("read"))
    .map(({ path, method }) => ({ path, method }));
  expect(changing.length).toBeGreaterThan(20);
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...changing),
      fc.oneof(fc.constant(wf), fc.constant(run.id), fc.string({ minLength: 1, maxLength: 40 })),
      nasty,
      fc.constantFrom<Record<string, string>>({}, { "idempotency-key": "hostile" }, { "content-type": "text/plain" }),
      async (route, id, body, headers) => {
        const path = route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
        const before = await snapshot(appId);
        const res = await request(route.method, path, body, { "content-type": "application/json", ...headers, "x-api-key": reader });
        cases += 1;
        expect(res.status, `${route.method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("INSUFFICIENT_SCOPE");
        expect(await snapshot(appId), `${route.method} ${path} changed state when refused`).toBe(before);
      },
    ),
    { numRuns: 150, seed: 20261206 },
  );
  await recordFigure("hostile_input_read_key", { cases, routes: changing.length });
}, 120_000);

const DIALECTS = ["leap", "apps", "dataflow", "looply", "pipelines"];

it("answers hostile requests to every dialect route without a 5xx, with a JSON error body on every 4xx, changing nothing", async () => {
  const { call, key, id: appId } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.status === "waiting");
  const routes: Array<{ path: string; method: string }> = [];
  for (const name of DIALECTS) {
    const doc = (await request("GET", `/compat/${name}/openapi.json`)).body as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) routes.push({ path: `/compat/${name}${path}`, method: method.toUpperCase() });
    }
  }
  // Path values the routes accept when they are right: the caller's app, its workflow and run.
  const pathValue = fc.oneof(fc.constant(appId), fc.constant(wf), fc.constant(run.id), fc.string({ maxLength: 40 }), fc.constant("%00"));
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      pathValue,
      nasty,
      fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 30 }), fc.constant(wf), fc.constant(run.id))),
      async (route, id, body, query) => {
        const path = route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
        const qs = new URLSearchParams(query).toString();
        const before = await snapshot(appId);
        const res = await request(
          route.method,
          `${path}${qs ? `?${qs}` : ""}`,
          ["POST", "PUT", "PATCH"].includes(route.method) ? body : undefined,
          {
            "content-type": "application/json",
            "x-api-key": key,
            authorization: `Bearer ${key}`,
          },
        );
        cases += 1;
        expect(res.status, `${route.method} ${path} ${body.slice(0, 80)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body && typeof res.body === "object", `${route.method} ${path} answered ${res.status} without a JSON body`).toBe(true);
          expect(await snapshot(appId), `${route.method} ${path} changed state with a ${res.status}`).toBe(before);
        }
      },
    ),
    { numRuns: 300, seed: 20261201 },
  );
  await recordFigure("hostile_input_dialects", { cases, routes: routes.length });
}, 120_000);
