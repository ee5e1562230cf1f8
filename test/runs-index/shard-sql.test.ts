import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { idAt } from "../../src/domain/run-filter";
import type { RunIndexShard } from "../../src/runs-index/shard-object";
import { statsQueries } from "../../src/runs-index/shard-sql";
import { upsertRunIndexMany } from "../../src/services/run-index";
import { monthOfId } from "../../src/services/run-shards";
import { completedSummary } from "../support/run-ids";

describe("the stats queries of a shard", () => {
  it("read the window's rows along the primary key and no row before or after it", async () => {
    const appId = crypto.randomUUID();
    const monthStart = Date.UTC(2026, 4, 1);
    const from = monthStart + 10 * 86_400_000;
    const to = from + 86_400_000;
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => completedSummary(appId, "wf", monthStart + i * 60_000)), // before the window
      ...Array.from({ length: 3 }, (_, i) => completedSummary(appId, "wf", from + i * 60_000)), // in it
      ...Array.from({ length: 2 }, (_, i) => completedSummary(appId, "other", from + 3_600_000 + i)), // in it, another workflow
      ...Array.from({ length: 30 }, (_, i) => completedSummary(appId, "wf", to + i * 60_000)), // after it
    ];
    await upsertRunIndexMany(env, appId, rows);
    const month = monthOfId(rows[0].id);
    const stub = env.RUN_INDEX.get(env.RUN_INDEX.idFromName(`${appId}/${month}`));
    const q = statsQueries([idAt(from), idAt(from + 43_200_000)]);
    const read = await runInDurableObject(stub, (_instance: RunIndexShard, state) => {
      const groups = state.storage.sql.exec(q.groups.sql, ...q.groups.bucketArgs, "wf", idAt(from), idAt(to));
      const groupRows = groups.toArray();
      const durations = state.storage.sql.exec(q.durations.sql, "wf", idAt(from), idAt(to));
      const durationRows = durations.toArray();
      const plan = (sql: string, ...args: SqlStorageValue[]) =>
        state.storage.sql
          .exec(`EXPLAIN QUERY PLAN ${sql}`, ...args)
          .toArray()
          .map((r) => r.detail);
      return {
        groupRows,
        durationRows,
        rowsRead: [groups.rowsRead, durations.rowsRead],
        plans: [plan(q.groups.sql, ...q.groups.bucketArgs, "wf", idAt(from), idAt(to)), plan(q.durations.sql, "wf", idAt(from), idAt(to))],
      };
    });
    expect(read.groupRows).toEqual([{ bucket: 0, status: "completed", error_step: null, error_code: null, n: 3, newest: rows[42].id }]);
    expect(read.durationRows).toEqual([{ ms: 10, n: 3, longest: 10 }]);
    // Each reads the window's id range along the primary key: its five rows (of both workflows),
    // never the seventy outside it. SQLite's count adds the GROUP BY sorter's rows and the answer's.
    for (const plan of read.plans) expect(plan).toContain("SEARCH runs USING PRIMARY KEY (id>? AND id<?)");
    for (const n of read.rowsRead) expect(n).toBeLessThanOrEqual(5 + 3 + 1);
  });
});
