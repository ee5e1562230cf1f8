import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../../src/api/app";
import { DIALECTS } from "../../../src/dialects";
import { SCOPES, type Scope } from "../../../src/domain/scopes";
import { epochSeconds, signJwt } from "../../support/fixtures";
import { type Answer, type Body, createWorkflow, newApp, request, startRun, waitForRun } from "../../support/worker";

interface Operation {
  surface: string;
  method: string;
  /** The full path template, `/compat/<name>` included for a dialect. */
  template: string;
  scope: Scope | null;
}

type Document = { servers?: Array<{ url: string }>; paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>> };

/** Every operation of the native document and of each dialect's, with the scope its declaration gives it. */
async function operations(): Promise<Operation[]> {
  const surfaces = [{ surface: "native", doc: "/openapi.json", base: "" }].concat(
    DIALECTS.map(({ name }) => ({ surface: name, doc: `/compat/${name}/openapi.json`, base: `/compat/${name}` })),
  );
  const all: Operation[] = [];
  for (const { surface, doc, base } of surfaces) {
    const document = (await request("GET", doc)).body as Document;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const scopes = new Set((operation.security ?? []).flatMap((requirement) => Object.values(requirement).flat()));
        expect(scopes.size, `${method} ${base}${path} declares one scope`).toBeLessThanOrEqual(1);
        const [scope] = [...scopes] as Scope[];
        all.push({ surface, method: method.toUpperCase(), template: `${base}${path}`, scope: scope ?? null });
      }
    }
  }
  return all;
}

/** Each surface's answer to a key outside the route's scope, in its own error shape. */
const REFUSALS: Record<string, (answer: Answer, scope: Scope) => void> = {
  native: envelope,
  leap: envelope,
  apps: envelope,
  dataflow: envelope,
  looply: (answer, scope) => expect(answer.body).toEqual({ message: expect.stringContaining(`"${scope}" scope`) }),
  pipelines: (answer, scope) => expect(answer.body).toEqual({ detail: expect.stringContaining(`"${scope}" scope`) }),
};

function envelope(answer: Answer, scope: Scope) {
  expect(answer.body.error).toMatchObject({ code: "INSUFFICIENT_SCOPE", message: expect.stringContaining(`"${scope}" scope`) });
}

/** Every row D1 holds (other apps' too) and the run's state: a refused request leaves all of it as it was. */
async function snapshot(runPath: string, adminCall: (m: string, p: string) => Promise<Answer>): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name",
  ).all<{ name: string }>();
  const parts = await Promise.all(
    tables.results.map(
      async ({ name }) => `${name}: ${JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()).results)}`,
    ),
  );
  const run = structuredClone((await adminCall("GET", runPath)).body);
  // A waiting run's duration grows by itself.
  delete run.usage.duration_ms;
  return `${parts.join("\n")}\nrun: ${JSON.stringify(run)}`;
}

/** A body that passes validation where one is easy to give, so an allowed call gets as far as it can. */
function bodyFor(template: string): unknown {
  if (template.endsWith("/versions")) return { steps: [{ id: "a", type: "transform", config: { value: 1 } }] };
  if (template.endsWith("/schedules")) return { cron: "0 9 * * *" };
  if (template.endsWith("/events")) return { name: "go" };
  if (template.endsWith("/v1/keys")) return { name: "made in the matrix", scopes: ["read"] };
  if (template.endsWith("/variables/{name}")) return { value: "v" };
  return {};
}

describe("scopes", () => {
  it("refuses every route outside a key's scope in the surface's own shape, changing nothing, and lets the others through", async () => {
    const app = await newApp("scoped");
    const wf = await createWorkflow(app.call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
    const run = await startRun(app.call, wf);
    await waitForRun(app.call, run.id, (r) => r.status === "waiting");
    const schedule = (await app.call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 9 * * *" })).body.id;
    const keys = {} as Record<Scope, string>;
    for (const scope of SCOPES) {
      keys[scope] = (await app.call("POST", "/v1/keys", { name: scope, scopes: [scope] })).body.key;
      // Its first use writes last_used_at; every later one within the hour writes nothing.
      await request("GET", "/v1/app", undefined, { "x-api-key": keys[scope] });
    }
    const values: Record<string, string> = {
      id: wf,
      workflow_id: wf,
      run_id: run.id,
      workflow_run_id: run.id,
      execution_id: run.id,
      process_id: "p-1",
      app_id: app.id,
      version: "1",
      profile: "default",
      name: "NAME",
      email: "someone@example.com",
      token: "t",
    };
    const byPrefix: Array<[RegExp, string]> = [
      [/^\/v1\/runs\//, run.id],
      [/^\/v1\/schedules\//, schedule],
      [/^\/v1\/deliveries\//, crypto.randomUUID()],
      [/^\/v1\/keys\//, crypto.randomUUID()],
    ];
    const pathOf = (template: string) =>
      template.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === "id" ? (byPrefix.find(([re]) => re.test(template))?.[1] ?? values.id) : (values[name] ?? "x"),
      );
    const send = (op: Operation, scope: Scope) =>
      request(op.method, pathOf(op.template), ["POST", "PUT", "PATCH"].includes(op.method) ? bodyFor(op.template) : undefined, {
        "x-api-key": keys[scope],
        authorization: `Bearer ${keys[scope]}`,
        "idempotency-key": `matrix-${scope}-${op.method}-${op.template}`,
      });
    const adminCall = (method: string, path: string) => request(method, path, undefined, { "x-api-key": keys.admin });
    const runPath = `/v1/runs/${run.id}`;

    const ops = (await operations()).filter((op) => op.scope !== null && !op.template.endsWith("/stream"));
    const refused: string[] = [];
    for (const op of ops) {
      const denied = SCOPES.filter((scope) => SCOPES.indexOf(scope) < SCOPES.indexOf(op.scope as Scope));
      if (denied.length === 0) continue;
      const before = await snapshot(runPath, adminCall);
      for (const scope of denied) {
        const answer = await send(op, scope);
        expect(answer.status, `${scope} key on ${op.method} ${op.template}`).toBe(403);
        REFUSALS[op.surface](answer, op.scope as Scope);
        refused.push(`${scope} ${op.method} ${op.template}`);
      }
      expect(await snapshot(runPath, adminCall), `${op.method} ${op.template} changed something when refused`).toBe(before);
    }
    // Least privileged first, so the admin key's deletes come after the others have been tried.
    const readStatuses = new Map<string, Set<number>>();
    for (const scope of SCOPES) {
      for (const op of ops.filter((o) => SCOPES.indexOf(scope) >= SCOPES.indexOf(o.scope as Scope))) {
        const answer = await send(op, scope);
        expect([401, 403], `${scope} key on ${op.method} ${op.template}: ${JSON.stringify(answer.body)}`).not.toContain(answer.status);
        if (op.method === "GET" && (scope === "read" || scope === "run")) {
          const name = `GET ${op.template}`;
          readStatuses.set(name, (readStatuses.get(name) ?? new Set()).add(answer.status));
        }
      }
    }
    // Before the write key deletes anything, a read answers read and run keys alike, and most reads of real ids succeed.
    for (const [name, statuses] of readStatuses) expect(statuses.size, name).toBe(1);
    const succeeded = [...readStatuses.values()].filter((statuses) => [...statuses][0] < 300).length;
    expect(succeeded).toBeGreaterThan(readStatuses.size * 0.6);
    // Every surface and every scope below admin was refused somewhere.
    expect(new Set(ops.map((op) => op.surface))).toEqual(new Set(["native", ...DIALECTS.map((d) => d.name)]));
    for (const scope of ["read", "run", "write"]) expect(refused.some((line) => line.startsWith(`${scope} `))).toBe(true);
  }, 120_000);

  it("gives every route a scope, except the admin token's routes and the signed callback", async () => {
    const ops = await operations();
    const unscoped = ops.filter((op) => op.scope === null).map((op) => `${op.method} ${op.template}`);
    expect(unscoped.every((line) => line.includes("/v1/admin/") || line.includes("/v1/callbacks/"))).toBe(true);
    // Every route the apps answer is a documented operation, so none escapes the matrix above.
    const documented = new Set(ops.map((op) => `${op.method} ${op.template.replace(/\{(\w+)\}/g, ":$1")}`));
    const undocumented = [
      ...buildApp().routes.map((r) => ({ method: r.method, path: r.path })),
      ...(await Promise.all(DIALECTS.map(async ({ name, load }) => ({ name, app: (await load()).app })))).flatMap(({ name, app }) =>
        app.routes.map((r) => ({ method: r.method, path: `/compat/${name}${r.path}` })),
      ),
    ].filter(({ method, path }) => method !== "ALL" && !path.includes("*") && !documented.has(`${method} ${path}`));
    // Not operations: health, the documents, and the fixed answers the seeds give to malformed paths.
    const fixed = undocumented.filter(({ path }) => !/^\/(healthz|docs|openapi\.json)$|\/openapi\.json$|triggerworkflow\/?$/.test(path));
    expect(fixed).toEqual([]);
  });

  it("answers a credential's own scopes at GET /v1/app, for any scope", async () => {
    const app = await newApp();
    for (const scope of SCOPES) {
      const made = await app.call("POST", "/v1/keys", { name: scope, scopes: [scope] });
      const who = await request("GET", "/v1/app", undefined, { "x-api-key": made.body.key });
      expect(who.body.credential).toEqual({ kind: "key", key_id: made.body.id, name: scope, scopes: [scope] });
    }
  });

  it("documents each operation's scope in its security requirement and its description", async () => {
    const doc = (await request("GET", "/openapi.json")).body as Body;
    expect(doc.paths["/v1/workflows"].post.security).toEqual([{ ApiKey: ["write"] }, { Bearer: ["write"] }]);
    expect(doc.paths["/v1/workflows"].post.description).toContain("Scope: `write` (or `admin`).");
    expect(doc.paths["/v1/runs"].get.description).toContain("Scope: `read` (or `run`, `write`, `admin`).");
    expect(doc.paths["/v1/keys"].post.responses["403"].description).toContain("INSUFFICIENT_SCOPE");
    const leap = (await request("GET", "/compat/leap/openapi.json")).body as Body;
    expect(leap.paths["/v1/runs"].post.security).toEqual([{ Credential: ["run"] }]);
  });

  it("refuses a JWT outside the scopes its scope claim names", async () => {
    const app = await newApp();
    const jwt = await signJwt({ sub: app.id, exp: epochSeconds(300), scope: "read run" });
    const headers = { authorization: `Bearer ${jwt}` };
    expect((await request("GET", "/v1/workflows", undefined, headers)).status).toBe(200);
    const refused = await request("POST", "/v1/workflows", { name: "x", steps: [] }, headers);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("INSUFFICIENT_SCOPE");
    const none = await signJwt({ sub: app.id, exp: epochSeconds(300), scope: "everything" });
    expect((await request("GET", "/v1/workflows", undefined, { authorization: `Bearer ${none}` })).status).toBe(401);
  });
});
