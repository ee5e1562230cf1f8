import type { AttemptRecord } from "../webhooks/attempt";
import type { AttemptFacts, DeliveryStatus } from "../webhooks/delivery-view";
import type { Tables } from "./store-schema";

/**
 * The SQL of the run object's `deliveries` table (see store-schema.ts). Pending deliveries' due
 * times are kept in memory as well, so the alarm can count them without a timer row each.
 */

export interface StoredDelivery {
  seq: number;
  event: string;
  url: string;
  status: DeliveryStatus;
  /** When the next attempt is due; null once the delivery is no longer pending. */
  dueAt: number | null;
  /** The generation of the queue message that may make the next attempt. */
  mid: number;
  attempts: AttemptFacts[];
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
}

export const FIRST_MID = 1;
const PURGED_ERROR = "the run was purged before this delivery was made";

const COLUMNS = "seq, event, url, status, due_at, mid, attempts, last_error, created_at, updated_at, delivered_at";

function fromRow(row: Record<string, SqlStorageValue>): StoredDelivery {
  return {
    seq: row.seq as number,
    event: row.event as string,
    url: row.url as string,
    status: row.status as DeliveryStatus,
    dueAt: row.due_at as number | null,
    mid: row.mid as number,
    attempts: JSON.parse(row.attempts as string),
    lastError: row.last_error as string | null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
    deliveredAt: row.delivered_at as number | null,
  };
}

export class DeliveryStore {
  /** Due times of the pending deliveries by sequence: read once, then kept with every write. */
  private due: Map<number, number> | undefined;

  constructor(
    private readonly sql: SqlStorage,
    private readonly tables: Tables,
  ) {}

  /** A new pending delivery, due at once; its sequence names it. */
  insert(entry: { event: string; url: string; payload: string }, at: number): number {
    this.tables.ensure("deliveries");
    const seq = Number(
      this.sql
        .exec(
          `INSERT INTO deliveries (event, url, payload, status, due_at, mid, attempts, created_at, updated_at)
           VALUES (?, ?, ?, 'pending', ?, ?, '[]', ?, ?) RETURNING seq`,
          entry.event,
          entry.url,
          entry.payload,
          at,
          FIRST_MID,
          at,
          at,
        )
        .one().seq,
    );
    this.pendingDue().set(seq, at);
    return seq;
  }

  get(seq: number): (StoredDelivery & { payload: string | null }) | null {
    if (!this.tables.has("deliveries")) return null;
    const row = this.sql.exec(`SELECT ${COLUMNS}, payload FROM deliveries WHERE seq = ?`, seq).toArray()[0];
    return row ? { ...fromRow(row), payload: row.payload as string | null } : null;
  }

  /** Newest first, before sequence `before` when given; without the bodies. */
  list(before: number | null, limit: number): StoredDelivery[] {
    if (!this.tables.has("deliveries") || limit <= 0) return [];
    return this.sql
      .exec(`SELECT ${COLUMNS} FROM deliveries WHERE seq < ? ORDER BY seq DESC LIMIT ?`, before ?? Number.MAX_SAFE_INTEGER, limit)
      .toArray()
      .map(fromRow);
  }

  /**
   * Appends an attempt. When the message that made it is still the delivery's (`mid`), the
   * delivery takes the attempt's outcome; otherwise a redelivery was asked for meanwhile and the
   * delivery stays pending for the newer message. Answers whether the outcome was taken.
   */
  recordAttempt(seq: number, mid: number, record: AttemptRecord): boolean {
    const row = this.sql.exec("SELECT mid, payload IS NULL AS purged FROM deliveries WHERE seq = ?", seq).toArray()[0];
    // An attempt that was in flight when its run was purged leaves nothing behind.
    if (!row || row.purged) return false;
    const attempt = JSON.stringify({
      attempt: record.attempt,
      statusCode: record.statusCode,
      error: record.error,
      durationMs: record.durationMs,
      at: record.at,
    } satisfies AttemptFacts);
    if (row.mid !== mid) {
      this.sql.exec(
        "UPDATE deliveries SET attempts = json_insert(attempts, '$[#]', json(?)), updated_at = ? WHERE seq = ?",
        attempt,
        record.at,
        seq,
      );
      return false;
    }
    const dueAt = record.status === "pending" ? record.nextAttemptAt : null;
    this.sql.exec(
      `UPDATE deliveries SET attempts = json_insert(attempts, '$[#]', json(?)), status = ?, due_at = ?, last_error = ?,
         updated_at = ?, delivered_at = ? WHERE seq = ?`,
      attempt,
      record.status,
      dueAt,
      record.error,
      record.at,
      record.status === "delivered" ? record.at : null,
      seq,
    );
    this.setDue(seq, dueAt);
    return true;
  }

  /** A new message generation for a pending delivery, due now: copies of the old message are stale. */
  resend(seq: number, at: number): number | null {
    const row = this.sql
      .exec("UPDATE deliveries SET mid = mid + 1, due_at = ? WHERE seq = ? AND status = 'pending' RETURNING mid", at, seq)
      .toArray()[0];
    if (row) this.setDue(seq, at);
    return row ? (row.mid as number) : null;
  }

  /** Pending again and due now, with a new message generation; null when there is nothing to send. */
  redeliver(seq: number, at: number): number | null {
    if (!this.tables.has("deliveries")) return null;
    const row = this.sql
      .exec(
        `UPDATE deliveries SET status = 'pending', due_at = ?, mid = mid + 1, updated_at = ?, delivered_at = NULL
         WHERE seq = ? AND payload IS NOT NULL RETURNING mid`,
        at,
        at,
        seq,
      )
      .toArray()[0];
    if (row) this.setDue(seq, at);
    return row ? (row.mid as number) : null;
  }

  /** Fails a pending delivery whose message is `mid`; answers whether it did. */
  fail(seq: number, mid: number, error: string, at: number): boolean {
    if (!this.tables.has("deliveries")) return false;
    const changed = this.sql
      .exec(
        `UPDATE deliveries SET status = 'failed', due_at = NULL, last_error = ?, updated_at = ?
         WHERE seq = ? AND mid = ? AND status = 'pending' RETURNING seq`,
        error,
        at,
        seq,
        mid,
      )
      .toArray();
    if (changed.length === 0) return false;
    this.setDue(seq, null);
    return true;
  }

  /** The run was purged: the bodies go, and a delivery not yet made stops. */
  purge(): void {
    if (!this.tables.has("deliveries")) return;
    this.sql.exec(
      `UPDATE deliveries SET payload = NULL, due_at = NULL, updated_at = ?,
         last_error = CASE WHEN status = 'pending' THEN ? ELSE last_error END,
         status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END`,
      Date.now(),
      PURGED_ERROR,
    );
    this.due = new Map();
  }

  /** Due times of the pending deliveries, by sequence. */
  pendingDue(): Map<number, number> {
    if (this.due === undefined) {
      this.due = new Map();
      if (this.tables.has("deliveries")) {
        for (const row of this.sql.exec("SELECT seq, due_at FROM deliveries WHERE status = 'pending'")) {
          this.due.set(row.seq as number, row.due_at as number);
        }
      }
    }
    return this.due;
  }

  /** A transaction was rolled back: the due times are read again when next needed. */
  rolledBack(): void {
    this.due = undefined;
  }

  private setDue(seq: number, dueAt: number | null): void {
    if (this.due === undefined) return;
    if (dueAt === null) this.due.delete(seq);
    else this.due.set(seq, dueAt);
  }
}
