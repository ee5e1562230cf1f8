import type { RunDeliveries } from "./deliveries";
import type { EventName, LoggedEvent } from "./events";
import type { RunRecord, RunStore, StepRecord } from "./store";
import type { EventStreams } from "./streams";

/**
 * The path of an event: the one place where a change of a run becomes what others see of it.
 *
 * 1. `append` stores the event in the run's log, which gives it its sequence number;
 * 2. in the same write, the run's webhook delivery for it, when the run's format sends it
 *    (deliveries.ts `record`: a row in the run's own storage, and a queue message to send);
 * 3. once that write has committed (at once outside a transaction, else when `transaction`
 *    commits), `publish` sends it on the run's live streams (streams.ts) and hands the
 *    messages of the new deliveries to the queue (deliveries.ts `flush`, which first sets the
 *    alarm that resends a lost one). A transaction that fails takes its events and deliveries
 *    with it: nothing is published.
 *
 * The engine calls `append` through its `emit` (run-engine.ts); the status change that goes
 * with many events also asks for the runs index to be written (index-sync.ts), which is not an
 * event's doing.
 */
export class EventPath {
  /** Events appended in the transaction under way, published once it commits; null outside one. */
  private pending: LoggedEvent[] | null = null;

  constructor(
    private readonly store: () => RunStore,
    private readonly transactionSync: <T>(fn: () => T) => T,
    private readonly streams: EventStreams,
    private readonly deliveries: RunDeliveries,
  ) {}

  /** Runs `fn` as one write; a nested call joins the write under way. */
  transaction<T>(fn: () => T): T {
    if (this.pending) return fn();
    this.pending = [];
    let committed: LoggedEvent[] = [];
    try {
      const result = this.transactionSync(fn);
      committed = this.pending;
      return result;
    } catch (error) {
      this.store().rolledBack();
      this.deliveries.rolledBack();
      throw error;
    } finally {
      this.pending = null;
      for (const event of committed) this.publish(event);
    }
  }

  append(run: RunRecord, steps: StepRecord[], name: EventName, stepId: string | null, dataJson: string | null, at: number): void {
    const event = this.store().appendEvent(name, stepId, dataJson, at);
    this.deliveries.record(run, steps, event);
    if (this.pending) this.pending.push(event);
    else this.publish(event);
  }

  private publish(event: LoggedEvent): void {
    this.streams.publish(event);
    this.deliveries.flush();
  }
}
