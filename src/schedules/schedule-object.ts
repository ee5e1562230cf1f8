import { DurableObject } from "cloudflare:workers";
import { latestSlot, nextFire } from "../domain/cron";
import type { RunStatus } from "../engine/events";
import { isEnded } from "../engine/events";
import { newId } from "../lib/ids";
import { recordFire, type ScheduleState, startScheduledRun } from "../services/schedules";
import { runStub } from "../services/stubs";

/**
 * One per cron schedule: its alarm is set to the next fire time. A fire starts a run (trigger
 * `schedule`); fires missed while nothing ran collapse into one run for the latest slot.
 */
export class ScheduleObject extends DurableObject<Env> {
  private async state(): Promise<ScheduleState | undefined> {
    return this.ctx.storage.get<ScheduleState>("state");
  }

  /** The schedule's clock: real time here; the test worker's schedule object shifts it. */
  protected async now(): Promise<number> {
    return Date.now();
  }

  private async save(state: ScheduleState): Promise<ScheduleState> {
    const now = await this.now();
    state.nextAt = state.paused ? null : nextFire(state.cron, state.timezone, Math.max(now, state.lastSlot));
    // The alarm runs on real time; a shifted clock (the test worker's) moves it by the same amount.
    const alarmAt = state.nextAt === null ? null : state.nextAt - (now - Date.now());
    await this.ctx.storage.put("state", state);
    if (alarmAt === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(alarmAt);
    return state;
  }

  /** Creates or replaces the schedule and arms its alarm. */
  async configure(
    next: Omit<ScheduleState, "nextAt" | "lastRunId" | "firing" | "skipped" | "lastError" | "lastSlot">,
  ): Promise<ScheduleState> {
    const current = await this.state();
    return this.save({
      lastSlot: await this.now(),
      lastRunId: null,
      firing: null,
      skipped: 0,
      lastError: null,
      nextAt: null,
      ...current,
      ...next,
    });
  }

  async read(): Promise<ScheduleState | null> {
    return (await this.state()) ?? null;
  }

  async remove(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  async alarm(): Promise<void> {
    const state = await this.state();
    if (!state || state.paused) return;
    const now = await this.now();
    const slot = state.firing?.slot ?? latestSlot(state.cron, state.timezone, state.lastSlot, now);
    if (slot === null) {
      await this.save(state);
      return;
    }
    if (state.overlap === "skip" && state.lastRunId && !state.firing) {
      const status = (await runStub(this.env, state.lastRunId).status()) as RunStatus | null;
      if (status !== null && !isEnded(status)) {
        state.skipped += 1;
        state.lastSlot = slot;
        await this.save(state);
        await recordFire(this.env, state);
        return;
      }
    }
    state.firing ??= { slot, runId: newId() };
    await this.ctx.storage.put("state", state);
    try {
      await startScheduledRun(this.env, state, state.firing.runId);
      state.lastRunId = state.firing.runId;
      state.lastError = null;
    } catch (error) {
      // A fire that cannot start (the workflow was deleted, its input no longer fits) is
      // recorded on the schedule; the next slot fires as usual.
      state.lastError = (error as Error).message;
    }
    state.lastSlot = slot;
    state.firing = null;
    await this.save(state);
    await recordFire(this.env, state);
  }
}
