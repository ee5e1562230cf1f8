// The dollar cost of a million runs, from the usage the bench measured per run and the list
// prices in prices.mjs. Marginal cost: usage beyond what the Workers Paid plan includes.
import { PRICES } from "./prices.mjs";

const sum = (record) => Object.values(record ?? {}).reduce((a, b) => a + b, 0);

/**
 * Stepline's usage per run, from the meter's counts over `runs` runs, the worker-side CPU of
 * the profile, the object's active time and what a retention purge later costs.
 */
export function steplineUsage({ counts, runs, workerCpuMs, activeSeconds, purge, retentionMonths }) {
  const sizes = Object.values(counts.databaseBytes);
  const objectBytes = sizes.length ? sum(counts.databaseBytes) / sizes.length : 0;
  const redeliveries = Math.max(0, counts.queueDeliveries - counts.queueMessages);
  const chunks = Math.max(1, Math.ceil(counts.queueBytes / Math.max(1, counts.queueMessages) / PRICES.queues.operationBytes));
  return {
    workerRequests: (counts.workerRequests + counts.queueInvocations) / runs,
    workerCpuMs,
    // Each stub call and alarm is a request; the retention alarm fires once more, later.
    doRequests: (sum(counts.doRequests) + sum(counts.doAlarms)) / runs + 1,
    doGbSeconds: activeSeconds * PRICES.durableObjects.memoryGb,
    doRowsRead: counts.sqlRowsRead / runs,
    // Alarm writes count as rows written; the retention purge deletes rows later.
    doRowsWritten: (counts.sqlRowsWritten + counts.alarmWrites) / runs + purge.rowsWritten,
    doStorageGbMonth: (objectBytes / 1e9) * retentionMonths,
    d1RowsRead: counts.d1RowsRead / runs,
    d1RowsWritten: counts.d1RowsWritten / runs,
    d1StorageGbMonth: (counts.d1BytesPerRun / 1e9) * retentionMonths,
    queueOperations: ((counts.queueMessages * 3 + redeliveries) * chunks) / runs,
  };
}

/** The reference's usage per run: Workflows bill as Workers (requests, CPU) plus stored state. */
export function referenceUsage({ workerCpuMs, stateBytes, retentionMonths }) {
  return {
    // The request that creates the instance, and the instance's own invocation.
    workerRequests: 2,
    workerCpuMs,
    workflowsStorageGbMonth: (stateBytes / 1e9) * retentionMonths,
  };
}

const LINES = [
  ["Workers requests", "workerRequests", (u) => u * PRICES.workers.perMillionRequests],
  ["Workers CPU ms", "workerCpuMs", (u) => u * PRICES.workers.perMillionCpuMs],
  ["DO requests", "doRequests", (u) => u * PRICES.durableObjects.perMillionRequests],
  ["DO duration GB-s", "doGbSeconds", (u) => u * PRICES.durableObjects.perMillionGbSeconds],
  ["DO SQLite rows read", "doRowsRead", (u) => u * PRICES.durableObjects.sqlite.perMillionRowsRead],
  ["DO SQLite rows written", "doRowsWritten", (u) => u * PRICES.durableObjects.sqlite.perMillionRowsWritten],
  ["DO SQLite GB-month", "doStorageGbMonth", (u) => u * 1e6 * PRICES.durableObjects.sqlite.perGbMonth],
  ["D1 rows read", "d1RowsRead", (u) => u * PRICES.d1.perMillionRowsRead],
  ["D1 rows written", "d1RowsWritten", (u) => u * PRICES.d1.perMillionRowsWritten],
  ["D1 GB-month", "d1StorageGbMonth", (u) => u * 1e6 * PRICES.d1.perGbMonth],
  ["Queues operations", "queueOperations", (u) => u * PRICES.queues.perMillionOperations],
  ["Workflows state GB-month", "workflowsStorageGbMonth", (u) => u * 1e6 * PRICES.workflows.perGbMonth],
];

/** Dollars per million runs, line by line (a quantity per run times the price per million). */
export function costPerMillion(usage) {
  const lines = LINES.filter(([, key]) => usage[key] !== undefined).map(([label, key, price]) => ({
    label,
    perRun: usage[key],
    dollars: price(usage[key]),
  }));
  return { lines, total: lines.reduce((a, l) => a + l.dollars, 0) };
}

export function printCostTable(stepline, reference) {
  const fmt = (v) => (v === undefined ? "-" : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));
  console.log(`\nCost of a million 3-step runs with one webhook each (${PRICES.asOf}, beyond the included usage):`);
  console.log(
    `${"item".padEnd(26)} ${"stepline/run".padStart(13)} ${"$/M".padStart(8)} ${"reference/run".padStart(14)} ${"$/M".padStart(8)}`,
  );
  for (const [label] of LINES) {
    const s = stepline.lines.find((l) => l.label === label);
    const r = reference.lines.find((l) => l.label === label);
    if (!s && !r) continue;
    console.log(
      `${label.padEnd(26)} ${fmt(s?.perRun).padStart(13)} ${fmt(s?.dollars).padStart(8)} ${fmt(r?.perRun).padStart(14)} ${fmt(r?.dollars).padStart(8)}`,
    );
  }
  console.log(
    `${"total".padEnd(26)} ${"".padStart(13)} ${fmt(stepline.total).padStart(8)} ${"".padStart(14)} ${fmt(reference.total).padStart(8)}`,
  );
}
