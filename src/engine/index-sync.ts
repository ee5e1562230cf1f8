import type { RunPort } from "./port";
import { runSummary } from "./run-view";
import type { RunRecord, RunStore } from "./store";

const RETRY_MS = 5_000;

interface SyncHost {
  readonly port: RunPort;
  readonly store: RunStore;
  currentRun(): RunRecord | null;
  rearm(): void;
  committed(): Promise<void>;
  dropStorage(): Promise<void>;
}

/**
 * Mirrors the run's summary into its runs index shard after each status change. Once the run
 * is purged and its tombstone is written, it clears the copies of its data that D1 holds
 * (through the port) and has the object delete its whole storage. Writes are coalesced (one in
 * flight, one more queued at most) and a failed write leaves an `index` timer, so the alarm
 * repairs the index later; the run itself never waits on D1.
 */
export class IndexSync {
  private inflight: Promise<void> | null = null;
  /** A write is requested and has not read the run yet: it will see any later change. */
  private pending = false;
  private again = false;
  private retrying = false;

  constructor(private readonly host: SyncHost) {}

  request(): void {
    if (this.pending) return;
    if (this.inflight) {
      this.again = true;
      return;
    }
    this.pending = true;
    // Write once the current task's writes are durable: steps that need no I/O run to the end
    // within the task, so a short run is often indexed once, already ended. (A timer would do
    // as well on an idle object, but a busy event loop runs timers late.) The D1 write could
    // not leave before that commit anyway: the output gate holds it.
    this.inflight = this.host
      .committed()
      .then(() => {
        this.pending = false;
        return this.push();
      })
      .finally(() => {
        this.pending = false;
        this.inflight = null;
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
  }

  /** Waits until every requested write has been attempted. */
  async flush(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  private async push(): Promise<void> {
    const run = this.host.currentRun();
    if (!run) return;
    const seq = run.stateSeq;
    if (run.syncedSeq >= seq && !this.retrying) return;
    try {
      await this.host.port.indexRun(runSummary(run));
      if (run.purgedAt !== null) {
        await this.host.port.purgeRunCopies(run.appId, run.id);
        // The tombstone now answers for the run: nothing of it stays here.
        await this.host.dropStorage();
        return;
      }
      // Kept in memory only: after a restart the object writes its summary once more, which
      // the index ignores if it already has it.
      run.syncedSeq = Math.max(run.syncedSeq, seq);
      if (this.retrying) {
        this.retrying = false;
        this.host.store.deleteTimer("index");
        this.host.rearm();
      }
    } catch (error) {
      console.error(`run ${run.id}: writing the runs index failed; retrying from the alarm`, error);
      this.retrying = true;
      this.host.store.addTimer({ id: "index", kind: "index", dueAt: Date.now() + RETRY_MS, stepId: null, data: null });
      this.host.rearm();
    }
  }
}
