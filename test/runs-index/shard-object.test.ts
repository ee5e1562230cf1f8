import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { monthOfId, shardStub } from "../../src/services/run-shards";
import { startRun as startRunAt } from "../../src/services/runs";
import { completedSummary, runIdAt as idAt } from "../support/run-ids";
import { type Answer, admin, type Call, createWorkflow, newApp, runObject, waitForRun } from "../support/worker";

const BOUNDARY = Date.UTC(2026, 10, 1); // 2026-11-01T00:00Z: October's shard and November's
const shardOf = (appId: string, runId: string) => env.RUN_INDEX.get(env.RUN_INDEX.idFromName(`${appId}/${monthOfId(runId)}`));

/** Every page of a list, following next_cursor: the ids in the order served. */
async function allPages(call: Call, path: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res: Answer = await call("GET", `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((r: { id: string }) => r.id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids;
}

async function appWithRunsAround(boundary: number) {
  const app = await newApp();
  const ok = await createWorkflow(app.call, { name: "ok", steps: [{ id: "a", type: "transform", config: { value: "{{ input.n }}" } }] });
  const bad = await createWorkflow(app.call, {
    name: "bad",
    steps: [{ id: "a", type: "transform", config: { value: "{{ $error('no') }}" } }],
  });
  // Three runs on each side of the boundary, alternating workflows; started by the service, so
  // their ids (and with them their shards) are chosen here.
  const offsets = [-3_000, -2_000, -1_000, 0, 1_000, 2_000];
  const ids: string[] = [];
  for (const [i, offset] of offsets.entries()) {
    const id = idAt(boundary + offset);
    await startRunAt(env, app.id, {
      workflowId: i % 2 ? bad : ok,
      id,
      input: { n: i },
      metadata: { side: offset < 0 ? "before" : "after" },
    });
    ids.push(id);
  }
  for (const id of ids) await waitForRun(app.call, id);
  return { ...app, ok, bad, ids, newestFirst: [...ids].reverse() };
}

describe("the runs index across shards", () => {
  it("keeps each run in its app's shard for the month it was created in", async () => {
    const app = await appWithRunsAround(BOUNDARY);
    const months = new Set(app.ids.map(monthOfId));
    expect(months).toEqual(new Set(["2026-10", "2026-11"]));
    const directory = await env.DB.prepare("SELECT month FROM run_index_shards WHERE app_id = ? ORDER BY month").bind(app.id).all();
    expect(directory.results.map((r) => r.month)).toEqual(["2026-10", "2026-11"]);
    for (const id of app.ids) {
      const row = await shardStub(env, app.id, monthOfId(id)).get(id);
      expect(row).toMatchObject({ id, status: expect.stringMatching(/completed|failed/) });
    }
    // Another app's shard of the same month holds none of them.
    const other = await newApp();
    expect(await shardStub(env, other.id, "2026-10").get(app.ids[0])).toBeNull();
  });

  it("pages across the boundary without gaps or repeats, at every page size", async () => {
    const app = await appWithRunsAround(BOUNDARY);
    for (const limit of [1, 2, 3, 4, 5, 6, 7])
      expect(await allPages(app.call, "/v1/runs", limit), `limit ${limit}`).toEqual(app.newestFirst);
  });

  it("filters across the boundary: status, workflow, metadata and time range, paged", async () => {
    const app = await appWithRunsAround(BOUNDARY);
    const failed = app.newestFirst.filter((_, i) => i % 2 === 0);
    expect(await allPages(app.call, "/v1/runs?status=failed", 1)).toEqual(failed);
    expect(await allPages(app.call, `/v1/workflows/${app.bad}/runs`, 2)).toEqual(failed);
    expect(await allPages(app.call, "/v1/runs?metadata[side]=before", 2)).toEqual(app.newestFirst.slice(3));
    const after = new Date(BOUNDARY - 2_500).toISOString();
    const before = new Date(BOUNDARY + 1_500).toISOString();
    expect(await allPages(app.call, `/v1/runs?created_after=${after}&created_before=${before}`, 1)).toEqual(app.newestFirst.slice(1, 5));
  });

  it("pages by offset across the boundary (the pipelines dialect's lists)", async () => {
    const app = await appWithRunsAround(BOUNDARY);
    const { runPageByOffset } = await import("../../src/services/run-index");
    for (const [skip, limit] of [
      [0, 6],
      [2, 2],
      [3, 3],
      [5, 4],
      [6, 1],
    ]) {
      const page = await runPageByOffset(env, app.id, {}, skip, limit);
      expect(page, `skip ${skip} limit ${limit}`).toEqual({ total: 6, ids: app.newestFirst.slice(skip, skip + limit) });
    }
  });
});

describe("retention leaves nothing but a tombstone, and the tombstone expires", () => {
  it("a purged run's object is empty, its shard row is a tombstone that answers 410, then nothing is left", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, {
      name: "t",
      steps: [{ id: "a", type: "transform", config: { value: "{{ input.secret }}" } }],
    });
    const started = await app.call("POST", `/v1/workflows/${wf}/runs`, { input: { secret: "s3cr3t" }, metadata: { ticket: "T-9" } });
    const runId: string = started.body.id;
    await waitForRun(app.call, runId);
    expect((await app.call("DELETE", `/v1/runs/${runId}`)).status).toBe(200);

    // The object's storage is gone whole: no table, no alarm.
    await runInDurableObject(runObject(runId), async (_object, state) => {
      expect(state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'").toArray()).toEqual([]);
      expect(await state.storage.getAlarm()).toBeNull();
    });
    // The tombstone: id, status, times, error code; no metadata.
    const tombstone = await shardStub(env, app.id, monthOfId(runId)).get(runId);
    expect(tombstone).toMatchObject({ id: runId, status: "completed", metadata: null, purgedAt: expect.any(Number) });
    const gone = await app.call("GET", `/v1/runs/${runId}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe("RUN_PURGED");
    expect((await app.call("GET", "/v1/runs")).body.data.map((r: { id: string }) => r.id)).toEqual([runId]);
    // Another app is told nothing about it.
    const other = await newApp();
    expect((await other.call("GET", `/v1/runs/${runId}`)).status).toBe(404);

    // TOMBSTONE_TTL passes: the shard's alarm removes the tombstone, and the shard, now empty, itself.
    const shard = shardOf(app.id, runId);
    await runInDurableObject(shard, (_object, state) => {
      state.storage.sql.exec("UPDATE runs SET tombstone_expires_at = ?", Date.now() - 1);
    });
    expect(await runDurableObjectAlarm(shard)).toBe(true);
    const missing = await app.call("GET", `/v1/runs/${runId}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("RUN_NOT_FOUND");
    expect((await app.call("GET", "/v1/runs")).body.data).toEqual([]);
    await runInDurableObject(shard, async (_object, state) => {
      expect(state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'").toArray()).toEqual([]);
      expect(await state.storage.getAlarm()).toBeNull();
    });
    const directory = await env.DB.prepare("SELECT 1 FROM run_index_shards WHERE app_id = ?").bind(app.id).all();
    expect(directory.results).toEqual([]);
  });

  it("a tombstone's alarm keeps a shard that still has live runs", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, { name: "t", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await app.call("POST", `/v1/workflows/${wf}/runs`, {})).body.id);
    for (const id of ids) await waitForRun(app.call, id);
    expect((await app.call("DELETE", `/v1/runs/${ids[0]}`)).status).toBe(200);
    const shard = shardOf(app.id, ids[0]);
    await runInDurableObject(shard, (_object, state) => {
      state.storage.sql.exec("UPDATE runs SET tombstone_expires_at = ? WHERE purged_at IS NOT NULL", Date.now() - 1);
    });
    await runDurableObjectAlarm(shard);
    expect((await app.call("GET", "/v1/runs")).body.data.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    expect((await app.call("GET", `/v1/runs/${ids[1]}`)).status).toBe(200);
  });
});

/** The statement versions before the shards wrote D1's runs index with. */
async function legacyIndexRow(appId: string, workflowId: string, id: string, status: string, extra: Record<string, unknown> = {}) {
  const row = {
    id,
    app_id: appId,
    workflow_id: workflowId,
    version: 1,
    status,
    trigger: "api",
    surface: "native",
    schedule_id: null,
    parent_run_id: null,
    profile: "default",
    metadata: JSON.stringify({ legacy: "yes" }),
    error_code: status === "failed" ? "STEP_FAILED" : null,
    state_seq: 3,
    created_at: Date.now() - 5_000,
    started_at: Date.now() - 5_000,
    ended_at: Date.now() - 4_000,
    updated_at: Date.now() - 4_000,
    purged_at: null,
    deleted_at: null,
    process_id: null,
    ...extra,
  };
  const columns = Object.keys(row);
  await env.DB.prepare(`INSERT INTO runs (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`)
    .bind(...Object.values(row))
    .run();
}

describe("the backfill from D1's runs index", () => {
  it("copies every run, resumably and idempotently, never over a newer summary", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, { name: "legacy", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const ids = [idAt(BOUNDARY - 60_000), idAt(BOUNDARY - 30_000), idAt(BOUNDARY + 1_000), idAt(BOUNDARY + 2_000), idAt(BOUNDARY + 3_000)];
    for (const [i, id] of ids.entries()) await legacyIndexRow(app.id, wf, id, i % 2 ? "failed" : "completed");
    expect((await app.call("GET", "/v1/runs")).body.data).toEqual([]);

    // A summary the run's object wrote after the upgrade is newer than the copy.
    const newer = { ...summaryOf(app.id, wf, ids[4]), status: "cancelled" as const, stateSeq: 9 };
    await shardStub(env, app.id, monthOfId(ids[4])).upsert({ appId: app.id, month: monthOfId(ids[4]) }, [newer], 60_000);

    const pages = async () => {
      let cursor: string | null = null;
      let copied = 0;
      let calls = 0;
      do {
        const res: Answer = await admin("POST", `/v1/admin/backfill/runs-index?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(res.status).toBe(200);
        copied += res.body.copied;
        cursor = res.body.next_cursor;
        calls++;
      } while (cursor && calls < 100);
      return copied;
    };
    expect(await pages()).toBeGreaterThanOrEqual(5);
    const listed = (await app.call("GET", "/v1/runs?limit=100")).body.data;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect(listed.find((r: { id: string }) => r.id === ids[0])).toMatchObject({ status: "completed", metadata: { legacy: "yes" } });
    expect(listed.find((r: { id: string }) => r.id === ids[1])).toMatchObject({ status: "failed", error_code: "STEP_FAILED" });
    expect(listed.find((r: { id: string }) => r.id === ids[4])).toMatchObject({ status: "cancelled" });

    // A second pass changes nothing.
    await pages();
    expect((await app.call("GET", "/v1/runs?limit=100")).body.data).toEqual(listed);
    expect((await admin("POST", "/v1/admin/backfill/runs-index?limit=0")).status).toBe(400);
  });
});

function summaryOf(appId: string, workflowId: string, id: string) {
  const now = Date.now();
  return completedSummary(appId, workflowId, now, { id, stateSeq: 1, endedAt: now, updatedAt: now });
}
