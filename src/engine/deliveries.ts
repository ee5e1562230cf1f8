import { err, ok, type Result } from "../domain/errors";
import { type AttemptRecord, attemptDelivery, DEAD_LETTERED, EARLY_MS, LEASE_MS } from "../webhooks/attempt";
import { deliveryId } from "../webhooks/delivery-id";
import { type DeliveryDetail, type DeliveryFacts, type DeliveryView, deliveryDetailView, deliveryView } from "../webhooks/delivery-view";
import { sweepGraceMs } from "../webhooks/schedule";
import { FIRST_MID, type StoredDelivery } from "./delivery-store";
import type { LoggedEvent } from "./events";
import type { DeliveryMessage, RunPort } from "./port";
import type { RunRecord, RunStore, StepRecord } from "./store";

/** A message for a delivery being attempted with a newer generation comes back after this. */
const IN_FLIGHT_RETRY_MS = 5_000;
const OUTBOX_RETRY_MS = 5_000;

export interface DeliveriesHost {
  readonly bindings: Env;
  readonly port: RunPort;
  readonly store: RunStore;
  currentRun(): RunRecord | null;
  transaction<T>(fn: () => T): T;
  rearm(): void;
}

function facts(runId: string, row: StoredDelivery): DeliveryFacts {
  const last = row.attempts[row.attempts.length - 1];
  return {
    id: deliveryId(runId, row.seq),
    runId,
    event: row.event,
    url: row.url,
    status: row.status,
    attemptCount: row.attempts.length,
    nextAttemptAt: row.dueAt,
    lastStatusCode: last?.statusCode ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deliveredAt: row.deliveredAt,
  };
}

/**
 * The run's webhook deliveries, kept in its own storage with their attempts (docs/webhooks.md#delivery). A
 * delivery is written in the same transaction as the event that caused it; once that commits a
 * queue message triggers its attempt, which this object makes, records and times. The object
 * serialises attempts itself, and its alarm sends a message again when one is overdue (lost,
 * or never taken by the queue), so D1 is not written on the way.
 */
export class RunDeliveries {
  /** Messages of deliveries written in the transaction under way, sent once it commits. */
  private unsent: DeliveryMessage[] = [];
  /** Attempts in flight: the message generation that makes each, and since when. */
  private readonly inflight = new Map<number, { mid: number; since: number }>();
  private adopting: Promise<void> | null = null;

  constructor(private readonly host: DeliveriesHost) {}

  private get store() {
    return this.host.store.deliveries;
  }

  /** Called for every appended event, inside the write that appended it. */
  record(run: RunRecord, steps: StepRecord[], event: LoggedEvent): void {
    if (!run.webhookUrl) return;
    const format = this.host.port.webhookFormat(run.surface);
    if (!format.sends(event.type, run, event.dataJson)) return;
    const payload = JSON.stringify(format.body(event, run, steps));
    const seq = this.store.insert({ event: event.type, url: run.webhookUrl, payload }, event.at);
    this.unsent.push({ run: run.id, id: deliveryId(run.id, seq), mid: FIRST_MID });
  }

  /** After the write that recorded deliveries commits: the alarm is set for them first, then the queue told. */
  flush(): void {
    if (this.unsent.length === 0) return;
    const messages = this.unsent.splice(0);
    this.host.rearm();
    void this.send(messages);
  }

  rolledBack(): void {
    this.unsent = [];
    this.store.rolledBack();
  }

  private async send(messages: DeliveryMessage[]): Promise<void> {
    try {
      await this.host.port.queueDeliveries(messages);
    } catch (error) {
      // Not lost: each stays pending, and the alarm sends it again once it is overdue.
      console.error(`run ${messages[0].run}: queueing ${messages.length} webhook deliveries failed; the alarm sends them again`, error);
    }
  }

  /**
   * The alarm time with the deliveries counted, given the timers' earliest: a pending delivery is
   * looked at once it is overdue by the grace (its message may be lost), one in flight once its
   * attempt could have timed out. Computed from the deliveries, never written as timers.
   */
  alarmAt(timers: number | null): number | null {
    const pending = this.store.pendingDue();
    if (pending.size === 0) return timers;
    const grace = sweepGraceMs(this.host.bindings);
    let at = timers;
    for (const [seq, due] of pending) {
      const held = this.inflight.get(seq);
      const look = held ? held.since + LEASE_MS : due + grace;
      if (at === null || look < at) at = look;
    }
    return at;
  }

  /** From the alarm: every delivery overdue by the grace and not in flight gets a new message. */
  async sweep(now: number): Promise<void> {
    const run = this.host.currentRun();
    if (!run) return;
    const grace = sweepGraceMs(this.host.bindings);
    const lost = [...this.store.pendingDue()].filter(([seq, due]) => due + grace <= now && !this.inflight.has(seq)).map(([seq]) => seq);
    if (lost.length === 0) return;
    const messages = this.host.transaction(() =>
      lost.flatMap((seq) => {
        const mid = this.store.resend(seq, now);
        return mid === null ? [] : [{ run: run.id, id: deliveryId(run.id, seq), mid }];
      }),
    );
    if (messages.length > 0) await this.send(messages);
  }

  /**
   * One attempt, when the queue brings message `mid` of delivery `seq`. Answers ms until the
   * message should come back (the next attempt, or an early message's), or null to ack it: the
   * delivery is done, or the message is stale or a copy of one being attempted.
   */
  async attempt(seq: number, mid: number): Promise<number | null> {
    const run = this.host.currentRun();
    const row = run ? this.store.get(seq) : null;
    if (!run || !row || row.status !== "pending" || row.payload === null || row.mid !== mid) return null;
    const held = this.inflight.get(seq);
    if (held) return held.mid === mid ? null : IN_FLIGHT_RETRY_MS;
    const now = Date.now();
    const wait = (row.dueAt ?? now) - now;
    if (wait > EARLY_MS) return wait;
    this.inflight.set(seq, { mid, since: now });
    let record: AttemptRecord;
    try {
      record = await attemptDelivery(
        this.host.bindings,
        { id: deliveryId(run.id, seq), appId: run.appId, url: row.url, payload: row.payload, attempt: row.attempts.length + 1 },
        this.host.port.signingSecrets,
      );
    } finally {
      this.inflight.delete(seq);
    }
    const taken = this.store.recordAttempt(seq, mid, record);
    this.host.rearm();
    return taken && record.status === "pending" && record.nextAttemptAt !== null ? record.nextAttemptAt - Date.now() : null;
  }

  /** The queue gave up on message `mid`: if it was still the delivery's, the delivery is failed. */
  deadLettered(seq: number, mid: number): void {
    if (this.host.currentRun() && this.store.fail(seq, mid, DEAD_LETTERED, Date.now())) this.host.rearm();
  }

  /**
   * Objects made before deliveries were kept here may hold webhook bodies in their outbox that
   * never reached D1: they become deliveries. One that D1 has already is left to the D1 path, so
   * nothing is sent twice.
   */
  adoptOutbox(): Promise<void> {
    this.adopting ??= this.adopt().finally(() => {
      this.adopting = null;
    });
    return this.adopting;
  }

  private async adopt(): Promise<void> {
    const store = this.host.store;
    const run = this.host.currentRun();
    if (!run) return;
    try {
      for (const entry of store.outbox()) {
        const inD1 = await this.host.port.legacyDeliveryExists(entry.id);
        this.host.transaction(() => {
          if (!inD1 && run.purgedAt === null) {
            const seq = this.store.insert(entry, Date.now());
            this.unsent.push({ run: run.id, id: deliveryId(run.id, seq), mid: FIRST_MID });
          }
          store.deleteOutbox(entry.id);
        });
        this.flush();
      }
    } catch (error) {
      console.error(`run ${run.id}: adopting the outbox failed; retrying`, error);
      store.addTimer({ id: "outbox", kind: "outbox", dueAt: Date.now() + OUTBOX_RETRY_MS, stepId: null, data: null });
      this.host.rearm();
    }
  }

  // ---- the API's view -------------------------------------------------------------------

  private owned(appId: string): Result<RunRecord> {
    const run = this.host.currentRun();
    return run && run.appId === appId ? ok(run) : err("RUN_NOT_FOUND", "run was not found");
  }

  /** Newest first, before sequence `before` when given. */
  list(appId: string, before: number | null, limit: number): Result<DeliveryView[]> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    return ok(this.store.list(before, limit).map((row) => deliveryView(facts(owned.value.id, row))));
  }

  detail(appId: string, seq: number): Result<DeliveryDetail> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    const row = this.store.get(seq);
    if (!row) return err("NOT_FOUND", `delivery ${deliveryId(owned.value.id, seq)} was not found`);
    return ok(deliveryDetailView(facts(owned.value.id, row), row.payload, row.attempts));
  }

  /** Sends a delivery again now, whatever its state; its attempts so far stay on record. */
  async redeliver(appId: string, seq: number): Promise<Result<DeliveryDetail>> {
    const owned = this.owned(appId);
    if (!owned.ok) return owned;
    const run = owned.value;
    const id = deliveryId(run.id, seq);
    if (!this.store.get(seq)) return err("NOT_FOUND", `delivery ${id} was not found`);
    const mid = run.purgedAt === null ? this.store.redeliver(seq, Date.now()) : null;
    if (mid === null) return err("RUN_PURGED", `run ${run.id} was purged; delivery ${id} has nothing left to send`);
    this.host.rearm();
    await this.send([{ run: run.id, id, mid }]);
    return this.detail(appId, seq);
  }
}
