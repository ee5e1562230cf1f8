import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import { newId } from "../../../src/lib/ids";
import { type Answer, type Body, createWorkflow, newApp, request, startRun, waitForRun } from "../../support/worker";

const DAY = 86_400_000;

async function entriesOf(appId: string): Promise<Body[]> {
  return (await env.DB.prepare("SELECT * FROM audit_log WHERE app_id = ? ORDER BY id").bind(appId).all()).results;
}

/** A key of the app with a name of its own, so each entry's actor can be told apart. */
async function keyNamed(call: (m: string, p: string, b?: unknown) => Promise<Answer>, name: string, scope: string) {
  const made = await call("POST", "/v1/keys", { name, scopes: [scope] });
  const as = (method: string, path: string, body?: unknown) => request(method, path, body, { "x-api-key": made.body.key });
  return { id: made.body.id as string, key: made.body.key as string, as };
}

describe("the audit log", () => {
  it("records each change made through the API once, with its actor, request and field names, never a secret", async () => {
    const app = await newApp();
    const editor = await keyNamed(app.call, "editor", "write");
    const owner = await keyNamed(app.call, "owner", "admin");
    const steps = [{ id: "w", type: "wait_for_event", config: { event: "go" } }];
    const secretValue = "very-secret-value-1234";

    const expectations: Array<{ answer: Answer; action: string; by: { id: string; name: string }; changes?: string[] }> = [];
    const expectOne = async (answer: Answer, action: string, by: { id: string; name: string }, changes?: string[]) => {
      expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      expectations.push({ answer, action, by, changes });
    };
    const ed = { id: editor.id, name: "editor" };
    const ow = { id: owner.id, name: "owner" };

    const wf = await editor.as("POST", "/v1/workflows", { name: "audited", steps });
    await expectOne(wf, "workflow.created", ed, ["name", "steps"]);
    await expectOne(await editor.as("PATCH", `/v1/workflows/${wf.body.id}`, { description: "d" }), "workflow.updated", ed, ["description"]);
    await expectOne(await editor.as("POST", `/v1/workflows/${wf.body.id}/versions`, { steps }), "workflow.version_created", ed, ["steps"]);
    const schedule = await editor.as("POST", `/v1/workflows/${wf.body.id}/schedules`, { cron: "0 9 * * *" });
    await expectOne(schedule, "schedule.created", ed, ["cron"]);
    await expectOne(await editor.as("PATCH", `/v1/schedules/${schedule.body.id}`, { paused: true }), "schedule.paused", ed, ["paused"]);
    await expectOne(await editor.as("PATCH", `/v1/schedules/${schedule.body.id}`, { paused: false }), "schedule.resumed", ed, ["paused"]);
    await expectOne(await editor.as("POST", `/v1/workflows/${wf.body.id}/schedules/pause`), "schedule.paused", ed, ["paused"]);
    await expectOne(await editor.as("PATCH", `/v1/schedules/${schedule.body.id}`, { cron: "0 10 * * *" }), "schedule.updated", ed, [
      "cron",
    ]);
    await expectOne(await editor.as("DELETE", `/v1/schedules/${schedule.body.id}`), "schedule.deleted", ed);
    const secret = { value: secretValue, secret: true };
    await expectOne(await editor.as("PUT", "/v1/profiles/default/variables/TOKEN", secret), "variable.set", ed, ["secret", "value"]);
    await expectOne(await editor.as("DELETE", "/v1/profiles/default/variables/TOKEN"), "variable.deleted", ed);
    await expectOne(await editor.as("PUT", "/v1/installations/chat/ada@example.com"), "installation.created", ed);
    // Installing again changes nothing, so it records nothing.
    expect((await editor.as("PUT", "/v1/installations/chat/ada@example.com")).status).toBe(200);
    await expectOne(await editor.as("DELETE", "/v1/installations/chat/ada@example.com"), "installation.deleted", ed);
    const made = await owner.as("POST", "/v1/keys", { name: "spare", scopes: ["read"] });
    await expectOne(made, "key.created", ow, ["name", "scopes"]);
    await expectOne(await owner.as("DELETE", `/v1/keys/${made.body.id}`), "key.revoked", ow, ["revoked_at"]);
    const rotated = await owner.as("POST", "/v1/webhook-secret/rotate");
    await expectOne(rotated, "webhook_secret.rotated", ow, ["webhook_secret"]);

    const run = await startRun(app.call, wf.body.id);
    await waitForRun(app.call, run.id, (r) => r.status === "waiting");
    await app.call("POST", `/v1/runs/${run.id}/cancel`);
    const runPath = `/v1/runs/${run.id}`;
    await expectOne(await editor.as("PATCH", `${runPath}/retention`, { max_age_seconds: 3600 }), "run.retention_changed", ed, [
      "max_age_seconds",
    ]);
    await expectOne(await editor.as("PATCH", runPath, { metadata: { team: "a" } }), "run.updated", ed, ["metadata"]);
    await expectOne(await editor.as("PATCH", runPath, { deleted: true }), "run.deleted", ed, ["deleted"]);
    await expectOne(await editor.as("DELETE", `${runPath}/outputs`), "run.outputs_purged", ed);
    await expectOne(await editor.as("DELETE", runPath), "run.purged", ed);

    const entries = await entriesOf(app.id);
    for (const { answer, action, by, changes } of expectations) {
      const requestId = answer.headers.get("x-request-id");
      const mine = entries.filter((e) => e.request_id === requestId);
      expect(mine, `${action} in request ${requestId}`).toHaveLength(1);
      expect(mine[0]).toMatchObject({ action, actor_kind: "key", actor_id: by.id, actor_name: by.name });
      expect(JSON.parse(mine[0].changes ?? "[]"), action).toEqual(changes ?? []);
    }
    // The three keys made while setting up have theirs; the run's start and cancel add nothing.
    expect(entries).toHaveLength(expectations.length + 3);
    const everything = JSON.stringify(entries);
    for (const hidden of [secretValue, made.body.key, editor.key, owner.key, rotated.body.current]) {
      expect(hidden && everything.includes(hidden)).toBeFalsy();
    }
  });

  it("names the admin token as the actor of the keys it makes", async () => {
    const app = await newApp();
    const entries = await entriesOf(app.id);
    expect(entries).toMatchObject([{ action: "key.created", actor_kind: "admin_token", actor_id: null, actor_name: null }]);
  });

  it("records nothing for a change that fails", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const spare = await app.call("POST", "/v1/keys", { name: "spare", scopes: ["read"] });
    await app.call("DELETE", `/v1/keys/${spare.body.id}`);
    const before = await entriesOf(app.id);
    const failures: Array<[string, string, unknown?]> = [
      ["POST", "/v1/workflows", { name: "bad", steps: [{ id: "a", type: "nope" }] }],
      // The new version is valid but the version number is not: neither may land.
      ["PATCH", `/v1/workflows/${wf}`, { steps: [{ id: "b", type: "transform", config: { value: 2 } }], current_version: 9 }],
      ["PATCH", `/v1/workflows/${wf}`, { current_version: 9 }],
      ["DELETE", `/v1/workflows/${newId()}`],
      ["POST", `/v1/workflows/${wf}/schedules`, { cron: "not a cron" }],
      ["DELETE", `/v1/schedules/${newId()}`],
      ["PUT", "/v1/profiles/default/variables/TOKEN", { value: 5, secret: true }],
      ["DELETE", "/v1/profiles/default/variables/NOPE"],
      ["DELETE", "/v1/installations/chat/nobody@example.com"],
      ["DELETE", `/v1/keys/${spare.body.id}`],
      ["POST", "/v1/keys", { name: "x", scopes: ["read"], expires_at: "2001-01-01T00:00:00Z" }],
      ["PATCH", `/v1/runs/${newId()}/retention`, { max_age_seconds: 60 }],
      ["DELETE", `/v1/runs/${newId()}`],
    ];
    for (const [method, path, body] of failures) {
      const answer = await app.call(method, path, body);
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
    expect(await entriesOf(app.id)).toEqual(before);
    expect((await app.call("GET", `/v1/workflows/${wf}/versions`)).body.data).toHaveLength(1);
  });

  it("lists newest first, pages, filters by action, resource and time, and answers only admin keys", async () => {
    const app = await newApp();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await createWorkflow(app.call, { name: `w${i}`, steps: [{ id: "a", type: "transform", config: { value: i } }] }));
    await app.call("DELETE", `/v1/workflows/${ids[0]}`);
    const all = await app.call("GET", "/v1/audit");
    expect(all.status).toBe(200);
    expect(all.body.data.map((e: Body) => e.action)).toEqual([
      "workflow.deleted",
      "workflow.created",
      "workflow.created",
      "workflow.created",
      "key.created",
    ]);
    expect(all.body.data[0]).toEqual({
      id: expect.any(String),
      action: "workflow.deleted",
      actor: { kind: "key", id: expect.any(String), name: "test key" },
      resource: { type: "workflow", id: ids[0] },
      changes: ["deleted_at"],
      request_id: expect.any(String),
      created_at: expect.any(String),
    });

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = await app.call("GET", `/v1/audit${query}`);
      pages.push(...page.body.data.map((e: Body) => e.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(pages).toEqual(all.body.data.map((e: Body) => e.id));

    const byResource = await app.call("GET", `/v1/audit?resource_type=workflow&resource_id=${ids[0]}`);
    expect(byResource.body.data.map((e: Body) => e.action)).toEqual(["workflow.deleted", "workflow.created"]);
    const byAction = await app.call("GET", "/v1/audit?action=key.created");
    expect(byAction.body.data).toHaveLength(1);
    const future = new Date(Date.now() + DAY).toISOString();
    expect((await app.call("GET", `/v1/audit?since=${future}`)).body.data).toEqual([]);
    expect((await app.call("GET", `/v1/audit?until=${future}`)).body.data).toHaveLength(5);

    const bad = await app.call("GET", "/v1/audit?action=workflow.renamed&since=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: Body) => d.path).sort()).toEqual(["query.action", "query.since"]);

    const reader = await keyNamed(app.call, "reader", "write");
    const refused = await reader.as("GET", "/v1/audit");
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "INSUFFICIENT_SCOPE", message: expect.stringContaining('"admin"') });
    const other = await newApp("other");
    expect((await other.call("GET", "/v1/audit")).body.data.map((e: Body) => e.action)).toEqual(["key.created"]);
  });

  it("deletes entries older than AUDIT_RETENTION when the cron runs, and keeps the rest", async () => {
    const app = await newApp();
    const now = Date.now();
    const insert = (id: string, at: number) =>
      env.DB.prepare(
        "INSERT INTO audit_log (id, app_id, actor_kind, action, resource_type, resource_id, created_at) VALUES (?, ?, 'admin_token', 'workflow.created', 'workflow', 'w', ?)",
      ).bind(id, app.id, at);
    await env.DB.batch([insert("old", now - 91 * DAY), insert("recent", now - 89 * DAY)]);
    await worker.scheduled({ cron: "* * * * *", scheduledTime: now, noRetry() {} } as ScheduledController, env);
    const left = (await entriesOf(app.id)).map((e) => e.id);
    expect(left).not.toContain("old");
    expect(left).toContain("recent");
    expect(left).toHaveLength(2);
    expect(env.AUDIT_RETENTION).toBe("90d");
  });
});
