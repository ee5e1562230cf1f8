// The cost phase: what one 3-step run with one webhook costs. Stepline's runs are metered (Worker
// and object requests, SQLite rows and commits, D1 queries and rows, queue messages) and profiled
// (CPU by component); the reference's runs are profiled and their stored state measured. Prints
// the breakdown, the counts and the dollars per million runs.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { costPerMillion, printCostTable, referenceUsage, steplineUsage } from "./cost.mjs";
import { median, sleep } from "./harness.mjs";
import { breakdown, COMPONENTS, loadSourceMap, mapToSources, profile } from "./profile.mjs";

/** Runs keep their data 30 days (Stepline's default retention; Workflows keep state as long on Workers Paid). */
const RETENTION_MONTHS = 1;
const PURGED = 20;

/**
 * The size of the local Workflows engine's databases (one per instance), counted as an
 * object's `databaseSize` is: pages in use, including those still in the write-ahead log.
 */
async function workflowStateBytes(dir) {
  const { DatabaseSync } = await import("node:sqlite");
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !/workflows.*\.sqlite$/.test(file) || entry.name === "metadata.sqlite") continue;
    const db = new DatabaseSync(file, { readOnly: true });
    total += db.prepare("PRAGMA page_count").get().page_count * db.prepare("PRAGMA page_size").get().page_size;
    db.close();
  }
  return total;
}

export async function measureCost({ root, persist, base, api, auth, dev, collector, engines, steplineWorkflow, throughput, runs }) {
  const sourceMap = loadSourceMap(root);
  const meter = async (on) => {
    const res = await fetch(`${base}/bench/meter${on === undefined ? "" : `?on=${on ? 1 : 0}`}`, {
      method: on === undefined ? "GET" : "POST",
    });
    return res.json();
  };
  await steplineWorkflow(3, { webhook: true });

  // Stepline: the runs, then every webhook delivered and recorded, all metered and profiled.
  await meter(true);
  const hooksBefore = collector.state.hooks;
  const stepline = await profile(dev.inspectorPort, async () => {
    const result = await throughput("stepline", runs, 20, { webhook: true });
    const deadline = Date.now() + 60_000;
    while (collector.state.hooks - hooksBefore < runs && Date.now() < deadline) await sleep(20);
    // The consumer records each attempt after the receiver has answered.
    await sleep(1000);
    return result;
  });
  const counts = await meter();
  counts.d1BytesPerRun = Math.max(0, (counts.d1SizeLast ?? 0) - (counts.d1SizeFirst ?? 0)) / runs;

  // What the retention purge costs later, measured on a few of those runs now.
  await meter(true);
  for (const id of stepline.result.ids.slice(0, PURGED)) await api("DELETE", `/v1/runs/${id}`, undefined, auth);
  // Their tombstones expire (TOMBSTONE_TTL is 2 s here) and the index shard deletes them.
  await sleep(4000);
  const purgeCounts = await meter(false);
  const purge = { rowsWritten: (purgeCounts.sqlRowsWritten + purgeCounts.alarmWrites) / PURGED, doRequests: 1 };

  // An object is billed for duration while it works on a run: one run's time alone.
  const alone = [];
  for (let i = 0; i < 10; i++) alone.push((await engines.stepline(3, { webhook: true })).e2e);
  const activeSeconds = median(alone) / 1000;

  const stateBefore = await workflowStateBytes(persist);
  const reference = await profile(dev.inspectorPort, () => throughput("reference", runs, 20));
  const stateBytes = Math.max(0, (await workflowStateBytes(persist)) - stateBefore) / runs;

  for (const [name, p] of Object.entries({ stepline, reference })) {
    writeFileSync(path.join(root, "bench", "results", `cost-${name}.cpuprofile`), JSON.stringify(mapToSources(p.profile, sourceMap)));
  }
  const sb = breakdown(stepline.profile, runs);
  const rb = breakdown(reference.profile, runs);
  console.log(`\nCPU of the bench worker's isolate per run, by component (${runs} runs, 20 in flight; ms per run):`);
  console.log(`${"component".padEnd(26)} ${"stepline".padStart(10)} ${"reference".padStart(10)}`);
  for (const c of COMPONENTS)
    console.log(`${c.padEnd(26)} ${sb.perRun[c].toFixed(2).padStart(10)} ${rb.perRun[c].toFixed(2).padStart(10)}`);
  console.log(`${"total".padEnd(26)} ${sb.totalMsPerRun.toFixed(2).padStart(10)} ${rb.totalMsPerRun.toFixed(2).padStart(10)}`);
  console.log(
    `${"  of it in the worker".padEnd(26)} ${sb.workerMsPerRun.toFixed(2).padStart(10)} ${rb.totalMsPerRun.toFixed(2).padStart(10)}`,
  );
  console.log("  (the reference's engine runs in another isolate of the same process: its CPU is not in its column)");

  const per = (n) => (n / runs).toFixed(2);
  const sum = (record) => Object.values(record).reduce((a, b) => a + b, 0);
  console.log(`\nStepline, counts per run (${runs} runs with a webhook each):`);
  console.log(`  Worker requests ${per(counts.workerRequests)}, queue consumer invocations ${per(counts.queueInvocations)}`);
  console.log(
    `  Durable Object requests ${per(sum(counts.doRequests))} (${Object.entries(counts.doRequests)
      .map(([k, v]) => `${k} ${per(v)}`)
      .join(", ")}), alarms ${per(sum(counts.doAlarms))}, objects created ${per(sum(counts.objectsCreated))}`,
  );
  console.log(
    `  SQLite: ${per(counts.sqlStatements)} statements, ${per(counts.sqlRowsWritten)} rows written, ${per(counts.sqlRowsRead)} rows read, ` +
      `${per(counts.alarmWrites)} alarm writes, ${per(counts.commits)} commits (${median(counts.commitsBeforeFirstStep)} before the first step)`,
  );
  for (const [statement, { statements, rowsWritten }] of Object.entries(counts.sqlByStatement).sort(
    (a, b) => b[1].rowsWritten - a[1].rowsWritten,
  )) {
    if (rowsWritten > 0) console.log(`     ${per(statements)} x ${statement}: ${per(rowsWritten)} rows written`);
  }
  const sizes = Object.values(counts.databaseBytes);
  console.log(`  object database size ${(sum(counts.databaseBytes) / Math.max(1, sizes.length) / 1024).toFixed(1)} KiB`);
  console.log(
    `  D1: ${per(counts.d1Queries)} queries in ${per(counts.d1Batches)} batches, ${per(counts.d1RowsWritten)} rows written, ` +
      `${per(counts.d1RowsRead)} rows read, ${(counts.d1BytesPerRun / 1024).toFixed(2)} KiB stored`,
  );
  for (const [statement, { queries, rowsWritten }] of Object.entries(counts.d1ByStatement).sort((a, b) => b[1].queries - a[1].queries))
    console.log(`     ${per(queries)} x ${statement}${rowsWritten ? `: ${per(rowsWritten)} rows written` : ""}`);
  console.log(`  queue messages ${per(counts.queueMessages)}, deliveries ${per(counts.queueDeliveries)}`);
  console.log(`  later, the retention purge: 1 alarm, ${purge.rowsWritten.toFixed(1)} rows written`);

  const sUsage = steplineUsage({ counts, runs, workerCpuMs: sb.workerMsPerRun, activeSeconds, purge, retentionMonths: RETENTION_MONTHS });
  const rUsage = referenceUsage({ workerCpuMs: rb.totalMsPerRun, stateBytes, retentionMonths: RETENTION_MONTHS });
  const sCost = costPerMillion(sUsage);
  const rCost = costPerMillion(rUsage);
  printCostTable(sCost, rCost);
  return {
    runs,
    breakdown: { stepline: sb, reference: rb },
    counts,
    purge,
    activeSeconds,
    referenceStateBytes: stateBytes,
    usage: { stepline: sUsage, reference: rUsage },
    dollarsPerMillion: { stepline: sCost, reference: rCost },
  };
}
