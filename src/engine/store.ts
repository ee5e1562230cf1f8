import type { VersionDefinition } from "../domain/definition";
import { DeliveryStore } from "./delivery-store";
import { EventKind, type EventName, eventName, type LoggedEvent, type RunStatus, type StepStatus } from "./events";
import type { LimiterRef, Retention, RunError, Trigger } from "./run-types";
import { Tables } from "./store-schema";

/**
 * The run object's SQLite storage. The object keeps the run and its steps in memory and
 * writes every change here before anything depends on it; this module owns the SQL.
 */

export interface RunRecord {
  id: string;
  appId: string;
  workflowId: string;
  version: number;
  status: RunStatus;
  trigger: Trigger;
  surface: string;
  profile: string;
  scheduleId: string | null;
  /** The caller's name for the run, given when it was started; null when none was. */
  processId: string | null;
  parent: { runId: string; stepId: string; appId: string } | null;
  definition: VersionDefinition;
  input: unknown;
  output: unknown;
  error: RunError | null;
  webhookUrl: string | null;
  retention: Retention;
  metadata: Record<string, unknown> | null;
  /** Options of the surface that started the run (step webhooks, body format). */
  options: Record<string, unknown>;
  limiter: LimiterRef | null;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  updatedAt: number;
  retentionDueAt: number | null;
  purgedAt: number | null;
  /** Bumped on every status change; the D1 index only accepts a newer summary. */
  stateSeq: number;
  syncedSeq: number;
  stepsExecuted: number;
  httpCalls: number;
  /** Soft delete: hidden from lists, still readable. */
  deletedAt: number | null;
  /** When the steps' inputs and outputs were dropped (the run stays readable). */
  outputsPurgedAt: number | null;
}

export type WaitInfo =
  | { kind: "sleep"; until: number; from: number }
  | { kind: "event"; names: string[]; until: number | null; schema: object | null }
  | { kind: "child"; runId: string }
  | { kind: "callback"; until: number | null }
  | { kind: "retry"; until: number };

export interface StepRecord {
  id: string;
  index: number;
  status: StepStatus;
  attempts: number;
  input: unknown;
  output: unknown;
  /** The output as stored, kept so it is serialised once. */
  outputJson: string | null;
  error: RunError | null;
  wait: WaitInfo | null;
  startedAt: number | null;
  endedAt: number | null;
  usedFallback: boolean;
  /** The provider's job id (fal request, Replicate prediction, ...) of the latest attempt. */
  taskId: string | null;
  /** The input changed since the step was last written (not stored). */
  inputUnsaved?: boolean;
}

export type TimerKind =
  | "wake"
  | "event_timeout"
  | "callback_timeout"
  | "retry"
  | "retention"
  | "index"
  | "notify_parent"
  | "limiter"
  | "outbox";

export interface OutboxEntry {
  id: string;
  event: string;
  url: string;
  payload: string;
}

export interface Timer {
  id: string;
  kind: TimerKind;
  dueAt: number;
  stepId: string | null;
  data: unknown;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = <T>(text: unknown): T => (typeof text === "string" ? JSON.parse(text) : (null as T));

type Row = Record<string, SqlStorageValue>;

export class RunStore {
  private lastSeq = 0;
  private earliest: number | null | undefined;
  readonly tables: Tables;
  readonly deliveries: DeliveryStore;

  constructor(private readonly sql: SqlStorage) {
    this.tables = new Tables(sql);
    this.deliveries = new DeliveryStore(sql, this.tables);
  }

  /** Whether this object holds a run. Reading does not create the object's storage, so a
   * request for an unknown id leaves nothing behind. */
  exists(): boolean {
    return this.tables.has("run");
  }

  init(): void {
    this.tables.createCore();
  }

  /** A run just created has no timers: none to look up until one is added. */
  startEmpty(): void {
    this.earliest = null;
  }

  /** A transaction was rolled back: what this store remembers (tables, timers, the log's last sequence) may be undone. */
  rolledBack(): void {
    this.tables.forget();
    this.earliest = undefined;
    this.lastSeq = Number(this.sql.exec("SELECT COALESCE(MAX(seq), 0) AS seq FROM events").one().seq);
  }

  loadRun(): RunRecord | null {
    const row = this.sql.exec("SELECT * FROM run JOIN run_data USING (k) WHERE k = 1").toArray()[0] as Row | undefined;
    if (!row) return null;
    this.lastSeq = Number(this.sql.exec("SELECT COALESCE(MAX(seq), 0) AS seq FROM events").one().seq);
    return {
      id: row.id as string,
      appId: row.app_id as string,
      workflowId: row.workflow_id as string,
      version: row.version as number,
      status: row.status as RunStatus,
      trigger: row.trigger as Trigger,
      surface: row.surface as string,
      profile: row.profile as string,
      scheduleId: row.schedule_id as string | null,
      // Runs stored before process ids existed have no such column.
      processId: (row.process_id as string | null | undefined) ?? null,
      parent: parse(row.parent),
      definition: parse(row.definition),
      input: parse(row.input),
      output: parse(row.output),
      error: parse(row.error),
      webhookUrl: row.webhook_url as string | null,
      retention: parse(row.retention),
      metadata: parse(row.metadata),
      options: parse(row.options),
      limiter: parse(row.limiter),
      createdAt: row.created_at as number,
      startedAt: row.started_at as number | null,
      endedAt: row.ended_at as number | null,
      updatedAt: row.updated_at as number,
      retentionDueAt: row.retention_due_at as number | null,
      purgedAt: row.purged_at as number | null,
      stateSeq: row.state_seq as number,
      syncedSeq: row.synced_seq as number,
      // Counters are written with status changes; the attempts stored per step cover the rest.
      stepsExecuted: Math.max(
        row.steps_executed as number,
        Number(this.sql.exec("SELECT COALESCE(SUM(attempts), 0) AS n FROM steps").one().n),
      ),
      httpCalls: row.http_calls as number,
      deletedAt: (row.deleted_at as number | null | undefined) ?? null,
      outputsPurgedAt: (row.outputs_purged_at as number | null | undefined) ?? null,
    };
  }

  /** Writes what can change on a run outside its status: webhook, metadata, soft delete, purged outputs. */
  saveRunAttributes(run: RunRecord): void {
    this.tables.ensureLaterColumns();
    this.sql.exec(
      "UPDATE run SET webhook_url = ?, metadata = ?, deleted_at = ?, outputs_purged_at = ? WHERE k = 1",
      run.webhookUrl,
      json(run.metadata),
      run.deletedAt,
      run.outputsPurgedAt,
    );
  }

  saveTaskId(stepId: string, taskId: string): void {
    this.tables.ensureLaterColumns();
    this.sql.exec("UPDATE steps SET task_id = ? WHERE id = ?", taskId, stepId);
  }

  insertRun(run: RunRecord): void {
    this.sql.exec("INSERT INTO run_data (k, definition, input) VALUES (1, ?, ?)", JSON.stringify(run.definition), json(run.input));
    this.sql.exec(
      `INSERT INTO run (k, id, app_id, workflow_id, version, status, trigger, surface, profile, schedule_id, parent,
        output, error, webhook_url, retention, metadata, options, limiter, created_at, started_at, ended_at, updated_at,
        retention_due_at, purged_at, state_seq, synced_seq, steps_executed, http_calls, process_id)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      run.id,
      run.appId,
      run.workflowId,
      run.version,
      run.status,
      run.trigger,
      run.surface,
      run.profile,
      run.scheduleId,
      json(run.parent),
      json(run.output),
      json(run.error),
      run.webhookUrl,
      JSON.stringify(run.retention),
      json(run.metadata),
      JSON.stringify(run.options),
      json(run.limiter),
      run.createdAt,
      run.startedAt,
      run.endedAt,
      run.updatedAt,
      run.retentionDueAt,
      run.purgedAt,
      run.stateSeq,
      run.syncedSeq,
      run.stepsExecuted,
      run.httpCalls,
      run.processId,
    );
  }

  /** Writes the run's mutable fields (the input and definition never change). */
  saveRun(run: RunRecord): void {
    this.sql.exec(
      `UPDATE run SET status = ?, output = ?, error = ?, retention = ?, started_at = ?, ended_at = ?, updated_at = ?,
        retention_due_at = ?, purged_at = ?, state_seq = ?, synced_seq = ?, steps_executed = ?, http_calls = ? WHERE k = 1`,
      run.status,
      json(run.output),
      json(run.error),
      JSON.stringify(run.retention),
      run.startedAt,
      run.endedAt,
      run.updatedAt,
      run.retentionDueAt,
      run.purgedAt,
      run.stateSeq,
      run.syncedSeq,
      run.stepsExecuted,
      run.httpCalls,
    );
  }

  /**
   * Writes a step: its row is made the first time (pending steps have none) and updated after
   * (the conflict is on the step's key, its position or, in older objects, its id). The input
   * is written only when it changed, so retries do not rewrite a large one.
   */
  saveStep(step: StepRecord, withInput = false): void {
    this.sql.exec(
      `INSERT INTO steps (id, idx, status, attempts, output, error, wait, started_at, ended_at, used_fallback, input)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET status = excluded.status, attempts = excluded.attempts, output = excluded.output,
         error = excluded.error, wait = excluded.wait, started_at = excluded.started_at, ended_at = excluded.ended_at,
         used_fallback = excluded.used_fallback${withInput ? ", input = excluded.input" : ""}`,
      step.id,
      step.index,
      step.status,
      step.attempts,
      step.outputJson,
      json(step.error),
      json(step.wait),
      step.startedAt,
      step.endedAt,
      step.usedFallback ? 1 : 0,
      withInput ? json(step.input) : null,
    );
  }

  /** The stored steps by id: those that have started (or were reused by a replay). */
  loadSteps(): Map<string, StepRecord> {
    const steps = new Map<string, StepRecord>();
    for (const row of this.sql.exec("SELECT * FROM steps")) {
      steps.set(row.id as string, {
        id: row.id as string,
        index: row.idx as number,
        status: row.status as StepStatus,
        attempts: row.attempts as number,
        input: parse(row.input),
        output: parse(row.output),
        outputJson: row.output as string | null,
        error: parse(row.error),
        wait: parse(row.wait),
        startedAt: row.started_at as number | null,
        endedAt: row.ended_at as number | null,
        usedFallback: row.used_fallback === 1,
        taskId: (row.task_id as string | null | undefined) ?? null,
      });
    }
    return steps;
  }

  /** Appends to the log; the sequence is gap-free because only this object writes it. */
  appendEvent(name: EventName, stepId: string | null, dataJson: string | null, at: number): LoggedEvent {
    const seq = ++this.lastSeq;
    this.sql.exec("INSERT INTO events (seq, at, kind, step_id, data) VALUES (?, ?, ?, ?, ?)", seq, at, EventKind[name], stepId, dataJson);
    return { seq, type: name, at, stepId, dataJson };
  }

  events(after: number, limit: number): LoggedEvent[] {
    return this.sql
      .exec("SELECT seq, at, kind, step_id, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?", after, limit)
      .toArray()
      .map((row) => ({
        seq: row.seq as number,
        type: eventName(row.kind as number),
        at: row.at as number,
        stepId: row.step_id as string | null,
        dataJson: row.data as string | null,
      }));
  }

  get sequence(): number {
    return this.lastSeq;
  }

  saveItem(stepId: string, index: number, outputJson: string): void {
    this.tables.ensure("step_items");
    this.sql.exec("INSERT OR REPLACE INTO step_items (step_id, idx, output) VALUES (?, ?, ?)", stepId, index, outputJson);
  }

  loadItems(stepId: string): Map<number, unknown> {
    const items = new Map<number, unknown>();
    if (!this.tables.has("step_items")) return items;
    for (const row of this.sql.exec("SELECT idx, output FROM step_items WHERE step_id = ?", stepId)) {
      items.set(row.idx as number, parse(row.output));
    }
    return items;
  }

  clearItems(stepId: string): void {
    if (this.tables.has("step_items")) this.sql.exec("DELETE FROM step_items WHERE step_id = ?", stepId);
  }

  addTimer(timer: Timer): void {
    this.tables.ensure("timers");
    // Known only when it is the one timer; a replaced timer may have moved later.
    this.earliest = this.earliest === null ? timer.dueAt : undefined;
    this.sql.exec(
      "INSERT OR REPLACE INTO timers (id, kind, due_at, step_id, data) VALUES (?, ?, ?, ?, ?)",
      timer.id,
      timer.kind,
      timer.dueAt,
      timer.stepId,
      json(timer.data),
    );
  }

  deleteTimer(id: string): void {
    // Deleting from no timers leaves none.
    if (this.earliest !== null) this.earliest = undefined;
    if (this.tables.has("timers")) this.sql.exec("DELETE FROM timers WHERE id = ?", id);
  }

  deleteTimersExcept(kinds: TimerKind[]): void {
    if (this.earliest !== null) this.earliest = undefined;
    if (this.tables.has("timers")) this.sql.exec(`DELETE FROM timers WHERE kind NOT IN (${kinds.map(() => "?").join(", ")})`, ...kinds);
  }

  dueTimers(now: number): Timer[] {
    if (!this.tables.has("timers")) return [];
    return this.sql
      .exec("SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at", now)
      .toArray()
      .map((row) => ({
        id: row.id as string,
        kind: row.kind as TimerKind,
        dueAt: row.due_at as number,
        stepId: row.step_id as string | null,
        data: parse(row.data),
      }));
  }

  timers(): Timer[] {
    return this.dueTimers(Number.MAX_SAFE_INTEGER);
  }

  /** The next timer's due time; remembered until a timer is added or removed. */
  earliestTimer(): number | null {
    if (this.earliest === undefined) {
      if (!this.tables.has("timers")) return null;
      const row = this.sql.exec("SELECT MIN(due_at) AS due FROM timers").one();
      this.earliest = (row.due as number | null) ?? null;
    }
    return this.earliest;
  }

  /** Keeps an event for a step that has not reached its wait yet. */
  addInbox(id: string, name: string, payloadJson: string | null, at: number): void {
    this.tables.ensure("inbox");
    this.sql.exec("INSERT INTO inbox (id, name, payload, received_at) VALUES (?, ?, ?, ?)", id, name, payloadJson, at);
  }

  hasInbox(id: string): boolean {
    return this.tables.has("inbox") && this.sql.exec("SELECT 1 FROM inbox WHERE id = ?", id).toArray().length > 0;
  }

  countInbox(name: string): number {
    if (!this.tables.has("inbox")) return 0;
    return Number(this.sql.exec("SELECT COUNT(*) AS n FROM inbox WHERE consumed_by IS NULL AND name = ?", name).one().n);
  }

  /** The oldest unconsumed event with one of these names. */
  takeInbox(names: string[], stepId: string): { name: string; payload: unknown } | null {
    if (!this.tables.has("inbox")) return null;
    const row = this.sql
      .exec(
        `SELECT id, name, payload FROM inbox WHERE consumed_by IS NULL AND name IN (${names.map(() => "?").join(", ")}) ORDER BY received_at LIMIT 1`,
        ...names,
      )
      .toArray()[0];
    if (!row) return null;
    this.sql.exec("UPDATE inbox SET consumed_by = ? WHERE id = ?", stepId, row.id);
    return { name: row.name as string, payload: parse(row.payload) };
  }

  /** Marks an event that went straight to a waiting step, so a repeat of its id is refused. */
  recordConsumed(id: string, name: string, at: number, stepId: string): void {
    this.tables.ensure("inbox");
    this.sql.exec("INSERT INTO inbox (id, name, payload, received_at, consumed_by) VALUES (?, ?, NULL, ?, ?)", id, name, at, stepId);
  }

  /**
   * Drops the steps' inputs and outputs, the run's output and the outputs in the log, keeping
   * the run, its steps' statuses, errors and times readable.
   */
  purgeOutputs(): void {
    this.sql.exec("UPDATE steps SET input = NULL, output = NULL");
    if (this.tables.has("step_items")) this.sql.exec("DELETE FROM step_items");
    this.sql.exec("UPDATE run SET output = NULL");
    this.sql.exec(
      "UPDATE events SET data = json_remove(data, '$.output') WHERE kind = ? AND data IS NOT NULL",
      EventKind["step.completed"],
    );
  }

  /** Webhook bodies that objects made before deliveries were kept here had not yet handed to D1. */
  outbox(): OutboxEntry[] {
    if (!this.tables.has("outbox")) return [];
    return this.sql
      .exec("SELECT id, event, url, payload FROM outbox ORDER BY created_at")
      .toArray()
      .map((row) => ({ id: row.id as string, event: row.event as string, url: row.url as string, payload: row.payload as string }));
  }

  deleteOutbox(id: string): void {
    if (this.tables.has("outbox")) this.sql.exec("DELETE FROM outbox WHERE id = ?", id);
  }

  /** Small named values: flags of the run and test hooks. */
  getValue(name: string): string | null {
    if (!this.tables.has("kv")) return null;
    const row = this.sql.exec("SELECT value FROM kv WHERE name = ?", name).toArray()[0];
    return (row?.value as string | undefined) ?? null;
  }

  setValue(name: string, value: string | null): void {
    if (value === null) {
      if (this.tables.has("kv")) this.sql.exec("DELETE FROM kv WHERE name = ?", name);
      return;
    }
    this.tables.ensure("kv");
    this.sql.exec("INSERT OR REPLACE INTO kv (name, value) VALUES (?, ?)", name, value);
  }
}
