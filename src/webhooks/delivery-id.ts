import { isId } from "../lib/ids";

/**
 * A delivery id is `<run_id>.<n>`, n the delivery's sequence in its run: the API finds the run
 * (whose object keeps the delivery) from the id alone. Deliveries made before deliveries moved
 * into the run objects have bare UUIDs and live in D1.
 */
export const deliveryId = (runId: string, seq: number): string => `${runId}.${seq}`;

const RUN_DELIVERY = /^([0-9a-f-]{36})\.([1-9][0-9]{0,14})$/;

export type ParsedDeliveryId = { kind: "run"; runId: string; seq: number } | { kind: "legacy"; id: string } | null;

/** Which store holds the delivery; null for an id of neither shape (a 404 without a lookup). */
export function parseDeliveryId(id: string): ParsedDeliveryId {
  const match = RUN_DELIVERY.exec(id);
  if (match && isId(match[1])) return { kind: "run", runId: match[1], seq: Number(match[2]) };
  return isId(id) ? { kind: "legacy", id } : null;
}
