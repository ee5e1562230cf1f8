import type { WebhookDelivery } from "@stepline/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatTime } from "../lib/format";
import { useStepline } from "../session";
import { ScopeGate } from "./scope-gate";
import { ErrorMessage, QueryView } from "./states";
import { Status } from "./status";

/** The run's webhook deliveries, each with its attempts on demand and a button to send it again. */
// A run's last webhooks are written just after it ends: keep looking a little longer.
const SETTLE_MS = 15_000;

export function Deliveries({ runId, endedAt }: { runId: string; endedAt: string | null }) {
  const stepline = useStepline();
  const deliveries = useQuery({
    queryKey: ["deliveries", runId],
    queryFn: ({ signal }) => stepline.deliveries.list(runId, { limit: 100 }, { signal }),
    // Deliveries change on their own (attempts, retries): look again while any is pending.
    refetchInterval: (query) =>
      !endedAt || Date.now() - Date.parse(endedAt) < SETTLE_MS || query.state.data?.data.some((d) => d.status === "pending")
        ? 3_000
        : false,
  });
  return (
    <QueryView query={deliveries} label="Loading deliveries">
      {({ data }) =>
        data.length === 0 ? (
          <p className="muted">No webhook was sent for this run.</p>
        ) : (
          <ul className="deliveries">
            {data.map((delivery) => (
              <Delivery key={delivery.id} delivery={delivery} />
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}

function Delivery({ delivery }: { delivery: WebhookDelivery }) {
  const stepline = useStepline();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const detail = useQuery({
    queryKey: ["delivery", delivery.id, delivery.updated_at],
    queryFn: ({ signal }) => stepline.deliveries.get(delivery.id, { signal }),
    enabled: open,
  });
  const redeliver = useMutation({
    mutationFn: () => stepline.deliveries.redeliver(delivery.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["deliveries", delivery.run_id] }),
  });

  return (
    <li className="delivery" data-delivery={delivery.id} data-status={delivery.status}>
      <div className="delivery-head">
        <code>{delivery.event}</code> <Status value={delivery.status} />
        <span className="muted">
          {" "}
          {delivery.attempt_count} {delivery.attempt_count === 1 ? "attempt" : "attempts"}
          {delivery.last_status_code !== null && ` · last answer ${delivery.last_status_code}`}
          {delivery.last_error && ` · ${delivery.last_error}`}
        </span>
        <ScopeGate scope="run" inline>
          <button type="button" onClick={() => redeliver.mutate()} disabled={redeliver.isPending}>
            {redeliver.isPending ? "Sending…" : "Redeliver"}
          </button>
        </ScopeGate>
      </div>
      <p className="muted url">{delivery.url}</p>
      {redeliver.isError && <ErrorMessage error={redeliver.error} />}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Attempts</summary>
        {open && (
          <QueryView query={detail} label="Loading attempts">
            {(d) => (
              <table className="list compact">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">At</th>
                    <th scope="col">Answer</th>
                    <th scope="col">Took</th>
                  </tr>
                </thead>
                <tbody>
                  {d.attempts.map((a) => (
                    <tr key={a.attempt}>
                      <td data-label="#">{a.attempt}</td>
                      <td data-label="At">{formatTime(a.at)}</td>
                      <td data-label="Answer">{a.status_code ?? a.error ?? "—"}</td>
                      <td data-label="Took">{a.duration_ms} ms</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryView>
        )}
      </details>
    </li>
  );
}
