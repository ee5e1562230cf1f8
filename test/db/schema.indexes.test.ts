import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { listAudit } from "../../src/services/audit";
import { keyForSecret, listKeys } from "../../src/services/keys";
import { listAppVersions, listVersions, listWorkflows, workflowNames } from "../../src/services/workflows";
import { newApp } from "../support/worker";

/**
 * Every list query must be answered from an index: a page must never scan a whole table.
 * The SQL is captured from the services themselves (or built from the schema for the run
 * index), then `EXPLAIN QUERY PLAN` is asked about it with the same parameters.
 */

interface Query {
  sql: string;
  params: unknown[];
}

/** An env whose D1 records every statement the code under test prepares. */
function recording(): { env: Env; queries: Query[] } {
  const queries: Query[] = [];
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop !== "prepare") return Reflect.get(target, prop, target);
      return (sql: string) => {
        const query: Query = { sql, params: [] };
        queries.push(query);
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(stmt, key) {
            if (key !== "bind") {
              const value = Reflect.get(stmt, key, stmt);
              return typeof value === "function" ? value.bind(stmt) : value;
            }
            return (...params: unknown[]) => {
              query.params = params;
              return stmt.bind(...params);
            };
          },
        });
      };
    },
  });
  return { env: { ...env, DB: db }, queries };
}

async function plan(query: Query): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

/**
 * True when every table is reached through an index that narrows it by the query's filters,
 * with no sort of the matching rows. Stricter than "no bare SCAN": `SCAN runs USING INDEX
 * sqlite_autoindex_runs_1` walks the whole table in id order, which is still a full scan.
 */
function indexed(details: string[]): boolean {
  return (
    details.length > 0 &&
    details.every((detail) => /^SEARCH \w+ USING (COVERING )?INDEX \w+ \(/.test(detail) && !/TEMP B-TREE/.test(detail))
  );
}

async function expectIndexed(query: Query) {
  const details = await plan(query);
  expect(indexed(details), `${query.sql}\n${details.join("\n")}`).toBe(true);
}

const SOME_ID = "01900000-0000-7000-8000-000000000000";

/** The one statement a service call makes against the named table. */
function only(queries: Query[], table: string): Query {
  const matching = queries.filter((q) => new RegExp(`from "?${table}"?`, "i").test(q.sql));
  expect(matching, queries.map((q) => q.sql).join("\n")).toHaveLength(1);
  return matching[0];
}

describe("the index check", () => {
  it("refuses a full scan, a walk of the whole primary key and a sort", async () => {
    const shapes = [
      "SELECT * FROM runs WHERE trigger = ?",
      "SELECT * FROM runs WHERE surface = ? ORDER BY id DESC LIMIT 20",
      "SELECT * FROM workflows WHERE app_id = ? ORDER BY created_at DESC LIMIT 20",
    ];
    for (const sql of shapes) expect(indexed(await plan({ sql, params: ["x"] })), sql).toBe(false);
  });
});

describe("list queries use an index", () => {
  it("workflows by app, newest first, with and without a cursor", async () => {
    const app = await newApp();
    for (const after of [null, SOME_ID]) {
      for (const filter of [{}, { includeDeleted: true }, { discoverable: true }]) {
        const rec = recording();
        await listWorkflows(rec.env, app.id, { limit: 20, after, ...filter });
        await expectIndexed(only(rec.queries, "workflows"));
      }
    }
  });

  it("workflows by app and exact name", async () => {
    const app = await newApp();
    const rec = recording();
    await listWorkflows(rec.env, app.id, { limit: 20, after: SOME_ID, name: "Nightly" });
    const query = only(rec.queries, "workflows");
    await expectIndexed(query);
    expect((await plan(query)).join("\n")).toMatch(/workflows_app(_name)?/);
  });

  it("versions of a workflow, newest first, with and without a cursor", async () => {
    const app = await newApp();
    const wf = await app.call("POST", "/v1/workflows", { name: "v", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    for (const before of [null, 5]) {
      const rec = recording();
      await listVersions(rec.env, app.id, wf.body.id, 20, before);
      await expectIndexed(only(rec.queries, "workflow_versions"));
    }
  });

  it("every version of an app's workflows, newest first, with and without a lastKey; names of a page's workflows", async () => {
    const app = await newApp();
    // The versions are only read when the app has a workflow from the cursor on.
    const createdWorkflow = app.call("POST", "/v1/workflows", { name: "v", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    for (const after of [null, { workflowId: "ffffffff-ffff-7fff-bfff-ffffffffffff", version: 3 }]) {
      const rec = recording();
      await createdWorkflow;
      await listAppVersions(rec.env, app.id, 30, after);
      await expectIndexed(only(rec.queries, "workflows"));
      await expectIndexed(only(rec.queries, "workflow_versions"));
    }
    const rec = recording();
    await workflowNames(rec.env, app.id, [SOME_ID, "01900000-0000-7000-8000-000000000001"]);
    await expectIndexed(only(rec.queries, "workflows"));
  });

  it("an app's keys, and the lookup of a key by its hash", async () => {
    const app = await newApp();
    for (const after of [null, SOME_ID]) {
      const rec = recording();
      await listKeys(rec.env, app.id, 20, after);
      await expectIndexed(only(rec.queries, "api_keys"));
    }
    const rec = recording();
    // A key never looked up before, so the per-isolate cache cannot answer it.
    await keyForSecret(rec.env, `sk_${"z".repeat(43)}`);
    await expectIndexed(only(rec.queries, "api_keys"));
  });

  it("an app's audit log, by action, by resource and by time", async () => {
    const app = await newApp();
    const filters = [
      {},
      { action: "workflow.created" as const },
      { resourceType: "workflow", resourceId: SOME_ID },
      { since: 1, until: 2 },
    ];
    for (const filter of filters) {
      const rec = recording();
      await listAudit(rec.env, app.id, { limit: 20, after: SOME_ID, ...filter });
      await expectIndexed(only(rec.queries, "audit_log"));
    }
  });
  // Runs are listed from the runs index shards (src/runs-index), not D1: test/runs-index.
});
