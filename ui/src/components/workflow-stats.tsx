import { useState } from "react";
import { formatDuration, toLocalInput } from "../lib/format";
import { formatRate, STATS_WINDOWS, type StatsWindow, useWorkflowStats, type WorkflowStats } from "../lib/use-workflow-stats";
import { Link } from "../router";
import { QueryView } from "./states";
import "../styles/stats.css";

const WINDOW_NAMES: Record<StatsWindow, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

const OUTCOMES = [
  { key: "completed", label: "Completed" },
  { key: "failed", label: "Failed" },
  { key: "cancelled", label: "Cancelled" },
  { key: "in_progress", label: "In progress" },
] as const;

/** How a workflow's runs went: counts, a chart per hour or day, durations and failing steps, for a chosen window. */
export function WorkflowStatsView({ workflowId }: { workflowId: string }) {
  const [span, setSpan] = useState<StatsWindow>("7d");
  const stats = useWorkflowStats(workflowId, span);

  return (
    <div className="workflow-stats">
      <fieldset className="toolbar stats-window">
        <legend className="visually-hidden">Window</legend>
        {STATS_WINDOWS.map((w) => (
          <button key={w} type="button" aria-pressed={w === span} onClick={() => setSpan(w)}>
            {WINDOW_NAMES[w]}
          </button>
        ))}
      </fieldset>
      <QueryView query={stats} label="Loading the stats">
        {(s) => <StatsBody stats={s} workflowId={workflowId} />}
      </QueryView>
    </div>
  );
}

function StatsBody({ stats, workflowId }: { stats: WorkflowStats; workflowId: string }) {
  const runs = stats.runs;
  const inProgress = runs.queued + runs.running + runs.waiting + runs.paused;
  // The window's runs: those created since its start.
  const runsLink = (query: string) => `/runs?workflow_id=${workflowId}&after=${encodeURIComponent(toLocalInput(stats.from))}&${query}`;
  return (
    <>
      <dl className="facts stats-counts">
        <dt>Runs started</dt>
        <dd>{runs.started}</dd>
        <dt>Completed</dt>
        <dd>{runs.completed}</dd>
        <dt>Failed</dt>
        <dd>{runs.failed > 0 ? <Link to={runsLink("status=failed")}>{runs.failed}</Link> : 0}</dd>
        <dt>Cancelled</dt>
        <dd>{runs.cancelled}</dd>
        <dt>In progress</dt>
        <dd>{inProgress}</dd>
        <dt>Success rate</dt>
        <dd>{stats.success_rate === null ? "— (no run ended)" : formatRate(stats.success_rate)}</dd>
        <dt>Duration p50 / p95 / max</dt>
        <dd>
          {stats.duration_ms.max === null
            ? "—"
            : `${formatDuration(stats.duration_ms.p50)} / ${formatDuration(stats.duration_ms.p95)} / ${formatDuration(stats.duration_ms.max)}`}
        </dd>
      </dl>
      <RunsChart stats={stats} />
      <h3>Failing steps</h3>
      {stats.failures.by_step.length === 0 ? (
        <p className="muted">No run failed in this window.</p>
      ) : (
        <ul className="stats-failures">
          {stats.failures.by_step.map((f) => (
            <li key={f.step_id ?? ""}>
              {f.step_id === null ? (
                "the run's output"
              ) : (
                <Link to={runsLink(`status=failed&failed_step=${encodeURIComponent(f.step_id)}`)}>
                  <code>{f.step_id}</code>
                </Link>
              )}
              : {f.count} failed {f.count === 1 ? "run" : "runs"}
            </li>
          ))}
        </ul>
      )}
      {stats.failures.by_error_code.length > 0 && (
        <p>
          Error codes:{" "}
          {stats.failures.by_error_code.map((f, i) => (
            <span key={f.error_code ?? ""}>
              {i > 0 && ", "}
              {f.error_code === null ? (
                "none"
              ) : (
                <Link to={runsLink(`status=failed&error_code=${encodeURIComponent(f.error_code)}`)}>
                  <code>{f.error_code}</code>
                </Link>
              )}{" "}
              ({f.count})
            </span>
          ))}
        </p>
      )}
    </>
  );
}

const bucketLabel = (start: string, unit: "hour" | "day") => {
  const d = new Date(start);
  return unit === "hour"
    ? d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : d.toLocaleDateString([], { month: "short", day: "numeric" });
};

/**
 * Runs per bucket as stacked bars, one pattern and colour per outcome (a legend names them);
 * the same numbers are a table beneath, for whoever does not see the chart.
 */
function RunsChart({ stats }: { stats: WorkflowStats }) {
  const totals = stats.series.map((b) => b.completed + b.failed + b.cancelled + b.in_progress);
  const max = Math.max(1, ...totals);
  const per = stats.bucket === "hour" ? "hour" : "day";
  // Enough labels to place the bars in time, few enough to fit under them.
  const every = stats.series.length <= 7 ? 1 : stats.series.length <= 24 ? 6 : 5;
  const labelled = (i: number) => (stats.series.length - 1 - i) % every === 0;
  return (
    <figure className="stats-chart">
      <figcaption>
        Runs per {per}, {stats.runs.started} in all (the tallest bar: {Math.max(0, ...totals)})
      </figcaption>
      <ul className="stats-legend" aria-hidden="true">
        {OUTCOMES.map((o) => (
          <li key={o.key}>
            <span className={`stats-swatch outcome-${o.key}`} /> {o.label}
          </li>
        ))}
      </ul>
      <div className="stats-bars" aria-hidden="true">
        {stats.series.map((b) => (
          <div key={b.start} className="stats-bar">
            {OUTCOMES.map((o) =>
              b[o.key] > 0 ? <span key={o.key} className={`outcome-${o.key}`} style={{ height: `${(b[o.key] / max) * 100}%` }} /> : null,
            )}
          </div>
        ))}
      </div>
      <div className="stats-axis" aria-hidden="true">
        {stats.series.map((b, i) => (
          <span key={b.start}>{labelled(i) ? bucketLabel(b.start, stats.bucket) : ""}</span>
        ))}
      </div>
      <details>
        <summary>The chart's numbers</summary>
        <table className="list stats-table">
          <thead>
            <tr>
              <th scope="col">{per === "hour" ? "Hour" : "Day"}</th>
              {OUTCOMES.map((o) => (
                <th key={o.key} scope="col">
                  {o.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.series.map((b) => (
              <tr key={b.start}>
                <th scope="row">{bucketLabel(b.start, stats.bucket)}</th>
                {OUTCOMES.map((o) => (
                  <td key={o.key} data-label={o.label}>
                    {b[o.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
