import { StepRunObject } from "../../src/compose";
import type { RunControl } from "../../src/engine/run-control";
import { ScheduleObject } from "../../src/schedules/schedule-object";

/** While this value is set on a run, the queue refuses its messages, as a lost message would be lost. */
export const QUEUE_DOWN_HOOK = "test_webhook_queue_down";
/** The next N alarms of a run fail, to prove a failing alarm loses nothing. */
export const ALARM_THROWS_HOOK = "alarm_throws";

/**
 * The run object with the hooks tests drive it by. Only the workers test project deploys it
 * (test/support/test-worker.ts); the Worker itself deploys StepRunObject, which has none.
 */
export class TestRunObject extends StepRunObject {
  /** Steps held in running once they start, with the release of each held one. */
  private readonly holds = new Map<string, (() => void) | null>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const queueDeliveries = this.port.queueDeliveries;
    this.port = {
      ...this.port,
      queueDeliveries: async (messages) => {
        if (this.store.getValue(QUEUE_DOWN_HOOK)) throw new Error("the queue is down (test hook)");
        await queueDeliveries(messages);
      },
    };
  }

  holdAttempt(stepId: string): Promise<void> | null {
    if (!this.holds.has(stepId)) return null;
    return new Promise((release) => this.holds.set(stepId, release));
  }

  /**
   * Holds the step in running from the moment it starts until testReleaseStep, so a test can
   * read a run mid-step. Kept in memory: a held attempt cannot outlive the instance anyway.
   */
  testHoldStep(stepId: string): void {
    this.holds.set(stepId, null);
  }

  testReleaseStep(stepId: string): void {
    const release = this.holds.get(stepId);
    this.holds.delete(stepId);
    release?.();
  }

  /** Moves every pending timer `ms` earlier, so tests never wait on real time. */
  testShiftTimers(ms: number, kinds?: string[]): void {
    for (const timer of this.store.timers()) {
      if (kinds && !kinds.includes(timer.kind)) continue;
      this.store.addTimer({ ...timer, dueAt: timer.dueAt - ms });
      const step = timer.stepId ? this.engine?.byId.get(timer.stepId) : undefined;
      if (step?.wait && "until" in step.wait && typeof step.wait.until === "number") {
        step.wait = { ...step.wait, until: step.wait.until - ms } as typeof step.wait;
        this.store.saveStep(step);
      }
    }
    if (this.engine?.run.retentionDueAt && (!kinds || kinds.includes("retention"))) {
      this.engine.run.retentionDueAt -= ms;
      this.store.saveRun(this.engine.run);
    }
    this.rearm();
  }

  /** Moves every pending webhook delivery `ms` earlier (its due time, and so the alarm's look at it). */
  testShiftDeliveries(ms: number): void {
    if (!this.store.tables.has("deliveries")) return;
    this.ctx.storage.sql.exec("UPDATE deliveries SET due_at = due_at - ? WHERE status = 'pending'", ms);
    // The due times the store keeps in memory are read again, as after a rolled-back write.
    this.store.deliveries.rolledBack();
    this.rearm();
  }

  testSetHook(name: string, value: string | null): void {
    this.store.setValue(name, value);
  }

  protected async onAlarm(control: RunControl): Promise<void> {
    const left = Number(this.store.getValue(ALARM_THROWS_HOOK) ?? 0);
    if (left > 0) {
      this.store.setValue(ALARM_THROWS_HOOK, left > 1 ? String(left - 1) : null);
      throw new Error(`alarm failure injected by a test (${left - 1} more)`);
    }
    await super.onAlarm(control);
  }
}

/** The schedule object with a clock tests can move ahead, so they drive fires with its alarm. */
export class TestScheduleObject extends ScheduleObject {
  protected async now(): Promise<number> {
    return Date.now() + ((await this.ctx.storage.get<number>("clock_offset")) ?? 0);
  }

  async testShiftClock(ms: number): Promise<void> {
    await this.ctx.storage.put("clock_offset", ((await this.ctx.storage.get<number>("clock_offset")) ?? 0) + ms);
  }
}
