import { iso } from "../lib/json";

/** A delivery as the API shows it, whichever store keeps it (the run's object, or D1 for older ones). */

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface DeliveryFacts {
  id: string;
  runId: string;
  event: string;
  url: string;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
}

export interface AttemptFacts {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: number;
}

export function deliveryView(d: DeliveryFacts) {
  return {
    id: d.id,
    run_id: d.runId,
    event: d.event,
    url: d.url,
    status: d.status,
    attempt_count: d.attemptCount,
    next_attempt_at: d.status === "pending" ? iso(d.nextAttemptAt) : null,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
    delivered_at: iso(d.deliveredAt),
  };
}

/** With the body sent (null once the run was purged) and every attempt. */
export function deliveryDetailView(d: DeliveryFacts, payload: string | null, attempts: AttemptFacts[]) {
  return {
    ...deliveryView(d),
    payload: payload === null ? null : (JSON.parse(payload) as unknown),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      status_code: a.statusCode,
      error: a.error,
      duration_ms: a.durationMs,
      at: iso(a.at),
    })),
  };
}

export type DeliveryView = ReturnType<typeof deliveryView>;
export type DeliveryDetail = ReturnType<typeof deliveryDetailView>;
