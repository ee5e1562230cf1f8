// The scale phase: runs of many apps, on both sides of a runs index shard boundary (a month),
// each with a webhook. Prints rows written per run by store, the busiest objects' write rates,
// a paged list across the boundary, and the bytes a run leaves after its purge and after its
// tombstone's TTL (the bench runs with TOMBSTONE_TTL=2s).
import { sleep } from "./harness.mjs";

export async function measureScale({ base, api, admin, collector, apps: appCount, runs }) {
  const meter = async (on) =>
    (
      await fetch(`${base}/bench/meter${on === undefined ? "" : `?on=${on ? 1 : 0}`}`, { method: on === undefined ? "GET" : "POST" })
    ).json();
  const apps = [];
  for (let i = 0; i < appCount; i++) {
    const app = await api("POST", "/v1/admin/apps", { name: `scale ${i}` }, admin);
    const { key } = await api("POST", `/v1/admin/apps/${app.id}/keys`, { name: "scale" }, admin);
    const auth = { "x-api-key": key };
    const wf = await api(
      "POST",
      "/v1/workflows",
      {
        name: "scale",
        webhook_url: `${collector.url}/hook`,
        steps: [
          { id: "a", type: "transform", config: { value: 1 } },
          { id: "b", type: "transform", config: { value: "{{ prev + 1 }}" } },
          { id: "c", type: "transform", config: { value: "{{ prev + 1 }}" } },
        ],
      },
      auth,
    );
    apps.push({ id: app.id, auth, workflowId: wf.id, runs: [] });
  }
  // The start of this month: runs an hour either side of it fall in two shards of each app.
  const now = new Date();
  const boundary = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);

  const hooksBefore = collector.state.hooks;
  await meter(true);
  const started = Date.now();
  for (let i = 0; i < runs; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, runs - i) }, async (_, j) => {
        const n = i + j;
        const app = apps[n % apps.length];
        // Each app's runs alternate sides: round r of the apps is before the boundary when r is even.
        const side = Math.floor(n / apps.length) % 2 ? 1 : -1;
        const at = boundary + side * (60_000 + n * 1000);
        const { id } = await api("POST", "/bench/start-at", { app_id: app.id, workflow_id: app.workflowId, at });
        app.runs.push(id);
      }),
    );
  }
  const deadline = Date.now() + 120_000;
  while (collector.state.hooks - hooksBefore < runs && Date.now() < deadline) await sleep(50);
  await sleep(1000);
  const seconds = (Date.now() - started) / 1000;
  const counts = await meter();

  // A list across the boundary, page by page.
  const sample = apps[0];
  const listed = [];
  let cursor = null;
  do {
    const page = await api("GET", `/v1/runs?limit=7${cursor ? `&cursor=${cursor}` : ""}`, undefined, sample.auth);
    listed.push(...page.data.map((r) => r.id));
    cursor = page.next_cursor;
  } while (cursor);
  const expected = [...sample.runs].sort().reverse();
  const gapless = listed.length === expected.length && listed.every((id, i) => id === expected[i]);

  // Purge every run, then let the tombstones expire.
  await meter(true);
  for (const app of apps) for (const id of app.runs) await api("DELETE", `/v1/runs/${id}`, undefined, app.auth);
  const afterPurge = await meter();
  await sleep(4000);
  const afterTtl = await meter(false);

  const objects = (c, cls) => Object.values(c.objects).filter((o) => o.className === cls);
  const sum = (list, f) => list.reduce((a, o) => a + f(o), 0);
  const rows = {
    runObject: (counts.rowsByClass.RunObject ?? 0) / runs,
    indexShards: (counts.rowsByClass.RunIndexShard ?? 0) / runs,
    d1: counts.d1RowsWritten / runs,
    purge: {
      runObject: (afterTtl.rowsByClass.RunObject ?? 0) / runs,
      indexShards: (afterTtl.rowsByClass.RunIndexShard ?? 0) / runs,
      d1: afterTtl.d1RowsWritten / runs,
    },
  };
  const shards = objects(counts, "RunIndexShard");
  const busiest = Math.max(0, ...shards.map((o) => o.rows));
  const bytesLeft = (c) => ({
    runObjects: sum(objects(c, "RunObject"), (o) => o.bytes) / runs,
    indexShards: sum(objects(c, "RunIndexShard"), (o) => o.bytes) / runs,
  });
  const result = {
    apps: appCount,
    runs,
    seconds,
    shards: shards.length,
    rowsPerRun: rows,
    writeRates: {
      runsPerSecond: runs / seconds,
      busiestShardRowsPerSecond: busiest / seconds,
      runObjectRowsPerRun: rows.runObject,
    },
    listAcrossBoundary: { listed: listed.length, expected: expected.length, gapless },
    bytesPerRunAfterPurge: bytesLeft(afterPurge),
    bytesPerRunAfterTombstoneTtl: bytesLeft(afterTtl),
  };
  const f = (n) => n.toFixed(2);
  console.log(
    `\nScale: ${runs} runs of ${appCount} apps, an hour either side of ${new Date(boundary).toISOString().slice(0, 7)}'s start, one webhook each`,
  );
  console.log(`  ${shards.length} index shards written; ${f(result.writeRates.runsPerSecond)} runs/s here`);
  console.log(
    `  rows written per run while it runs: run object ${f(rows.runObject)}, index shards ${f(rows.indexShards)}, D1 ${f(rows.d1)}`,
  );
  console.log(
    `  rows written per run by its purge and tombstone expiry: run object ${f(rows.purge.runObject)}, index shards ${f(rows.purge.indexShards)}, D1 ${f(rows.purge.d1)}`,
  );
  console.log(`  busiest index shard: ${f(result.writeRates.busiestShardRowsPerSecond)} rows/s`);
  console.log(
    `  one app's list, 7 a page across the boundary: ${listed.length} of ${expected.length} runs, ${gapless ? "no gap or repeat" : "GAPS OR REPEATS"}`,
  );
  const b = (x) => `run objects ${f(x.runObjects)} B, index shards ${f(x.indexShards)} B`;
  console.log(`  bytes per run left after the purge: ${b(result.bytesPerRunAfterPurge)}`);
  console.log(`  bytes per run left after the tombstone TTL: ${b(result.bytesPerRunAfterTombstoneTtl)}`);
  return result;
}
