import type { RunEvent } from "@stepline/client";
import { attemptsFrom } from "../lib/attempts";
import { formatDuration } from "../lib/format";
import { useNow } from "../lib/use-now";

/**
 * Each step's attempts as horizontal bars on one time axis, from the run's first attempt to
 * its end (or now, ticking, while it goes on). A failed attempt that will be retried is its
 * own bar, so retries and their back-off are visible.
 */
export function Timeline({ steps, events, live }: { steps: { id: string }[]; events: RunEvent[]; live: boolean }) {
  const now = useNow(1_000, live);
  const attempts = attemptsFrom(events);
  if (attempts.length === 0) return <p className="muted">No step has started yet.</p>;
  const start = Math.min(...attempts.map((a) => a.start));
  const end = Math.max(start + 1, ...attempts.map((a) => a.end ?? now));
  const span = end - start;
  const percent = (t: number) => `${((100 * (t - start)) / span).toFixed(3)}%`;

  return (
    <div className="timeline">
      <div className="timeline-axis" aria-hidden="true">
        <span>0</span>
        <span>{formatDuration(span)}</span>
      </div>
      <ol>
        {steps.map((step) => {
          const own = attempts.filter((a) => a.stepId === step.id);
          const total = own.reduce((sum, a) => sum + ((a.end ?? now) - a.start), 0);
          return (
            <li key={step.id} className="timeline-row">
              <span className="timeline-label">{step.id}</span>
              <span className="timeline-track">
                {own.map((a) => {
                  const duration = (a.end ?? now) - a.start;
                  const text = `${step.id}, attempt ${a.attempt}: ${a.outcome}, ${formatDuration(duration)}`;
                  return (
                    <span
                      key={`${a.attempt}-${a.start}`}
                      className={`timeline-bar outcome-${a.outcome}`}
                      style={{ left: percent(a.start), width: `max(3px, calc(${percent(a.start + duration)} - ${percent(a.start)}))` }}
                      title={text}
                      role="img"
                      aria-label={text}
                    />
                  );
                })}
              </span>
              <span className="timeline-duration">{own.length ? formatDuration(total) : "—"}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
