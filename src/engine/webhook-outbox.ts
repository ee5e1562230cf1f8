import { newId } from "../lib/ids";
import { enqueueDelivery } from "../services/webhooks";
import { webhookFormat } from "../webhooks/formatters";
import type { LoggedEvent } from "./events";
import type { RunRecord, RunStore, StepRecord } from "./store";

const RETRY_MS = 5_000;

interface OutboxHost {
  readonly bindings: Env;
  readonly store: RunStore;
  rearm(): void;
  requestIndexSync(): void;
}

/**
 * The run's side of webhook delivery. The body is written to the object's own storage in the
 * same write as the event that caused it, then handed to D1 (the delivery row) and the queue.
 * If D1 cannot take it, an `outbox` timer tries again, so a webhook is never lost between the
 * run and the delivery system.
 */
export class WebhookOutbox {
  private flushing: Promise<void> | null = null;
  private again = false;

  constructor(private readonly host: OutboxHost) {}

  /** Called for every appended event, inside the write that appended it. */
  record(run: RunRecord, steps: StepRecord[], event: LoggedEvent): boolean {
    if (!run.webhookUrl) return false;
    const format = webhookFormat(run.surface);
    if (!format.sends(event.type, run, event.dataJson)) return false;
    const payload = JSON.stringify(format.body(event, run, steps));
    this.host.store.addOutbox({ id: newId(), event: event.type, url: run.webhookUrl, payload }, event.at);
    return true;
  }

  /** Hands pending entries to D1 and the queue; concurrent calls coalesce. */
  flush(run: RunRecord): void {
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = this.drain(run).finally(() => {
      this.flushing = null;
      if (this.again) {
        this.again = false;
        this.flush(run);
      }
    });
  }

  private async drain(run: RunRecord): Promise<void> {
    const store = this.host.store;
    for (const entry of store.outbox()) {
      if (run.purgedAt !== null) break;
      try {
        await enqueueDelivery(this.host.bindings, { ...entry, appId: run.appId, runId: run.id });
        store.deleteOutbox(entry.id);
      } catch (error) {
        console.error(`run ${run.id}: writing webhook ${entry.id} to D1 failed; retrying`, error);
        store.addTimer({ id: "outbox", kind: "outbox", dueAt: Date.now() + RETRY_MS, stepId: null, data: null });
        this.host.rearm();
        return;
      }
    }
    // A purge that came while a body was on its way to D1 must clear it there as well.
    if (run.purgedAt !== null) this.host.requestIndexSync();
  }
}
