import type { RunEvent } from "@stepline/client";
import type { StreamPhase } from "../lib/use-run-stream";
import { JsonView } from "./json-view";
import { ErrorMessage } from "./states";

const PHASE_TEXT: Record<StreamPhase, string> = {
  connecting: "Connecting to the live stream…",
  live: "Live: new events appear as they happen.",
  ended: "The run has ended: this is its whole log.",
  failed: "The live stream stopped.",
};

/** The run's event log, newest last, each event's data folded under it. */
export function EventLog({ events, phase, error }: { events: RunEvent[]; phase: StreamPhase; error: unknown }) {
  return (
    <div className="event-log">
      <p className={`stream-phase phase-${phase}`} role="status">
        {PHASE_TEXT[phase]} {events.length} {events.length === 1 ? "event" : "events"}.
      </p>
      {phase === "failed" && <ErrorMessage error={error} />}
      <ol>
        {events.map((event) => (
          <li key={event.seq} data-seq={event.seq} data-type={event.type}>
            <details>
              <summary>
                <span className="seq">#{event.seq}</span> <code>{event.type}</code>
                {event.step_id && <span> · {event.step_id}</span>}{" "}
                <time dateTime={event.at} className="muted">
                  {new Date(event.at).toLocaleTimeString()}
                </time>
              </summary>
              {event.data === null || event.data === undefined ? <p className="muted">No data.</p> : <JsonView value={event.data} />}
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
