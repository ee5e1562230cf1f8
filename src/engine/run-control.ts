import { err, ok, type Result } from "../domain/errors";
import { validateAgainst } from "../domain/json-schema";
import { newId } from "../lib/ids";
import { isEnded } from "./events";
import type { RunPort } from "./port";
import type { RunEngine } from "./run-engine";
import type { ChildResult, EventInput, RetentionPatch } from "./run-types";
import { StepError } from "./steps/types";
import { eventNames } from "./steps/wait-for-event";
import type { RunStore, StepRecord, Timer } from "./store";

const RETRY_MS = 5_000;
/** A queued run asks its limiter again this often, in case a grant was lost. */
const LIMITER_RECHECK_MS = 30_000;
const START_REQUESTED = "start_requested";

export interface ControlHost {
  readonly port: RunPort;
  readonly store: RunStore;
  transaction<T>(fn: () => T): T;
  rearm(): void;
  requestIndexSync(): void;
  flushOutbox(): void;
}

/**
 * What can happen to a run from outside its steps: start, cancel, pause, resume, events,
 * retention, purge, child and limiter notifications, and the alarm's timers.
 */
export class RunControl {
  constructor(
    private readonly engine: RunEngine,
    private readonly host: ControlHost,
  ) {}

  private get run() {
    return this.engine.run;
  }

  private get store() {
    return this.host.store;
  }

  private addTimer(timer: Omit<Timer, "stepId" | "data"> & Partial<Timer>): void {
    this.store.addTimer({ stepId: null, data: null, ...timer });
    this.host.rearm();
  }

  // ---- starting -----------------------------------------------------------------------

  /** POST /start for a run created with `start: false`. */
  async startRequested(): Promise<Result<null>> {
    if (this.run.status !== "queued" || this.store.getValue(START_REQUESTED)) {
      return err("RUN_ALREADY_STARTED", `run ${this.run.id} has already been started (status ${this.run.status})`);
    }
    await this.requestStart();
    return ok(null);
  }

  /** Starts the run, or queues it behind its workflow's concurrency or rate limit. */
  async requestStart(): Promise<void> {
    if (!this.run.limiter) return this.beginRunning();
    // Only a run that waits for its limiter stays queued after a start request.
    this.store.setValue(START_REQUESTED, "1");
    let granted = false;
    try {
      granted = (await this.host.port.acquireSlot(this.run.limiter, this.run.id)) === "granted";
    } catch (error) {
      console.error(`run ${this.run.id}: the limiter could not be reached`, error);
    }
    if (this.run.status !== "queued") return;
    if (granted) return this.beginRunning();
    this.addTimer({ id: "limiter", kind: "limiter", dueAt: Date.now() + LIMITER_RECHECK_MS });
  }

  async slotGranted(): Promise<void> {
    if (this.run.status === "queued" && this.store.getValue(START_REQUESTED)) this.beginRunning();
  }

  private beginRunning(): void {
    if (this.run.status !== "queued") return;
    if (this.run.limiter) this.store.deleteTimer("limiter");
    const first = this.run.startedAt === null;
    this.engine.setStatus("running", first ? undefined : { from: "queued" }, first ? "run.started" : "run.resumed");
    this.host.rearm();
    this.engine.schedule();
  }

  // ---- control ------------------------------------------------------------------------

  /** A reason becomes the run's error (code RUN_CANCELLED) and the data of its run.cancelled event. */
  async cancel(reason?: string): Promise<Result<null>> {
    if (isEnded(this.run.status)) return err("RUN_ALREADY_FINISHED", `run ${this.run.id} has already ${this.run.status}`);
    const children = this.engine.steps.filter((s) => s.status === "waiting" && s.wait?.kind === "child");
    this.engine.halt(new StepError("RUN_CANCELLED", reason ?? "the run was cancelled", false));
    this.engine.finish("cancelled", null, reason ? { code: "RUN_CANCELLED", message: reason, step_id: null } : null);
    await Promise.all(
      children.map((step) =>
        this.host.port.cancelChild((step.wait as { runId: string }).runId).catch((error) => {
          console.error(`run ${this.run.id}: cancelling child of ${step.id} failed`, error);
        }),
      ),
    );
    return ok(null);
  }

  pause(): Result<null> {
    if (this.run.status !== "running" && this.run.status !== "waiting") {
      return err("RUN_NOT_RUNNING", `run ${this.run.id} is ${this.run.status}; only running or waiting runs can be paused`);
    }
    this.engine.setStatus("paused");
    this.host.rearm();
    return ok(null);
  }

  async resume(): Promise<Result<null>> {
    if (this.run.status === "paused") {
      this.engine.setStatus("running", { from: "paused" }, "run.resumed");
      this.engine.wake();
      return ok(null);
    }
    if (this.run.status !== "failed") {
      return err("RUN_NOT_PAUSED", `run ${this.run.id} is ${this.run.status}; only paused or failed runs can be resumed`);
    }
    if (this.run.outputsPurgedAt !== null) {
      return err("RUN_OUTPUTS_PURGED", `run ${this.run.id} had its step outputs purged, so its failed steps cannot run again`);
    }
    this.host.transaction(() => {
      for (const step of this.engine.steps) {
        if (step.status !== "failed" && step.status !== "cancelled") continue;
        step.status = "pending";
        step.attempts = 0;
        step.error = null;
        step.wait = null;
        step.usedFallback = false;
        step.startedAt = null;
        step.endedAt = null;
        this.engine.saveStep(step);
      }
      this.run.error = null;
      this.run.output = null;
      this.run.endedAt = null;
      this.run.retentionDueAt = null;
      this.store.deleteTimer("retention");
      this.store.deleteTimer("notify_parent");
      this.engine.setStatus(this.run.limiter ? "queued" : "running", { from: "failed" }, "run.resumed");
    });
    if (this.run.limiter) await this.requestStart();
    else {
      this.host.rearm();
      this.engine.schedule();
    }
    return ok(null);
  }

  // ---- events -------------------------------------------------------------------------

  /**
   * Delivers an event to the step waiting for it, or keeps it for a step that has not
   * reached its wait yet. Anything else is a 409: nothing is applied twice.
   */
  sendEvent(event: EventInput): Result<{ status: "applied" | "buffered"; step_id: string | null; event_id: string }> {
    // A repeated id is a duplicate even after the run ended: its sender learns it was applied.
    if (event.id !== undefined && this.store.hasInbox(event.id)) {
      return err("DUPLICATE_EVENT", `event ${event.id} was already received by run ${this.run.id}`);
    }
    if (isEnded(this.run.status)) return err("RUN_ALREADY_FINISHED", `run ${this.run.id} has already ${this.run.status}`);
    const id = event.id ?? newId();
    const now = Date.now();
    const waiting = this.engine.steps.find((s) => s.status === "waiting" && s.wait?.kind === "event" && s.wait.names.includes(event.name));
    if (waiting) {
      const schema = waiting.wait?.kind === "event" ? waiting.wait.schema : null;
      const invalid = this.schemaError(schema, event.payload, waiting.id);
      if (invalid) return invalid;
      this.host.transaction(() => {
        this.store.recordConsumed(id, event.name, now, waiting.id);
        this.engine.emit("event.received", waiting.id, { id, name: event.name }, now);
        this.engine.completeStep(waiting, { name: event.name, payload: event.payload ?? null });
      });
      this.engine.wake();
      return ok({ status: "applied", step_id: waiting.id, event_id: id });
    }
    const later = this.engine.steps.filter(
      (s) =>
        (s.status === "pending" || s.status === "running") &&
        this.engine.def(s).type === "wait_for_event" &&
        eventNames(this.engine.def(s).config).includes(event.name),
    );
    const kept = this.store.countInbox(event.name);
    if (later.length <= kept) {
      return err("NO_WAITING_STEP", `no step of run ${this.run.id} is waiting or will wait for event "${event.name}"`);
    }
    const schema = this.engine.def(later[0]).config?.schema as object | undefined;
    const invalid = this.schemaError(schema ?? null, event.payload, later[0].id);
    if (invalid) return invalid;
    this.host.transaction(() => {
      this.store.addInbox(id, event.name, JSON.stringify(event.payload ?? null), now);
      this.engine.emit("event.received", null, { id, name: event.name, kept_for: later[0].id }, now);
    });
    return ok({ status: "buffered", step_id: null, event_id: id });
  }

  private schemaError(schema: object | null, payload: unknown, stepId: string): Result<never> | null {
    if (!schema) return null;
    const problems = validateAgainst(schema, payload ?? null, "payload");
    return problems.length > 0 ? err("VALIDATION_FAILED", `the event payload does not match the schema of step ${stepId}`, problems) : null;
  }

  // ---- callbacks ------------------------------------------------------------------------

  /** A service called a step's one-time callback URL: its body becomes the step's output. */
  receiveCallback(
    stepId: string,
    attempt: number,
    nonce: string,
    payload: unknown,
  ): Result<{ run_id: string; step_id: string; status: "accepted" }> {
    const tokenId = `callback:${nonce}`;
    if (this.store.hasInbox(tokenId)) return err("CALLBACK_ALREADY_USED", "This callback URL has already been used");
    const step = this.engine.byId.get(stepId);
    if (!step) return err("NOT_FOUND", "This callback URL is not known");
    if (step.status !== "waiting" || step.wait?.kind !== "callback" || step.attempts !== attempt) {
      return err("CALLBACK_ALREADY_USED", `step ${stepId} is no longer waiting for this callback`);
    }
    const now = Date.now();
    this.host.transaction(() => {
      this.store.recordConsumed(tokenId, "callback", now, stepId);
      this.engine.emit("callback.received", stepId, { attempt }, now);
      this.engine.callbackReceived(step, payload);
    });
    this.engine.wake();
    return ok({ run_id: this.run.id, step_id: stepId, status: "accepted" });
  }

  // ---- children -----------------------------------------------------------------------

  childEnded(stepId: string, childRunId: string, result: ChildResult): void {
    const step = this.engine.byId.get(stepId);
    if (step?.status !== "waiting" || step.wait?.kind !== "child" || step.wait.runId !== childRunId) return;
    if (result.status === "completed") this.engine.completeStep(step, result.output);
    else {
      const message = result.error
        ? `child run ${childRunId} ${result.status}: ${result.error.message}`
        : `child run ${childRunId} ${result.status}`;
      this.engine.failAttempt(
        step,
        new StepError(result.status === "failed" ? "CHILD_FAILED" : "CHILD_CANCELLED", message, false, { run_id: childRunId }),
      );
    }
    this.engine.wake();
  }

  /** After a restart: the child may not exist yet; creating it again is harmless. */
  async ensureChild(step: StepRecord): Promise<void> {
    if (step.wait?.kind !== "child") return;
    // Same id as before, so the child is made at most once.
    const config = (step.input ?? {}) as { workflow_id: string; version?: number | string; input?: unknown };
    try {
      await this.host.port.startChild(this.run, step, step.wait.runId, {
        kind: "child",
        workflowId: config.workflow_id,
        version: config.version === undefined ? null : Number(config.version),
        input: config.input ?? {},
      });
    } catch (error) {
      console.error(`run ${this.run.id}: re-creating the child of ${step.id} failed`, error);
    }
  }

  // ---- the end of a run ---------------------------------------------------------------

  /** Tells the parent and the limiter; each retries from the alarm until it lands. */
  onEnded(): void {
    if (this.run.parent) void this.notifyParent();
    if (this.run.limiter) void this.releaseSlot();
  }

  private async notifyParent(): Promise<void> {
    try {
      await this.host.port.notifyParent(this.run);
      this.store.deleteTimer("notify_parent");
    } catch (error) {
      console.error(`run ${this.run.id}: telling the parent run failed; retrying`, error);
      this.addTimer({ id: "notify_parent", kind: "notify_parent", dueAt: Date.now() + RETRY_MS });
    }
  }

  private async releaseSlot(): Promise<void> {
    try {
      await this.host.port.releaseSlot(this.run.limiter as NonNullable<typeof this.run.limiter>, this.run.id);
      this.store.deleteTimer("limiter");
    } catch (error) {
      console.error(`run ${this.run.id}: releasing the limiter slot failed; retrying`, error);
      this.addTimer({ id: "limiter", kind: "limiter", dueAt: Date.now() + RETRY_MS });
    }
  }

  // ---- retention ------------------------------------------------------------------------

  setRetention(patch: RetentionPatch): Result<null> {
    const retention = {
      maxAgeSeconds: patch.max_age_seconds ?? this.run.retention.maxAgeSeconds,
      preserveOnFailure: patch.preserve_on_failure ?? this.run.retention.preserveOnFailure,
    };
    this.host.transaction(() => {
      this.run.retention = retention;
      if (this.run.endedAt !== null) {
        this.run.retentionDueAt = this.run.endedAt + retention.maxAgeSeconds * 1000;
        this.store.deleteTimer("retention");
      }
      this.store.saveRun(this.run);
      this.engine.emit("run.retention_changed", null, {
        max_age_seconds: retention.maxAgeSeconds,
        preserve_on_failure: retention.preserveOnFailure,
      });
    });
    this.host.rearm();
    return ok(null);
  }

  /** Whether the run's retention has ended by `now` and should purge it (a failed run may be preserved). */
  retentionDue(now: number): boolean {
    const run = this.run;
    if (run.purgedAt !== null || run.retentionDueAt === null || run.retentionDueAt > now) return false;
    return !(run.status === "failed" && run.retention.preserveOnFailure);
  }

  purgeNow(): Result<{ id: string; purged_at: string }> {
    if (!isEnded(this.run.status)) return err("RUN_NOT_ENDED", `run ${this.run.id} is ${this.run.status}; only ended runs can be purged`);
    this.purge();
    return ok({ id: this.run.id, purged_at: new Date(this.run.purgedAt as number).toISOString() });
  }

  private purge(): void {
    const now = Date.now();
    // The rows go with the object's whole storage once the tombstone is written (index-sync.ts),
    // so only the run's mark is written now.
    this.host.transaction(() => {
      this.store.deleteTimersExcept(["index"]);
      this.run.input = null;
      this.run.output = null;
      this.run.error = null;
      this.run.metadata = null;
      this.run.purgedAt = now;
      this.run.updatedAt = now;
      this.run.stateSeq += 1;
      this.store.saveRun(this.run);
    });
    this.engine.steps.splice(0);
    this.host.requestIndexSync();
    this.host.rearm();
  }

  // ---- the alarm ------------------------------------------------------------------------

  /** Fires every due timer (never one that is not due), then resumes sequencing if needed. */
  async onAlarm(now: number): Promise<void> {
    let resume = false;
    for (const timer of this.store.dueTimers(now)) {
      if (this.run.purgedAt !== null) break;
      this.host.transaction(() => {
        this.store.deleteTimer(timer.id);
        if (timer.stepId) resume = this.engine.fireStepTimer(timer.kind, timer.stepId, now) === "continue" || resume;
      });
      // Runs stored before retention_due_at drove the alarm still have a retention timer.
      if (timer.kind === "retention") {
        if (this.retentionDue(Number.POSITIVE_INFINITY)) this.purge();
      } else if (timer.kind === "index") this.host.requestIndexSync();
      else if (timer.kind === "notify_parent") await this.notifyParent();
      else if (timer.kind === "outbox") this.host.flushOutbox();
      else if (timer.kind === "limiter") {
        if (this.run.status === "queued") await this.requestStart();
        else if (isEnded(this.run.status)) await this.releaseSlot();
      }
    }
    if (this.retentionDue(now)) this.purge();
    if (this.run.purgedAt !== null) return;
    if (resume) this.engine.wake();
    else if (this.run.status === "running" && this.engine.inflight.size === 0) this.engine.schedule();
  }
}
