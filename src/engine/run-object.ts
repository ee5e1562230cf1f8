import { DurableObject } from "cloudflare:workers";
import { err, ok, type Result } from "../domain/errors";
import { Limits } from "../domain/limits";
import type { DeliveryDetail, DeliveryView } from "../webhooks/delivery-view";
import { RunDeliveries } from "./deliveries";
import { EventPath } from "./event-path";
import { isEnded, type RunEvent, type RunStatus, toRunEvent } from "./events";
import { IndexSync } from "./index-sync";
import { Masker, NO_SECRETS } from "./masking";
import { nativeWebhook } from "./native-webhook";
import type { RunPort } from "./port";
import { type ControlHost, RunControl } from "./run-control";
import { type EngineHost, RunEngine, WATCHDOG_MS } from "./run-engine";
import { createRunRecord, restoreSteps } from "./run-factory";
import { patchRun, purgeOutputs } from "./run-patch";
import { runPort } from "./run-port";
import type { ChildResult, CreateRunParams, EventInput, RetentionPatch, RunDiagnosis, RunPatch } from "./run-types";
import { type RunView, runView } from "./run-view";
import { type RunRecord, RunStore, type StepRecord } from "./store";
import { EventStreams } from "./streams";
import type { WebhookFormat } from "./webhook-format";

/**
 * One Durable Object per run (named by run id): the authoritative state of the run in its own
 * SQLite storage, and the sequencer of its steps. Requests on one run are serialised here.
 * Methods answer with a Result because RPC drops an error's class and fields.
 */
const ALARM_FAILURES = "alarm_failures";
const ALARM_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

const purgedMessage = (run: RunRecord) => `run ${run.id} was purged at ${new Date(run.purgedAt as number).toISOString()}`;

/**
 * The run's object; the composition root (src/compose.ts) makes it concrete with the webhook
 * formats of the dialects, which the engine does not know.
 */
export abstract class RunObject extends DurableObject<Env> implements EngineHost, ControlHost {
  store: RunStore;
  readonly bindings: Env;
  /** Replaced only by the test worker's object, which can take the queue down. */
  port: RunPort;
  /** The run's webhook format, loaded with the run (its surface never changes). */
  private webhookFormat: WebhookFormat = nativeWebhook;
  protected engine: RunEngine | null = null;
  private control: RunControl | null = null;
  private alarmAt: number | null = null;
  private readonly streams = new EventStreams();
  private readonly index: IndexSync;
  private readonly webhooks: RunDeliveries;
  readonly eventPath: EventPath;
  private varsCache: Promise<Record<string, string>> | null = null;
  private secretMasker: Masker = NO_SECRETS;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.bindings = env;
    this.port = runPort(env, () => this.webhookFormat);
    this.store = new RunStore(ctx.storage.sql);
    this.index = new IndexSync(this);
    this.webhooks = new RunDeliveries(this);
    this.eventPath = new EventPath(
      () => this.store,
      (fn) => ctx.storage.transactionSync(fn),
      this.streams,
      this.webhooks,
    );
    // A new object has nothing to restore (and no alarm), so its first request runs at once.
    if (!this.store.exists()) return;
    void ctx.blockConcurrencyWhile(async () => {
      this.alarmAt = await ctx.storage.getAlarm();
      this.store.init();
      const run = this.store.loadRun();
      if (!run) return;
      await this.loadWebhookFormat(run.surface);
      this.attach(run, restoreSteps(run, this.store.loadSteps()));
      this.resumeAfterRestart();
    });
  }

  /** The webhook format of a surface: a dialect's, or null for the native API. */
  protected abstract dialectWebhook(surface: string): Promise<WebhookFormat | null>;

  private async loadWebhookFormat(surface: string): Promise<void> {
    this.webhookFormat = (await this.dialectWebhook(surface)) ?? nativeWebhook;
  }

  private attach(run: RunRecord, steps: StepRecord[]): { engine: RunEngine; control: RunControl } {
    const engine = new RunEngine(run, steps, this);
    const control = new RunControl(engine, this);
    this.engine = engine;
    this.control = control;
    return { engine, control };
  }

  /** A fresh instance has nothing in flight: recover interrupted steps and re-arm the alarm. */
  private resumeAfterRestart(): void {
    const engine = this.engine as RunEngine;
    const run = engine.run;
    if (run.purgedAt === null && !isEnded(run.status)) {
      const children = engine.recover();
      for (const step of children) void this.control?.ensureChild(step);
    }
    if (run.syncedSeq < run.stateSeq) this.index.request();
    void this.webhooks.adoptOutbox();
    this.rearm();
    if (run.status === "running") engine.schedule();
  }

  // ---- EngineHost ---------------------------------------------------------------------

  transaction<T>(fn: () => T): T {
    return this.eventPath.transaction(fn);
  }

  statusChanged(): void {
    this.index.request();
  }

  /** Resolves once the writes made so far are durable (after the current task has ended). */
  committed(): Promise<void> {
    return this.ctx.storage.sync();
  }

  requestIndexSync(): void {
    this.index.request();
  }

  flushOutbox(): void {
    void this.webhooks.adoptOutbox();
  }

  currentRun(): RunRecord | null {
    return this.engine?.run ?? null;
  }

  /**
   * The single alarm is multiplexed over the timers table: it is set to the earliest due
   * timer (or webhook delivery to look at), and while the run is running never further away
   * than the watchdog, so a crash mid-step is noticed even when no timer is pending.
   */
  rearm(): void {
    const now = Date.now();
    let due = this.engine ? this.webhooks.alarmAt(this.store.earliestTimer()) : null;
    const retention = this.control?.retentionDue(Number.POSITIVE_INFINITY) ? (this.engine?.run.retentionDueAt ?? null) : null;
    if (retention !== null && (due === null || retention < due)) due = retention;
    const status = this.engine?.run.status;
    if (status === "running" && (due === null || due > now + WATCHDOG_MS)) {
      const current = this.alarmAt;
      due = current !== null && current > now && current <= now + WATCHDOG_MS ? current : now + WATCHDOG_MS;
    }
    if (due === this.alarmAt) return;
    this.alarmAt = due;
    if (due === null) void this.ctx.storage.deleteAlarm();
    else void this.ctx.storage.setAlarm(due);
  }

  ended(): void {
    this.streams.closeAll();
    this.control?.onEnded();
  }

  /**
   * The end of a purged run, once its tombstone is in the runs index: the object's whole storage
   * goes, alarm included, so nothing of the run is left here. The object then holds no run, and
   * the tombstone answers for it.
   */
  async dropStorage(): Promise<void> {
    this.streams.closeAll();
    this.engine = null;
    this.control = null;
    this.alarmAt = null;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.store = new RunStore(this.ctx.storage.sql);
    this.varsCache = null;
  }

  /** The profile's variables, loaded once per instance; never stored by the run. */
  vars(): Promise<Record<string, string>> {
    const run = this.engine?.run as RunRecord;
    this.varsCache ??= this.port.loadVars(run.appId, run.profile).then(
      ({ vars, secrets }) => {
        this.secretMasker = new Masker(secrets);
        return vars;
      },
      (error) => {
        this.varsCache = null;
        throw error;
      },
    );
    return this.varsCache;
  }

  masker(): Masker {
    return this.secretMasker;
  }

  // ---- RPC ------------------------------------------------------------------------------

  private owned(appId: string): Result<RunEngine> {
    const engine = this.engine;
    if (!engine || engine.run.appId !== appId) return err("RUN_NOT_FOUND", "run was not found");
    if (engine.run.purgedAt !== null) return err("RUN_PURGED", purgedMessage(engine.run));
    return ok(engine);
  }

  private view(engine: RunEngine): RunView {
    return runView(engine.run, engine.steps);
  }

  /** Creates the run (idempotent by id: a second call answers with the run as it is). */
  async create(params: CreateRunParams): Promise<Result<RunView>> {
    // Before the check below: nothing may come between it and the write.
    if (!this.engine) await this.loadWebhookFormat(params.surface);
    if (this.engine) {
      if (this.engine.run.appId !== params.appId) return err("CONFLICT", "run id already in use");
      return ok(this.view(this.engine));
    }
    const { run, steps } = createRunRecord(params);
    this.store.init();
    this.store.startEmpty();
    const { engine, control } = this.transaction(() => {
      this.store.insertRun(run);
      for (const step of steps) if (step.status === "completed") this.store.saveStep(step);
      const attached = this.attach(run, steps);
      attached.engine.emit("run.created", null, { trigger: run.trigger, version: run.version }, run.createdAt);
      for (const step of steps) {
        if (step.status === "completed")
          attached.engine.emit("step.completed", step.id, { reused_from: params.reuse?.runId, output: step.output });
      }
      return attached;
    });
    if (params.start) await control.requestStart();
    this.index.request();
    await this.index.flush();
    return ok(this.view(engine));
  }

  async get(appId: string): Promise<Result<RunView>> {
    const owned = this.owned(appId);
    return owned.ok ? ok(this.view(owned.value)) : owned;
  }

  async events(appId: string, after: number, limit: number): Promise<Result<{ data: RunEvent[]; next_after: number | null }>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    const data = this.store.events(after, Math.min(limit, Limits.eventsPerPage) + 1);
    const more = data.length > limit;
    const page = data.slice(0, limit).map(toRunEvent);
    return ok({ data: page, next_after: more ? page[page.length - 1].seq : null });
  }

  async stream(appId: string, after: number): Promise<Result<ReadableStream<Uint8Array>>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    return ok(this.streams.open(this.store, after, isEnded(owned.value.run.status)));
  }

  async start(appId: string): Promise<Result<RunView>> {
    return this.act(appId, (control) => control.startRequested());
  }

  async cancel(appId: string, reason?: string): Promise<Result<RunView>> {
    return this.act(appId, (control) => control.cancel(reason));
  }

  async pause(appId: string): Promise<Result<RunView>> {
    return this.act(appId, (control) => control.pause());
  }

  async resume(appId: string): Promise<Result<RunView>> {
    return this.act(appId, (control) => control.resume());
  }

  async sendEvent(
    appId: string,
    event: EventInput,
  ): Promise<Result<{ status: "applied" | "buffered"; step_id: string | null; event_id: string }>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    await this.ready();
    return (this.control as RunControl).sendEvent(event);
  }

  async setRetention(appId: string, patch: RetentionPatch): Promise<Result<RunView>> {
    return this.act(appId, (control) => control.setRetention(patch));
  }

  async purge(appId: string): Promise<Result<{ id: string; purged_at: string }>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    const result = (this.control as RunControl).purgeNow();
    // The answer waits for the copies in D1 too (a failed write is retried from the alarm).
    await this.index.flush();
    return result;
  }

  /** Answers once the index has the change, so a list right after it agrees. */
  async update(appId: string, patch: RunPatch): Promise<Result<RunView>> {
    const result = await this.act(appId, () => patchRun(this.engine as RunEngine, this, patch));
    await this.index.flush();
    return result;
  }

  async purgeOutputs(appId: string): Promise<Result<{ id: string; outputs_purged_at: string; steps: string[] }>> {
    const owned = this.owned(appId);
    return owned.ok ? purgeOutputs(owned.value, this) : owned;
  }

  /** What a replay needs from this run. */
  async snapshot(appId: string): Promise<Result<{ run: RunRecord; outputs: Record<string, unknown> }>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    const outputs: Record<string, unknown> = {};
    for (const step of owned.value.steps) if (step.status === "completed") outputs[step.id] = step.output;
    return ok({ run: owned.value.run, outputs });
  }

  private async act(appId: string, action: (control: RunControl) => Promise<Result<unknown>> | Result<unknown>): Promise<Result<RunView>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    const result = await action(this.control as RunControl);
    return result.ok ? ok(this.view(owned.value)) : result;
  }

  // ---- calls between objects ------------------------------------------------------------

  /** A child run ended (the child retries this call until it lands; repeats are ignored). */
  async childEnded(stepId: string, childRunId: string, result: ChildResult): Promise<Result<null>> {
    await this.ready();
    this.control?.childEnded(stepId, childRunId, result);
    return ok(null);
  }

  /** POST /v1/callbacks/{token}, after the token's signature and expiry were checked. */
  async callback(
    stepId: string,
    attempt: number,
    nonce: string,
    payload: unknown,
  ): Promise<Result<{ run_id: string; step_id: string; status: "accepted" }>> {
    if (!this.engine || !this.control) return err("NOT_FOUND", "This callback URL is not known");
    if (this.engine.run.purgedAt !== null) return err("RUN_PURGED", purgedMessage(this.engine.run));
    await this.ready();
    return this.control.receiveCallback(stepId, attempt, nonce, payload);
  }

  /** The limiter gave this run a slot. */
  async slotGranted(): Promise<Result<null>> {
    await this.control?.slotGranted();
    return ok(null);
  }

  async status(): Promise<RunStatus | null> {
    return this.engine?.run.status ?? null;
  }

  /** A parent was cancelled: cancel this child without an app check. */
  async cancelAsChild(): Promise<Result<null>> {
    if (this.engine && !isEnded(this.engine.run.status)) await this.control?.cancel();
    return ok(null);
  }

  // ---- webhook deliveries (engine/deliveries.ts) ---------------------------------------

  /** The queue brought message `mid` of delivery `seq`: ms until it should come back, or null to ack it. */
  async deliverWebhook(seq: number, mid: number): Promise<number | null> {
    return this.webhooks.attempt(seq, mid);
  }

  async webhookDeadLettered(seq: number, mid: number): Promise<void> {
    this.webhooks.deadLettered(seq, mid);
  }

  /** Readable once the run is purged too (without bodies); `limit` 0 only checks that the run is the app's. */
  async listDeliveries(appId: string, before: number | null, limit: number): Promise<Result<DeliveryView[]>> {
    return this.webhooks.list(appId, before, limit);
  }

  async getDelivery(appId: string, seq: number): Promise<Result<DeliveryDetail>> {
    return this.webhooks.detail(appId, seq);
  }

  async redeliverWebhook(appId: string, seq: number): Promise<Result<DeliveryDetail>> {
    return this.webhooks.redeliver(appId, seq);
  }

  // ---- alarm ----------------------------------------------------------------------------

  /** Loads the profile's variables before work that may store values, so secrets are masked. */
  private async ready(): Promise<void> {
    if (this.engine && this.engine.run.purgedAt === null && !isEnded(this.engine.run.status)) {
      await this.vars().catch((error) => console.error(`run ${this.engine?.run.id}: loading variables failed`, error));
    }
  }

  async alarm(): Promise<void> {
    this.alarmAt = null;
    if (!this.engine || !this.control) return;
    try {
      await this.onAlarm(this.control);
      if (this.store.getValue(ALARM_FAILURES)) this.store.setValue(ALARM_FAILURES, null);
    } catch (error) {
      // The runtime gives up on an alarm that keeps failing after a few retries, so the
      // object re-arms itself with back-off instead: the error is logged and retried, and
      // the run is never left without an alarm.
      const failures = Number(this.store.getValue(ALARM_FAILURES) ?? 0) + 1;
      this.store.setValue(ALARM_FAILURES, String(failures));
      console.error(`run ${this.engine.run.id}: alarm failed (${failures} in a row); retrying`, error);
      this.alarmAt = Date.now() + ALARM_RETRY_MS[Math.min(failures, ALARM_RETRY_MS.length) - 1];
      await this.ctx.storage.setAlarm(this.alarmAt);
      return;
    }
    this.rearm();
  }

  /** The alarm's work: due timers, then webhook deliveries overdue. */
  protected async onAlarm(control: RunControl): Promise<void> {
    await this.ready();
    await control.onAlarm(Date.now());
    await this.webhooks.sweep(Date.now());
  }

  /** Why the run would be stuck, or null: every unfinished run needs an alarm or an open-ended wait. */
  async diagnose(): Promise<RunDiagnosis | null> {
    const engine = this.engine;
    if (!engine) return null;
    const run = engine.run;
    const alarmAt = await this.ctx.storage.getAlarm();
    const waiting = engine.steps
      .filter((s) => s.status === "waiting")
      .map((s) => ({ step_id: s.id, kind: s.wait?.kind ?? null, until: s.wait && "until" in s.wait ? s.wait.until : null }));
    const openEnded =
      waiting.length > 0 && waiting.every((w) => (w.kind === "event" || w.kind === "callback" || w.kind === "child") && w.until === null);
    let stuck: string | null = null;
    if (run.purgedAt === null && !isEnded(run.status) && run.status !== "paused" && alarmAt === null && !openEnded) {
      const idleQueued = run.status === "queued" && !this.store.getValue("start_requested");
      if (!idleQueued) stuck = `status ${run.status} with no alarm and nothing to wait for`;
    }
    return {
      id: run.id,
      status: run.status,
      alarm_at: alarmAt === null ? null : new Date(alarmAt).toISOString(),
      timers: this.store.timers().map((t) => ({ kind: t.kind, step_id: t.stepId, due_at: new Date(t.dueAt).toISOString() })),
      waiting,
      in_flight: [...engine.inflight.keys()],
      alarm_failures: Number(this.store.getValue(ALARM_FAILURES) ?? 0),
      stuck,
    };
  }
}
