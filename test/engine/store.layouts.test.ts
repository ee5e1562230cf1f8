import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { VersionDefinition } from "../../src/domain/definition";
import { createRunRecord } from "../../src/engine/run-factory";
import { RunStore, type StepRecord } from "../../src/engine/store";
import { runObject } from "../support/worker";

/**
 * Run objects live as long as their runs, so the store works on every layout ever deployed:
 * - new objects: steps and outbox keyed by integers, every column from the start;
 * - objects made once runs had task ids, soft delete, output purges and process ids: text keys;
 * - objects made before those: text keys and none of those columns.
 */
const LAYOUTS = [
  { name: "integer-keyed (new objects)", textKeys: false, laterColumns: true },
  { name: "text-keyed (older objects)", textKeys: true, laterColumns: true },
  { name: "text-keyed without the later columns (oldest objects)", textKeys: true, laterColumns: false },
];

const textKeyed = (laterColumns: boolean) => `
CREATE TABLE steps (id TEXT PRIMARY KEY, idx INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, input TEXT,
  output TEXT, error TEXT, wait TEXT, started_at INTEGER, ended_at INTEGER, used_fallback INTEGER NOT NULL${laterColumns ? ", task_id TEXT" : ""});
CREATE TABLE outbox (id TEXT PRIMARY KEY, event TEXT NOT NULL, url TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL);`;

const definition = { steps: [{ id: "fetch", type: "http", config: { url: "https://example.com" } }] } as unknown as VersionDefinition;

const newRun = () =>
  createRunRecord({
    id: crypto.randomUUID(),
    appId: "app",
    workflowId: "wf",
    version: 1,
    definition,
    input: { secret: "in" },
    trigger: "api",
    surface: "native",
    profile: "default",
    scheduleId: null,
    processId: "proc-7",
    parent: null,
    webhookUrl: null,
    retention: { maxAgeSeconds: 3600, preserveOnFailure: false },
    metadata: { ticket: "T-1" },
    options: {},
    limiter: null,
    start: true,
    reuse: null,
  }).run;

const started: StepRecord = {
  id: "fetch",
  index: 2,
  status: "running",
  attempts: 1,
  input: { url: "https://example.com" },
  output: null,
  outputJson: null,
  error: null,
  wait: null,
  startedAt: 1,
  endedAt: null,
  usedFallback: false,
  taskId: null,
};
const completed: StepRecord = { ...started, status: "completed", output: { status: 200 }, outputJson: '{"status":200}', endedAt: 2 };

/** A store over an object of this layout that holds a run, opened as after a deploy. */
function storeOf(sql: SqlStorage, layout: (typeof LAYOUTS)[number]) {
  if (layout.textKeys) sql.exec(textKeyed(layout.laterColumns));
  const run = newRun();
  const first = new RunStore(sql);
  first.init();
  first.insertRun(run);
  if (!layout.laterColumns) {
    for (const column of ["deleted_at", "outputs_purged_at", "process_id"]) sql.exec(`ALTER TABLE run DROP COLUMN ${column}`);
  }
  const store = new RunStore(sql);
  store.init();
  return { store, run };
}

const columns = (sql: SqlStorage, table: string) =>
  sql
    .exec(`SELECT name FROM pragma_table_info('${table}')`)
    .toArray()
    .map((row) => row.name);

describe.each(LAYOUTS)("a run object with $name", (layout) => {
  it("stores steps, their task ids and webhook deliveries, and empties an outbox left by older code", async () => {
    await runInDurableObject(runObject(crypto.randomUUID()), (_object, state) => {
      const sql = state.storage.sql;
      const { store } = storeOf(sql, layout);
      store.saveStep(started, true);
      store.saveTaskId("fetch", "job-1");
      // Later writes of the step keep its task id.
      store.saveStep(completed);
      expect([...store.loadSteps().values()]).toEqual([{ ...completed, taskId: "job-1" }]);
      store.tables.ensure("outbox");
      const oldEntry =
        "INSERT INTO outbox (id, event, url, payload, created_at) VALUES (?, 'run.waiting', 'https://example.com/hook', '{}', ?)";
      sql.exec(oldEntry, "d1", 1);
      sql.exec(oldEntry, "d2", 2);
      store.deleteOutbox("d1");
      expect(store.outbox().map((entry) => entry.id)).toEqual(["d2"]);
      const first = store.deliveries.insert({ event: "run.waiting", url: "https://example.com/hook", payload: "{}" }, 3);
      const second = store.deliveries.insert({ event: "run.completed", url: "https://example.com/hook", payload: "{}" }, 4);
      expect([first, second]).toEqual([1, 2]);
      expect(store.deliveries.list(null, 10).map((d) => d.seq)).toEqual([2, 1]);
      // A text key needs an index beside the table: a second row written with every insert.
      const indexes = sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('steps', 'outbox', 'deliveries')")
        .toArray();
      expect(indexes.length).toBe(layout.textKeys ? 2 : 0);
    });
  });

  it("reads its process id, soft-deletes and drops its outputs", async () => {
    await runInDurableObject(runObject(crypto.randomUUID()), (_object, state) => {
      const sql = state.storage.sql;
      const { store, run } = storeOf(sql, layout);
      // A new object has the later columns before any write of one; an older one gains them then.
      expect(columns(sql, "steps").includes("task_id")).toBe(layout.laterColumns);
      const loaded = store.loadRun();
      expect(loaded).toMatchObject({ processId: layout.laterColumns ? "proc-7" : null, deletedAt: null, outputsPurgedAt: null });

      store.saveRunAttributes({ ...run, deletedAt: 123 });
      expect(store.loadRun()).toMatchObject({ deletedAt: 123, metadata: { ticket: "T-1" } });
      expect(columns(sql, "run")).toEqual(expect.arrayContaining(["deleted_at", "outputs_purged_at"]));
      expect(columns(sql, "steps")).toContain("task_id");

      store.saveStep(started, true);
      store.saveTaskId("fetch", "job-1");
      store.saveStep(completed);
      store.saveItem("fetch", 0, '"item"');
      store.appendEvent("step.completed", "fetch", '{"attempt":1,"output":{"status":200}}', 2);
      store.purgeOutputs();
      store.saveRunAttributes({ ...run, deletedAt: 123, outputsPurgedAt: 456 });
      expect(store.loadSteps().get("fetch")).toEqual({ ...completed, input: null, output: null, outputJson: null, taskId: "job-1" });
      expect(store.loadItems("fetch").size).toBe(0);
      expect(store.events(0, 10).map((event) => JSON.parse(event.dataJson as string))).toEqual([{ attempt: 1 }]);
      expect(store.loadRun()).toMatchObject({ deletedAt: 123, outputsPurgedAt: 456 });
    });
  });
});
