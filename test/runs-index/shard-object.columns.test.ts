import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { RunIndexShard } from "../../src/runs-index/shard-object";
import { monthOfId, shardStub } from "../../src/services/run-shards";
import { runIdAt } from "../support/run-ids";
import { createWorkflow, newApp, startRun, waitForRun } from "../support/worker";

/** The shard table as it was before error_step: what shards written by the previous release hold. */
const TABLE_BEFORE_ERROR_STEP = `
CREATE TABLE runs (
  id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
  trigger TEXT NOT NULL, surface TEXT NOT NULL, schedule_id TEXT, parent_run_id TEXT, profile TEXT NOT NULL,
  metadata TEXT, error_code TEXT, state_seq INTEGER NOT NULL, created_at INTEGER NOT NULL, started_at INTEGER,
  ended_at INTEGER, updated_at INTEGER NOT NULL, purged_at INTEGER, deleted_at INTEGER, process_id TEXT,
  tombstone_expires_at INTEGER
) WITHOUT ROWID`;

describe("a shard written before a column was added", () => {
  it("gains the column when it wakes, keeps its rows, and takes the new field from then on", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, {
      steps: [{ id: "boom", type: "fail", if: "{{ input.fail }}", config: { code: "BOOM" } }],
    });
    const month = monthOfId(runIdAt(Date.now()));
    const oldId = runIdAt(Date.now() - 1_000);
    const stub = env.RUN_INDEX.get(env.RUN_INDEX.idFromName(`${app.id}/${month}`));
    await runInDurableObject(stub, async (_instance: RunIndexShard, state) => {
      state.storage.sql.exec(TABLE_BEFORE_ERROR_STEP);
      state.storage.sql.exec(
        `INSERT INTO runs (id, workflow_id, version, status, trigger, surface, profile, error_code, state_seq, created_at, updated_at)
         VALUES (?, ?, 1, 'failed', 'api', 'native', 'default', 'OLD', 3, ?, ?)`,
        oldId,
        wf,
        Date.now(),
        Date.now(),
      );
    });
    await env.DB.prepare("INSERT INTO run_index_shards (app_id, month, created_at) VALUES (?, ?, ?)").bind(app.id, month, Date.now()).run();

    const run = await startRun(app.call, wf, { input: { fail: true } });
    await waitForRun(app.call, run.id);
    expect(await shardStub(env, app.id, month).get(run.id)).toMatchObject({ errorCode: "BOOM", errorStep: "boom" });
    expect(await shardStub(env, app.id, month).get(oldId)).toMatchObject({ errorCode: "OLD", errorStep: null });

    const stats = (await app.call("GET", `/v1/workflows/${wf}/stats?window=24h`)).body;
    expect(stats.failures.by_step).toEqual([
      { step_id: "boom", count: 1 },
      { step_id: null, count: 1 },
    ]);
  });
});
