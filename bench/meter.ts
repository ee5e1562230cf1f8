/**
 * Bench-only metering of what Cloudflare bills: Worker requests, Durable Object requests and
 * alarms, SQLite rows and write batches, D1 queries and rows, queue messages. The wrappers are
 * installed only while the meter is on, so the other phases measure Stepline untouched. In
 * `wrangler dev` the worker, its objects and the queue consumer share one isolate, so one set
 * of module-level counters sees all of them.
 */

export interface Counts {
  workerRequests: number;
  queueInvocations: number;
  queueDeliveries: number;
  doRequests: Record<string, number>;
  doAlarms: Record<string, number>;
  objectsCreated: Record<string, number>;
  sqlStatements: number;
  sqlRowsRead: number;
  sqlRowsWritten: number;
  sqlByStatement: Record<string, { statements: number; rowsWritten: number }>;
  alarmWrites: number;
  /** Tasks in which an object wrote: each is one durable commit of that object. */
  commits: number;
  /** Per new run object: commits completed before its first step's row was written. */
  commitsBeforeFirstStep: number[];
  /** Per run object: its SQLite file size at its last write. */
  databaseBytes: Record<string, number>;
  d1Queries: number;
  d1Batches: number;
  d1RowsRead: number;
  d1RowsWritten: number;
  d1ByStatement: Record<string, { queries: number; rowsWritten: number }>;
  /** The database's size after the first and the latest metered query. */
  d1SizeFirst: number | null;
  d1SizeLast: number | null;
  queueMessages: number;
  queueBytes: number;
  /** Rows written (SQLite, alarms, key-value) by object class, and by object with its size now. */
  rowsByClass: Record<string, number>;
  objects: Record<string, { className: string; rows: number; bytes: number }>;
}

const fresh = (): Counts => ({
  workerRequests: 0,
  queueInvocations: 0,
  queueDeliveries: 0,
  doRequests: {},
  doAlarms: {},
  objectsCreated: {},
  sqlStatements: 0,
  sqlRowsRead: 0,
  sqlRowsWritten: 0,
  sqlByStatement: {},
  alarmWrites: 0,
  commits: 0,
  commitsBeforeFirstStep: [],
  databaseBytes: {},
  d1Queries: 0,
  d1Batches: 0,
  d1RowsRead: 0,
  d1RowsWritten: 0,
  d1ByStatement: {},
  d1SizeFirst: null,
  d1SizeLast: null,
  queueMessages: 0,
  queueBytes: 0,
  rowsByClass: {},
  objects: {},
});

export const meter = { on: false, counts: fresh() };

export function resetMeter(on: boolean): void {
  meter.on = on;
  meter.counts = fresh();
  watchGlobals(on);
}

const bump = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};

// ---- D1 ------------------------------------------------------------------------------------

type Meta = { rows_read?: number; rows_written?: number; size_after?: number } | undefined;

/** The first words of a statement, so the report can say which queries a run makes. */
const statementKind = (sql: string) => sql.trim().replace(/\s+/g, " ").split(" ").slice(0, 4).join(" ").replace(/[`"]/g, "");

function countQuery(sql: string, meta: Meta, rowsRead = meta?.rows_read ?? 0): void {
  const name = statementKind(sql);
  meter.counts.d1ByStatement[name] ??= { queries: 0, rowsWritten: 0 };
  const kind = meter.counts.d1ByStatement[name];
  kind.queries += 1;
  kind.rowsWritten += meta?.rows_written ?? 0;
  meter.counts.d1Queries += 1;
  meter.counts.d1RowsRead += rowsRead;
  meter.counts.d1RowsWritten += meta?.rows_written ?? 0;
  if (typeof meta?.size_after === "number") {
    meter.counts.d1SizeFirst ??= meta.size_after;
    meter.counts.d1SizeLast = meta.size_after;
  }
}

const INNER = Symbol("inner");
type Metered = D1PreparedStatement & { [INNER]: D1PreparedStatement; sql: string };
const WRITES = /^\s*(insert|update|delete)/i;

function meteredStatement(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
  const wrapped = {
    [INNER]: statement,
    sql,
    bind: (...values: unknown[]) => meteredStatement(statement.bind(...values), sql),
    async run() {
      const result = await afterIo(statement.run());
      countQuery(sql, result.meta);
      return result;
    },
    async all() {
      const result = await afterIo(statement.all());
      countQuery(sql, result.meta);
      return result;
    },
    // first() and raw() do not report meta: rows returned stand in for rows read, and a
    // write (UPDATE ... RETURNING) goes through all() to learn what it wrote.
    async first(column?: string) {
      const row = await afterIo(column === undefined ? statement.first() : statement.first(column));
      countQuery(sql, undefined, row === null ? 0 : 1);
      return row;
    },
    async raw(options?: { columnNames?: boolean }) {
      if (WRITES.test(sql) && !options?.columnNames) {
        const result = await afterIo(statement.all<Record<string, unknown>>());
        countQuery(sql, result.meta);
        return result.results.map((row) => Object.values(row));
      }
      const rows = await afterIo(statement.raw(options as { columnNames: true }));
      countQuery(sql, undefined, rows.length);
      return rows;
    },
  };
  return wrapped as unknown as D1PreparedStatement;
}

const d1Wrappers = new WeakMap<D1Database, D1Database>();

function meteredD1(db: D1Database): D1Database {
  let wrapped = d1Wrappers.get(db);
  if (wrapped) return wrapped;
  wrapped = {
    prepare: (sql: string) => meteredStatement(db.prepare(sql), sql),
    async batch(statements: D1PreparedStatement[]) {
      meter.counts.d1Batches += 1;
      const results = await afterIo(db.batch(statements.map((s) => (s as Metered)[INNER] ?? s)));
      results.forEach((result, i) => {
        countQuery((statements[i] as Metered).sql ?? "batch", result.meta);
      });
      return results;
    },
    exec: (sql: string) => db.exec(sql),
    dump: () => db.dump(),
    withSession: (constraint?: string) => db.withSession(constraint),
  } as unknown as D1Database;
  d1Wrappers.set(db, wrapped);
  return wrapped;
}

// ---- queues and Durable Object stubs ---------------------------------------------------------

function meteredQueue(queue: Queue): Queue {
  const size = (body: unknown) => JSON.stringify(body ?? null).length;
  return {
    send(body: unknown, options?: QueueSendOptions) {
      meter.counts.queueMessages += 1;
      meter.counts.queueBytes += size(body);
      return afterIo(queue.send(body, options));
    },
    sendBatch(messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) {
      const list = [...messages];
      meter.counts.queueMessages += list.length;
      for (const m of list) meter.counts.queueBytes += size(m.body);
      return afterIo(queue.sendBatch(list, options));
    },
  } as Queue;
}

/** Every method called on a stub is one request to that object. */
function meteredNamespace(namespace: DurableObjectNamespace, name: string): DurableObjectNamespace {
  return new Proxy(namespace, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== "get" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return (id: DurableObjectId, options?: DurableObjectNamespaceGetDurableObjectOptions) => {
        const stub = target.get(id, options);
        return new Proxy(stub, {
          get(stubTarget, method) {
            const member = Reflect.get(stubTarget, method, stubTarget);
            if (typeof member !== "function" || typeof method !== "string" || method === "then") return member;
            return (...args: unknown[]) => {
              bump(meter.counts.doRequests, `${name}.${method}`);
              nextEpoch();
              return afterIo(Reflect.apply(member, stubTarget, args) as Promise<unknown>);
            };
          },
        });
      };
    },
  });
}

const NAMESPACES = ["RUNS", "SCHEDULES", "LIMITERS", "SWEEPER", "RUN_INDEX"] as const;

/** The bindings Stepline sees while the meter is on; itself when it is off. */
export function meteredEnv<E extends Env>(env: E): E {
  if (!meter.on) return env;
  const out: Record<string, unknown> = { ...env, DB: meteredD1(env.DB), WEBHOOKS: meteredQueue(env.WEBHOOKS) };
  for (const name of NAMESPACES) out[name] = meteredNamespace(env[name], name);
  return out as E;
}

// ---- an object's own storage ------------------------------------------------------------------

/**
 * An object's writes made within one task (no I/O in between) commit together once the task
 * ends. Timers cannot mark that end (a busy event loop runs them late), so the meter numbers
 * tasks instead: every I/O completion it can see (D1, stub calls, fetch, timers, queue sends)
 * and every incoming request starts a new epoch, and a write in a new epoch is a new commit.
 */
let epoch = 0;
export const nextEpoch = () => {
  epoch += 1;
};
const afterIo = <T>(promise: Promise<T>): Promise<T> =>
  promise.then(
    (value) => {
      nextEpoch();
      return value;
    },
    (error) => {
      nextEpoch();
      throw error;
    },
  );

const original = { fetch: globalThis.fetch.bind(globalThis), setTimeout: globalThis.setTimeout.bind(globalThis) };

function watchGlobals(on: boolean): void {
  globalThis.fetch = on ? (input, init) => afterIo(original.fetch(input, init)) : original.fetch;
  globalThis.setTimeout = (
    on
      ? (handler: (...args: unknown[]) => void, ms?: number, ...rest: unknown[]) =>
          original.setTimeout(
            (...args: unknown[]) => {
              nextEpoch();
              handler(...args);
            },
            ms,
            ...rest,
          )
      : original.setTimeout
  ) as typeof setTimeout;
}

/** Counts an object's SQLite statements, rows and commits, and its alarm writes. */
function meterStorage(ctx: DurableObjectState, className: string): void {
  const storage = ctx.storage;
  const sql = storage.sql;
  const exec = sql.exec.bind(sql);
  const objectId = ctx.id.toString();
  let commits = 0;
  let lastEpoch = -1;
  let firstStepSeen = false;
  nextEpoch();
  const rowsWritten = (rows: number) => {
    bump(meter.counts.rowsByClass, className, rows);
    meter.counts.objects[objectId] ??= { className, rows: 0, bytes: 0 };
    meter.counts.objects[objectId].rows += rows;
  };
  const sized = () => {
    meter.counts.objects[objectId] ??= { className, rows: 0, bytes: 0 };
    meter.counts.objects[objectId].bytes = sql.databaseSize - harnessBytes;
  };
  const wrote = () => {
    if (lastEpoch === epoch) return;
    lastEpoch = epoch;
    commits += 1;
    meter.counts.commits += 1;
  };
  bump(meter.counts.objectsCreated, className);
  let harnessBytes = 0;
  // A cursor counts the rows of its last statement only, so a script runs one statement at a time.
  const execOne = (query: string, ...bindings: unknown[]) => {
    const cursor = exec(query, ...bindings);
    if (query.includes("__miniflare")) return cursor;
    const name = statementKind(query.replace(/--[^\n]*/g, ""));
    meter.counts.sqlByStatement[name] ??= { statements: 0, rowsWritten: 0 };
    meter.counts.sqlByStatement[name].statements += 1;
    meter.counts.sqlByStatement[name].rowsWritten += cursor.rowsWritten;
    return cursor;
  };
  const run = (query: string, bindings: unknown[]) => {
    const script = bindings.length === 0 ? query.replace(/--[^\n]*/g, "") : "";
    const statements = script ? script.split(";").filter((q) => q.trim()) : [query];
    if (statements.length < 2) return execOne(query, ...bindings);
    let cursor = execOne(statements[0]);
    let written = cursor.rowsWritten;
    let read = cursor.rowsRead;
    for (const statement of statements.slice(1)) {
      cursor = execOne(statement);
      written += cursor.rowsWritten;
      read += cursor.rowsRead;
    }
    meter.counts.sqlStatements += statements.length - 1;
    meter.counts.sqlRowsWritten += written - cursor.rowsWritten;
    meter.counts.sqlRowsRead += read - cursor.rowsRead;
    return cursor;
  };
  sql.exec = ((query: string, ...bindings: unknown[]) => {
    const cursor = run(query, bindings);
    // wrangler's local wrapper records each object's name in a table of its own: not Stepline's.
    if (query.includes("__miniflare")) {
      harnessBytes = 4096;
      return cursor;
    }
    meter.counts.sqlStatements += 1;
    meter.counts.sqlRowsRead += cursor.rowsRead;
    meter.counts.sqlRowsWritten += cursor.rowsWritten;
    if (cursor.rowsWritten > 0 || /^\s*CREATE/i.test(query)) {
      rowsWritten(cursor.rowsWritten);
      sized();
      wrote();
      // A step's first write with a status other than pending (a step's insert binds it third).
      const status = /^\s*UPDATE steps/i.test(query) ? bindings[0] : /^\s*INSERT INTO steps/i.test(query) ? bindings[2] : undefined;
      if (!firstStepSeen && className === "RunObject" && status !== undefined && status !== "pending") {
        firstStepSeen = true;
        meter.counts.commitsBeforeFirstStep.push(commits - 1);
      }
      // A run's own storage; an index shard's is shared by many runs (the scale phase reports it).
      if (className === "RunObject") meter.counts.databaseBytes[objectId] = sql.databaseSize - harnessBytes;
    }
    return cursor;
  }) as typeof sql.exec;
  const setAlarm = storage.setAlarm.bind(storage);
  const deleteAlarm = storage.deleteAlarm.bind(storage);
  const getAlarm = storage.getAlarm.bind(storage);
  storage.setAlarm = (at, options) => {
    meter.counts.alarmWrites += 1;
    rowsWritten(1);
    wrote();
    return setAlarm(at, options);
  };
  storage.deleteAlarm = (options) => {
    meter.counts.alarmWrites += 1;
    rowsWritten(1);
    wrote();
    return deleteAlarm(options);
  };
  storage.getAlarm = (options) => afterIo(getAlarm(options));
  // Deleting rows is billed as writing them: deleteAll counts every row it removes.
  const deleteAll = storage.deleteAll.bind(storage);
  storage.deleteAll = (options) => {
    let rows = 0;
    const tables = exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'");
    for (const { name } of tables.toArray()) {
      if (String(name).includes("__miniflare")) continue;
      rows += Number(exec(`SELECT COUNT(*) AS n FROM "${name}"`).one().n);
    }
    meter.counts.sqlRowsWritten += rows;
    meter.counts.sqlByStatement.deleteAll ??= { statements: 0, rowsWritten: 0 };
    meter.counts.sqlByStatement.deleteAll.statements += 1;
    meter.counts.sqlByStatement.deleteAll.rowsWritten += rows;
    rowsWritten(rows);
    wrote();
    return deleteAll(options).then((result) => {
      sized();
      return result;
    });
  };
  // A key-value write is a row written per key.
  const put = storage.put.bind(storage) as (...args: unknown[]) => Promise<void>;
  storage.put = ((key: unknown, value?: unknown) => {
    const rows = typeof key === "string" ? 1 : Object.keys(key as object).length;
    meter.counts.sqlRowsWritten += rows;
    rowsWritten(rows);
    wrote();
    return put(key, value);
  }) as typeof storage.put;
}

type ObjectClass = new (ctx: DurableObjectState, env: Env) => { alarm?(...args: unknown[]): unknown };

/**
 * A Durable Object class whose instances created while the meter is on are metered. Objects that
 * outlive a phase (`always`: the runs index shards, made by the first run of an app and month)
 * meter their storage from their start; what they count while the meter is off is discarded.
 */
export function metered<C extends ObjectClass>(Base: C, className: string, always = false): C {
  const Wrapped = class extends (Base as ObjectClass) {
    constructor(ctx: DurableObjectState, env: Env) {
      const on = meter.on;
      if (on || always) meterStorage(ctx, className);
      super(ctx, on ? meteredEnv(env) : env);
    }
  };
  if (typeof Base.prototype.alarm === "function") {
    Object.defineProperty(Wrapped.prototype, "alarm", {
      value(this: { alarm?: unknown }, ...args: unknown[]) {
        nextEpoch();
        if (meter.on) bump(meter.counts.doAlarms, className);
        return (Base.prototype.alarm as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  }
  Object.defineProperty(Wrapped, "name", { value: className });
  return Wrapped as unknown as C;
}
