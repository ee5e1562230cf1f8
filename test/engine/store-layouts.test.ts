import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import { RunStore, type StepRecord } from "../../src/engine/store";
import { runObject } from "../helpers";

// Objects made before steps and outbox entries were keyed by integers have these tables.
const TEXT_KEYED = `
CREATE TABLE steps (id TEXT PRIMARY KEY, idx INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, input TEXT,
  output TEXT, error TEXT, wait TEXT, started_at INTEGER, ended_at INTEGER, used_fallback INTEGER NOT NULL);
CREATE TABLE outbox (id TEXT PRIMARY KEY, event TEXT NOT NULL, url TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL);`;

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

for (const layout of ["integer-keyed (new objects)", "text-keyed (older objects)"]) {
  it(`stores steps and webhook entries in ${layout} tables`, async () => {
    await runInDurableObject(runObject(crypto.randomUUID()), (_object, state) => {
      const sql = state.storage.sql;
      if (layout.startsWith("text")) sql.exec(TEXT_KEYED);
      const store = new RunStore(sql);
      store.init();
      store.saveStep(started, true);
      store.saveStep({ ...started, status: "completed", output: { status: 200 }, outputJson: '{"status":200}', endedAt: 2 });
      expect([...store.loadSteps().values()]).toEqual([
        { ...started, status: "completed", output: { status: 200 }, outputJson: '{"status":200}', endedAt: 2 },
      ]);
      store.addOutbox({ id: "d1", event: "run.waiting", url: "https://example.com/hook", payload: "{}" }, 1);
      store.addOutbox({ id: "d2", event: "run.completed", url: "https://example.com/hook", payload: "{}" }, 2);
      store.deleteOutbox("d1");
      expect(store.outbox().map((entry) => entry.id)).toEqual(["d2"]);
      // A text key needs an index beside the table: a second row written with every insert.
      const indexes = sql.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('steps', 'outbox')").toArray();
      expect(indexes.length).toBe(layout.startsWith("text") ? 2 : 0);
    });
  });
}
