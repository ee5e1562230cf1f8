import { dependenciesOf, type StepDefinition } from "../domain/definition";
import { parseDuration } from "../domain/duration";
import { validateAgainst } from "../domain/json-schema";
import { Limits } from "../domain/limits";
import { newId } from "../lib/ids";
import {
  attemptTimeout,
  evaluateCondition,
  type RenderedConfig,
  renderConfig,
  resolveItems,
  runItems,
  toStepError,
  withDeadline,
} from "./attempt";
import type { EventPath } from "./event-path";
import { type EventName, isEnded, type RunStatus, type StepStatus } from "./events";
import { render, type Scope, truthy } from "./expressions";
import type { Masker } from "./masking";
import type { RunPort } from "./port";
import { retryDelay, retryPolicy, STEP_DEFAULTS } from "./retries";
import type { RunError } from "./run-types";
import { waitView } from "./run-view";
import { SecretGate } from "./secret-gate";
import { stepType } from "./steps/registry";
import { type StepContext, StepError, type StepOutcome } from "./steps/types";
import type { RunRecord, RunStore, StepRecord, TimerKind, WaitInfo } from "./store";

/**
 * Sequences one run's steps inside its Durable Object. Every ready step starts in the same
 * invocation (independent branches concurrently); each result is one storage transaction
 * before any dependent starts; the alarm is used only for timers. The object is
 * single-threaded, so the in-memory state below is the stored state plus what is in flight.
 */

/** While steps run, an alarm is never further away than this, so a crash is noticed. */
export const WATCHDOG_MS = 15_000;

export interface EngineHost {
  readonly bindings: Env;
  readonly store: RunStore;
  transaction<T>(fn: () => T): T;
  /** Where an event is stored, sent to webhooks and published (event-path.ts). */
  readonly eventPath: EventPath;
  /** The run's status changed: update the D1 index. */
  statusChanged(): void;
  /** Timers or status changed: move the alarm. */
  rearm(): void;
  /** The run ended (any final status): notify parent, limiter, webhooks. */
  ended(): void;
  /** The world beyond the run's object. */
  readonly port: RunPort;
  /** The profile's variables, loaded once per instance through the port. */
  vars(): Promise<Record<string, string>>;
  /** Masks the profile's secret values; complete once vars() has resolved. */
  masker(): Masker;
  /**
   * Where a started attempt may be held before it executes, staying running until the promise
   * resolves. Only the test worker's run object has it (test/support/test-objects.ts).
   */
  holdAttempt?(stepId: string): Promise<void> | null;
}

type Continuation = "continue" | "stop";

export class RunEngine {
  readonly steps: StepRecord[];
  readonly byId = new Map<string, StepRecord>();
  readonly defs = new Map<string, StepDefinition>();
  private readonly deps = new Map<string, StepRecord[]>();
  private readonly dependents = new Map<string, StepRecord[]>();
  /** Steps whose readiness may have changed since the last schedule(): keeps each pass O(changes). */
  private readonly candidates: Set<StepRecord>;
  private readonly sinks: StepRecord[];
  readonly inflight = new Map<string, AbortController>();
  /** Bumped when the run stops (cancel, failure): results of older attempts are dropped. */
  private generation = 0;
  private readonly stepScope: Record<string, { output: unknown; status: StepStatus; error: RunError | null }> = {};

  constructor(
    readonly run: RunRecord,
    steps: StepRecord[],
    private readonly host: EngineHost,
  ) {
    this.steps = steps;
    const definitions = run.definition.steps;
    definitions.forEach((def, i) => {
      this.defs.set(def.id, def);
      this.byId.set(def.id, steps[i]);
    });
    const dependedOn = new Set<string>();
    definitions.forEach((def, i) => {
      const deps = dependenciesOf(definitions, i);
      for (const d of deps) {
        dependedOn.add(d);
        this.dependents.set(d, [...(this.dependents.get(d) ?? []), steps[i]]);
      }
      this.deps.set(
        def.id,
        deps.map((id) => this.byId.get(id) as StepRecord),
      );
    });
    this.sinks = steps.filter((s) => !dependedOn.has(s.id));
    this.candidates = new Set(steps);
    for (const step of steps) this.exposeStep(step);
  }

  private get store() {
    return this.host.store;
  }

  def(step: StepRecord): StepDefinition {
    return this.defs.get(step.id) as StepDefinition;
  }

  // ---- events and status ------------------------------------------------------------

  emit(name: EventName, stepId: string | null, data: unknown, at = Date.now()): void {
    this.host.eventPath.append(this.run, this.steps, name, stepId, data === undefined ? null : JSON.stringify(data), at);
  }

  private emitRaw(name: EventName, stepId: string | null, dataJson: string, at: number): void {
    this.host.eventPath.append(this.run, this.steps, name, stepId, dataJson, at);
  }

  /** Changes the run's status: stored, logged and (once committed) mirrored to D1. */
  setStatus(status: RunStatus, data?: unknown, event: EventName = `run.${status}` as EventName): void {
    const now = Date.now();
    this.run.status = status;
    this.run.stateSeq += 1;
    this.run.updatedAt = now;
    if (status === "running") this.run.startedAt ??= now;
    this.store.saveRun(this.run);
    this.emit(event, null, data, now);
    this.host.statusChanged();
  }

  private exposeStep(step: StepRecord): void {
    this.stepScope[step.id] = { output: step.output ?? null, status: step.status, error: step.error };
  }

  saveStep(step: StepRecord): void {
    this.store.saveStep(step, step.inputUnsaved === true);
    step.inputUnsaved = false;
    this.exposeStep(step);
    if (this.satisfied(step)) for (const dependent of this.dependents.get(step.id) ?? []) this.candidates.add(dependent);
    else if (step.status === "pending" && !step.wait) this.candidates.add(step);
  }

  private scopeFor(step: StepRecord, vars: Record<string, string>): Scope {
    const deps = this.deps.get(step.id) ?? [];
    const prev = deps.length === 1 ? (deps[0].output ?? null) : Object.fromEntries(deps.map((d) => [d.id, d.output ?? null]));
    return {
      input: this.run.input,
      steps: this.stepScope,
      prev: deps.length === 0 ? null : prev,
      vars,
      run: {
        id: this.run.id,
        workflow_id: this.run.workflowId,
        version: this.run.version,
        created_at: new Date(this.run.createdAt).toISOString(),
      },
    };
  }

  private satisfied(step: StepRecord): boolean {
    if (step.status === "completed" || step.status === "skipped") return true;
    return step.status === "failed" && this.def(step).on_error === "continue";
  }

  // ---- scheduling -------------------------------------------------------------------

  /** Starts every ready step; when nothing is in flight, settles the run's status. */
  schedule(): void {
    if (this.run.status !== "running") return;
    for (const step of this.candidates) {
      this.candidates.delete(step);
      if (step.status !== "pending" || step.wait || this.inflight.has(step.id)) continue;
      // A step not ready yet comes back as a candidate when one of its dependencies is satisfied.
      if ((this.deps.get(step.id) ?? []).every((d) => this.satisfied(d))) this.launch(step);
    }
    if (this.inflight.size === 0) this.settle();
  }

  /**
   * Nothing is in flight: the run waits (only sleeps, events, callbacks or children are
   * pending), keeps running (a retry is backing off), or has finished.
   */
  private settle(): void {
    let waiting = false;
    for (const step of this.steps) {
      if (step.status === "pending" && step.wait?.kind === "retry") return;
      if (step.status === "waiting") waiting = true;
    }
    if (!waiting) {
      void this.complete();
    } else if (this.run.status === "running") {
      this.setStatus("waiting");
      this.host.rearm();
    }
  }

  /** Resumes sequencing after a wait ended or the run was resumed. */
  wake(): void {
    if (this.run.status === "waiting") this.setStatus("running");
    this.host.rearm();
    this.schedule();
  }

  private launch(step: StepRecord): void {
    const controller = new AbortController();
    this.inflight.set(step.id, controller);
    const generation = this.generation;
    void this.runStep(step, controller, generation)
      .catch((error) => console.error(`run ${this.run.id} step ${step.id} crashed`, error))
      .finally(() => {
        if (this.inflight.get(step.id) === controller) this.inflight.delete(step.id);
        if (generation === this.generation) this.schedule();
      });
  }

  private async runStep(step: StepRecord, controller: AbortController, generation: number): Promise<void> {
    const def = this.def(step);
    const useFallback = step.usedFallback && def.fallback !== undefined;
    const typeName = useFallback ? (def.fallback?.type as string) : def.type;
    const type = stepType(typeName);
    const stale = () => generation !== this.generation || isEnded(this.run.status);
    try {
      if (!type) throw new StepError("UNKNOWN_STEP_TYPE", `step type ${typeName} is not registered`, false);
      const vars = await this.host.vars();
      if (stale()) return;
      const scope = this.scopeFor(step, vars);
      if (def.if !== undefined) {
        const condition = await evaluateCondition(def, scope);
        if (stale()) return;
        if (!truthy(condition)) return this.skip(step);
      }
      const items = def.for_each !== undefined && !useFallback ? await resolveItems(def, scope) : null;
      const rendered = items ? null : await renderConfig(type, useFallback ? def.fallback?.config : def.config, scope, `step ${def.id}`);
      const config = rendered?.config ?? null;
      if (stale()) return;
      if (this.run.stepsExecuted >= Limits.stepExecutionsPerRun) {
        throw new StepError("LIMIT_EXCEEDED", `the run reached ${Limits.stepExecutionsPerRun} step executions`, false);
      }
      // A pure step is atomic: it is recorded once, with its result. Running it again after a
      // crash is harmless, so it needs no "started" write of its own.
      const atomic = type.pure === true && !items;
      this.host.masker().learn(rendered?.secrets.derived ?? []);
      // A typed step's input is the value it consumes; its config is empty.
      const consumed = type.accepts ? ((this.deps.get(step.id) ?? []).length === 0 ? this.run.input : scope.prev) : rendered?.shown;
      this.begin(step, items ? { items } : consumed, !atomic);
      const hold = this.host.holdAttempt?.(step.id);
      if (hold) {
        await hold;
        if (stale()) return;
      }
      const ctx = this.context(step, controller.signal, scope, vars, rendered);
      const timeoutMs = attemptTimeout(def, type);
      const outcome = items
        ? await runItems(def, type, items, scope, ctx, this.itemProgress(step), timeoutMs, (derived) => this.host.masker().learn(derived))
        : type.pure
          ? await type.execute(config as never, ctx)
          : await withDeadline(type.execute(config as never, ctx), controller.signal, controller, timeoutMs, def.id);
      if (stale()) return;
      await this.handleOutcome(step, outcome);
    } catch (error) {
      if (stale()) return;
      this.failAttempt(step, toStepError(error));
    }
  }

  private context(
    step: StepRecord,
    signal: AbortSignal,
    scope: Scope,
    vars: Record<string, string>,
    rendered: RenderedConfig | null,
  ): StepContext {
    const attempt = step.attempts;
    return {
      run: {
        id: this.run.id,
        appId: this.run.appId,
        workflowId: this.run.workflowId,
        version: this.run.version,
        profile: this.run.profile,
      },
      stepId: step.id,
      attempt: step.attempts,
      index: 0,
      signal,
      env: this.host.bindings,
      prev: (this.deps.get(step.id) ?? []).length === 0 ? undefined : scope.prev,
      input: this.run.input,
      idempotencyKey: `${this.run.id}:${step.id}:0`,
      vars,
      secrets: SecretGate.of(step.id, vars, rendered?.secrets.reads ?? [], rendered?.urlFromSecrets ?? false),
      now: () => Date.now(),
      countHttpCall: () => {
        this.run.httpCalls += 1;
      },
      timeoutMs: (this.def(step).timeout === undefined ? null : parseDuration(this.def(step).timeout)) ?? STEP_DEFAULTS.timeoutMs,
      callbackUrl: (timeoutMs) => this.host.port.callbackUrl(this.run, step, Date.now() + timeoutMs),
      recordTask: (taskId) => this.recordTask(step, attempt, taskId),
    };
  }

  /**
   * The called service named this attempt's job. Its callback may come before the answer to
   * the submission, so a step that already ended with this attempt still records it.
   */
  private recordTask(step: StepRecord, attempt: number, taskId: string): void {
    const live = step.status === "running" || step.status === "waiting" || step.status === "completed" || step.status === "failed";
    if (step.attempts !== attempt || !live || step.taskId === taskId || this.run.purgedAt !== null) return;
    step.taskId = taskId;
    const type = step.usedFallback ? this.def(step).fallback?.type : this.def(step).type;
    this.host.transaction(() => {
      this.store.saveTaskId(step.id, taskId);
      this.emit("task.submitted", step.id, { attempt, task_id: taskId, type });
    });
  }

  /** A callback for a waiting step: its body, as the step's type reads it, completes or fails the attempt. */
  callbackReceived(step: StepRecord, payload: unknown): void {
    const def = this.def(step);
    const type = stepType(step.usedFallback && def.fallback ? def.fallback.type : def.type);
    let result: unknown;
    try {
      result = type?.callbackResult ? type.callbackResult(step.input as never, payload) : payload;
    } catch (error) {
      this.failAttempt(step, toStepError(error));
      return;
    }
    this.completeStep(step, result);
  }

  private itemProgress(step: StepRecord) {
    return {
      done: this.store.loadItems(step.id),
      save: (index: number, output: unknown) =>
        this.store.saveItem(step.id, index, JSON.stringify(this.host.masker().value(output ?? null))),
    };
  }

  /** Records the attempt before it runs: a trailing start with no result means the object died mid-step. */
  private begin(step: StepRecord, input: unknown, record: boolean): void {
    const now = Date.now();
    step.status = "running";
    step.attempts += 1;
    step.input = this.host.masker().value(input);
    step.error = null;
    step.wait = null;
    step.startedAt = now;
    step.endedAt = null;
    this.run.stepsExecuted += 1;
    step.inputUnsaved = true;
    if (!record) return;
    this.host.transaction(() => {
      this.saveStep(step);
      this.emit(
        "step.started",
        step.id,
        { attempt: step.attempts, type: step.usedFallback ? this.def(step).fallback?.type : this.def(step).type },
        now,
      );
    });
  }

  private skip(step: StepRecord): void {
    const now = Date.now();
    step.status = "skipped";
    step.startedAt ??= now;
    step.endedAt = now;
    this.host.transaction(() => {
      this.saveStep(step);
      this.emit("step.skipped", step.id, undefined, now);
    });
  }

  private async handleOutcome(step: StepRecord, outcome: StepOutcome): Promise<void> {
    switch (outcome.kind) {
      case "output":
        return this.completeStep(step, outcome.output);
      case "sleep":
        // Measured from the attempt's start, which is no later than the moment `until` was
        // computed from, so a sleep that woke on time never reports less than it was asked for.
        return this.wait(step, { kind: "sleep", until: outcome.until, from: step.startedAt ?? Date.now() }, "wake", outcome.until);
      case "event": {
        const until = outcome.timeoutMs === null ? null : Date.now() + outcome.timeoutMs;
        const early = this.host.transaction(() => this.store.takeInbox(outcome.names, step.id));
        if (early) return this.completeStep(step, early);
        return this.wait(step, { kind: "event", names: outcome.names, until, schema: outcome.schema }, "event_timeout", until);
      }
      case "child": {
        const childRunId = newId();
        this.wait(step, { kind: "child", runId: childRunId }, null, null);
        this.emit("child.started", step.id, { run_id: childRunId, workflow_id: outcome.workflowId });
        try {
          await this.host.port.startChild(this.run, step, childRunId, outcome);
        } catch (error) {
          if (step.status === "waiting" && step.wait?.kind === "child" && step.wait.runId === childRunId) {
            this.failAttempt(step, toStepError(error));
          }
        }
        return;
      }
      case "callback": {
        const until = outcome.timeoutMs === null ? null : Date.now() + outcome.timeoutMs;
        this.wait(step, { kind: "callback", until }, "callback_timeout", until);
        try {
          await outcome.request();
        } catch (error) {
          if (step.status === "waiting" && step.wait?.kind === "callback") this.failAttempt(step, toStepError(error));
        }
        return;
      }
    }
  }

  private wait(step: StepRecord, wait: WaitInfo, timer: TimerKind | null, dueAt: number | null): void {
    const now = Date.now();
    step.status = "waiting";
    step.wait = wait;
    this.host.transaction(() => {
      this.saveStep(step);
      if (timer && dueAt !== null) this.store.addTimer({ id: `${timer}:${step.id}`, kind: timer, dueAt, stepId: step.id, data: null });
      this.emit("step.waiting", step.id, waitView(wait), now);
    });
    this.host.rearm();
  }

  /** Ends a step with its output, after the output_schema and size checks. */
  completeStep(step: StepRecord, result: unknown): void {
    const def = this.def(step);
    const output = this.host.masker().value(result);
    const outputJson = JSON.stringify(output ?? null);
    if (outputJson.length > Limits.stepOutputBytes / 3 && new TextEncoder().encode(outputJson).length > Limits.stepOutputBytes) {
      this.failAttempt(
        step,
        new StepError("OUTPUT_TOO_LARGE", `step ${step.id} output is larger than ${Limits.stepOutputBytes} bytes`, false),
      );
      return;
    }
    if (def.output_schema) {
      const problems = validateAgainst(def.output_schema, output ?? null, "output");
      if (problems.length > 0) {
        const message = problems.map((p) => `${p.path}: ${p.message}`).join("; ");
        this.failAttempt(
          step,
          new StepError("OUTPUT_INVALID", `step ${step.id} output does not match its output_schema: ${message}`, false, problems),
        );
        return;
      }
    }
    const now = Date.now();
    const hadItems = def.for_each !== undefined;
    const hadTimeout = step.wait?.kind === "event" || step.wait?.kind === "callback";
    step.status = "completed";
    step.output = output ?? null;
    step.outputJson = outputJson;
    step.error = null;
    step.wait = null;
    step.endedAt = now;
    this.host.transaction(() => {
      this.saveStep(step);
      if (hadItems) this.store.clearItems(step.id);
      if (hadTimeout) {
        this.store.deleteTimer(`event_timeout:${step.id}`);
        this.store.deleteTimer(`callback_timeout:${step.id}`);
      }
      this.emitRaw(
        "step.completed",
        step.id,
        `{"attempt":${step.attempts},"duration_ms":${now - (step.startedAt ?? now)},"output":${outputJson}}`,
        now,
      );
    });
  }

  /** An attempt failed: retry after back-off, else the fallback, else continue or fail the run. */
  failAttempt(step: StepRecord, error: StepError): void {
    const def = this.def(step);
    const now = Date.now();
    const policy = retryPolicy(def.retry);
    const status = (error.details as { status?: number } | undefined)?.status;
    const retryable = error.retryable || (typeof status === "number" && policy.onStatus.includes(status));
    const masker = this.host.masker();
    const runError: RunError = {
      code: error.code,
      message: masker.text(error.message),
      step_id: step.id,
      ...(error.details ? { details: masker.value(error.details) } : {}),
    };
    step.error = runError;
    if (retryable && step.attempts < policy.maxAttempts && !isEnded(this.run.status)) {
      const until = now + retryDelay(Math.max(step.attempts, 1), policy);
      step.status = "pending";
      step.wait = { kind: "retry", until };
      this.host.transaction(() => {
        this.saveStep(step);
        this.store.addTimer({ id: `retry:${step.id}`, kind: "retry", dueAt: until, stepId: step.id, data: null });
        this.emit(
          "step.retrying",
          step.id,
          { attempt: step.attempts, error: runError, next_attempt_at: new Date(until).toISOString() },
          now,
        );
      });
      this.host.rearm();
      return;
    }
    if (def.fallback && !step.usedFallback) {
      step.usedFallback = true;
      step.status = "pending";
      step.wait = null;
      this.host.transaction(() => {
        this.saveStep(step);
        this.emit("step.fallback", step.id, { error: runError, fallback: def.fallback?.type }, now);
      });
      return;
    }
    step.status = "failed";
    step.wait = null;
    step.endedAt = now;
    const continues = def.on_error === "continue";
    if (continues) {
      step.output = { error: { code: error.code, message: runError.message } };
      step.outputJson = JSON.stringify(step.output);
    }
    this.host.transaction(() => {
      this.saveStep(step);
      this.emit("step.failed", step.id, { attempt: step.attempts, error: runError, continued: continues }, now);
    });
    if (!continues) this.fail(runError);
  }

  // ---- timers -------------------------------------------------------------------------

  /** A due timer for one of this run's steps. Returns whether sequencing should resume. */
  fireStepTimer(kind: TimerKind, stepId: string, now: number): Continuation {
    const step = this.byId.get(stepId);
    if (!step) return "stop";
    if (kind === "wake" && step.status === "waiting" && step.wait?.kind === "sleep") {
      this.completeStep(step, { slept_ms: now - step.wait.from });
      return "continue";
    }
    if (kind === "retry" && step.status === "pending" && step.wait?.kind === "retry") {
      step.wait = null;
      this.saveStep(step);
      return "continue";
    }
    if ((kind === "event_timeout" || kind === "callback_timeout") && step.status === "waiting") {
      const what = kind === "event_timeout" ? `an event (${(step.wait as { names?: string[] }).names?.join(", ")})` : "its callback";
      this.failAttempt(
        step,
        new StepError(kind === "event_timeout" ? "EVENT_TIMEOUT" : "CALLBACK_TIMEOUT", `step ${stepId} waited too long for ${what}`, false),
      );
      return "continue";
    }
    return "stop";
  }

  // ---- recovery -----------------------------------------------------------------------

  /**
   * After a restart nothing is in flight: a step stored as running was interrupted and runs
   * again (its attempt is counted); a child that may not have been created is created again
   * (creation is idempotent by id).
   */
  recover(): StepRecord[] {
    const children: StepRecord[] = [];
    const now = Date.now();
    for (const step of this.steps) {
      if (step.status === "running" && !this.inflight.has(step.id)) {
        step.status = "pending";
        this.host.transaction(() => {
          this.saveStep(step);
          this.emit("step.interrupted", step.id, { attempt: step.attempts }, now);
        });
      } else if (step.status === "waiting" && step.wait?.kind === "child") children.push(step);
    }
    return children;
  }

  // ---- the end of a run ---------------------------------------------------------------

  /** Aborts everything in flight and stops further starts. */
  halt(reason: StepError): void {
    this.generation += 1;
    for (const controller of this.inflight.values()) controller.abort(reason);
    this.inflight.clear();
  }

  private fail(error: RunError): void {
    if (isEnded(this.run.status)) return;
    this.halt(new StepError("RUN_FAILED", "the run failed", false));
    this.finish("failed", null, error);
  }

  private async complete(): Promise<void> {
    const generation = this.generation;
    let output: unknown;
    try {
      output = await this.runOutput();
    } catch (error) {
      if (generation !== this.generation || this.run.status !== "running") return;
      const e = toStepError(error);
      return this.finish("failed", null, { code: e.code, message: e.message, step_id: null });
    }
    if (generation !== this.generation || this.run.status !== "running") return;
    const schema = this.run.definition.output_schema;
    if (schema) {
      const problems = validateAgainst(schema, output, "output");
      if (problems.length > 0) {
        const message = `the run output does not match output_schema: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`;
        return this.finish("failed", null, { code: "OUTPUT_INVALID", message, step_id: null, details: problems });
      }
    }
    this.finish("completed", output, null);
  }

  private async runOutput(): Promise<unknown> {
    const template = this.run.definition.output;
    if (template !== undefined) {
      const vars = await this.host.vars();
      return render(template, { ...this.scopeFor(this.steps[0], vars), prev: null }, "output");
    }
    if (this.sinks.length === 1) return this.sinks[0].output ?? null;
    return Object.fromEntries(this.sinks.map((s) => [s.id, s.output ?? null]));
  }

  /**
   * Final status. Steps in flight or waiting become `cancelled` (a failed run keeps its
   * pending steps pending, so resume can go on from there); timers go (but for those of the
   * index and outbox, and a retention timer of a run stored before retention_due_at drove the
   * alarm), and the retention clock starts.
   */
  finish(status: "completed" | "failed" | "cancelled", output: unknown, error: RunError | null): void {
    const now = Date.now();
    this.host.transaction(() => {
      for (const step of this.steps) {
        const unfinished = step.status === "running" || step.status === "waiting" || step.status === "pending";
        if (!unfinished) continue;
        if (step.status !== "pending" || status === "cancelled") {
          step.status = "cancelled";
          step.endedAt = now;
          this.emit("step.cancelled", step.id, undefined, now);
        }
        step.wait = null;
        this.saveStep(step);
      }
      this.store.deleteTimersExcept(["retention", "index", "outbox"]);
      const masker = this.host.masker();
      this.run.output = masker.value(output);
      this.run.error = error ? { ...error, message: masker.text(error.message) } : null;
      this.run.endedAt = now;
      // The retention clock is the run row's retention_due_at: the alarm is armed from it.
      this.run.retentionDueAt = now + this.run.retention.maxAgeSeconds * 1000;
      this.setStatus(status, error ? { error } : undefined);
    });
    this.host.rearm();
    this.host.ended();
  }
}
