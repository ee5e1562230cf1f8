/**
 * The run object's tables. Every run needs the core ones, created together with its first
 * write; the others are created the first time a run needs them (a timer, a `for_each` step, an
 * event or callback, a flag, a webhook), so a plain run creates four tables instead of nine: each
 * table costs rows written and a page of the object's storage. Steps and deliveries are keyed by
 * an integer (the step's position, the delivery's sequence), so they need no second index and
 * each write is one row, not two. Objects made before keep text keys; the store's statements work
 * on both layouts.
 */

const CORE = `
CREATE TABLE IF NOT EXISTS run (
  k INTEGER PRIMARY KEY CHECK (k = 1),
  id TEXT NOT NULL, app_id TEXT NOT NULL, workflow_id TEXT NOT NULL, version INTEGER NOT NULL,
  status TEXT NOT NULL, trigger TEXT NOT NULL, surface TEXT NOT NULL, profile TEXT NOT NULL,
  schedule_id TEXT, parent TEXT, output TEXT, error TEXT,
  webhook_url TEXT, retention TEXT NOT NULL, metadata TEXT, options TEXT NOT NULL, limiter TEXT,
  created_at INTEGER NOT NULL, started_at INTEGER, ended_at INTEGER, updated_at INTEGER NOT NULL,
  retention_due_at INTEGER, purged_at INTEGER,
  state_seq INTEGER NOT NULL, synced_seq INTEGER NOT NULL, steps_executed INTEGER NOT NULL, http_calls INTEGER NOT NULL,
  deleted_at INTEGER, outputs_purged_at INTEGER, process_id TEXT
);
-- The definition and input never change and can be large: apart from the run row, so that
-- the row's frequent small updates do not rewrite them.
CREATE TABLE IF NOT EXISTS run_data (k INTEGER PRIMARY KEY CHECK (k = 1), definition TEXT NOT NULL, input TEXT);
-- A step has a row once it has started (or was reused by a replay); the others are pending.
CREATE TABLE IF NOT EXISTS steps (
  idx INTEGER PRIMARY KEY, id TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
  input TEXT, output TEXT, error TEXT, wait TEXT, started_at INTEGER, ended_at INTEGER, used_fallback INTEGER NOT NULL,
  task_id TEXT
);
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind INTEGER NOT NULL, step_id TEXT, data TEXT);
`;

/**
 * Columns added after run objects were first deployed. Tables made from CORE have them; objects
 * made before get them on their first write of one (reads of the row see null until then). A
 * run's process id is written only when the run is created, so it needs no entry here.
 */
const LATER_COLUMNS = [
  { table: "run", column: "deleted_at", type: "INTEGER" },
  { table: "run", column: "outputs_purged_at", type: "INTEGER" },
  { table: "steps", column: "task_id", type: "TEXT" },
];

const ON_DEMAND = {
  // A run has a handful of timers, so finding the earliest needs no index. Retention is not one
  // of them (its time is in the run row), so a run that never sleeps, waits or retries has none.
  timers: "CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, kind TEXT NOT NULL, due_at INTEGER NOT NULL, step_id TEXT, data TEXT)",
  step_items:
    "CREATE TABLE IF NOT EXISTS step_items (step_id TEXT NOT NULL, idx INTEGER NOT NULL, output TEXT, PRIMARY KEY (step_id, idx))",
  inbox:
    "CREATE TABLE IF NOT EXISTS inbox (id TEXT PRIMARY KEY, name TEXT NOT NULL, payload TEXT, received_at INTEGER NOT NULL, consumed_by TEXT)",
  kv: "CREATE TABLE IF NOT EXISTS kv (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
  // Objects made before deliveries were kept here handed webhook bodies to D1 through this
  // table; it is only read and emptied now (engine/deliveries.ts adopts what is left in it).
  outbox:
    "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, event TEXT NOT NULL, url TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL)",
  // One row per webhook delivery, written with the event that caused it; its attempts are a
  // JSON array in the row, so an attempt is one row updated. `mid` is the generation of the
  // queue message that may make the next attempt; `payload` is null once the run is purged.
  deliveries: `CREATE TABLE IF NOT EXISTS deliveries (seq INTEGER PRIMARY KEY, event TEXT NOT NULL, url TEXT NOT NULL, payload TEXT,
    status TEXT NOT NULL, due_at INTEGER, mid INTEGER NOT NULL, attempts TEXT NOT NULL, last_error TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, delivered_at INTEGER)`,
} as const;

export type OnDemandTable = keyof typeof ON_DEMAND;

/** Which of the object's tables exist, read once from the schema and kept up to date. */
export class Tables {
  private names: Set<string> | null = null;
  /** The core tables are known to have every later column. */
  private columnsReady = false;

  constructor(private readonly sql: SqlStorage) {}

  private get known(): Set<string> {
    this.names ??= new Set(
      this.sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'table'")
        .toArray()
        .map((row) => row.name as string),
    );
    return this.names;
  }

  has(table: "run" | OnDemandTable): boolean {
    return this.known.has(table);
  }

  createCore(): void {
    // Tables made now have every column; only an object that already had them may lack some.
    if (!this.known.has("run")) this.columnsReady = true;
    this.sql.exec(CORE);
    for (const name of ["run", "run_data", "steps", "events"]) this.known.add(name);
  }

  /** Creates an on-demand table before its first write. */
  ensure(table: OnDemandTable): void {
    if (this.known.has(table)) return;
    this.sql.exec(ON_DEMAND[table]);
    this.known.add(table);
  }

  /** Adds the later columns to core tables made before them; checked once per instance. */
  ensureLaterColumns(): void {
    if (this.columnsReady) return;
    for (const { table, column, type } of LATER_COLUMNS) {
      const ddl = String(this.sql.exec("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table).one().sql);
      if (!new RegExp(`\\b${column}\\b`).test(ddl)) this.sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
    this.columnsReady = true;
  }

  /** Reads the schema again: a rolled-back transaction may have undone a table's creation. */
  forget(): void {
    this.names = null;
    this.columnsReady = false;
  }
}
