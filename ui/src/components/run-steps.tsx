import type { Run, RunStep } from "@stepline/client";
import { between, formatDuration, formatTime } from "../lib/format";
import { JsonView } from "./json-view";
import { Status } from "./status";

function Waiting({ step }: { step: RunStep }) {
  const wait = step.waiting_for;
  if (!wait) return null;
  const text =
    wait.kind === "sleep"
      ? `Sleeping until ${formatTime(wait.until)}`
      : wait.kind === "event"
        ? `Waiting for ${wait.events.join(" or ")}${wait.timeout_at ? ` until ${formatTime(wait.timeout_at)}` : ""}`
        : wait.kind === "callback"
          ? `Waiting for its callback${wait.timeout_at ? ` until ${formatTime(wait.timeout_at)}` : ""}`
          : `Waiting for child run ${wait.run_id}`;
  return <p className="muted">{text}</p>;
}

/** Every step of the run, folded: status, attempts and timing, then input, output and error as JSON. */
export function RunSteps({ run }: { run: Run }) {
  if (run.outputs_purged_at) {
    return <p className="muted">Step inputs and outputs were purged at {formatTime(run.outputs_purged_at)}.</p>;
  }
  return (
    <div className="steps">
      {run.steps.map((step) => (
        <details key={step.id} id={`step-${step.id}`} className={`step status-${step.status}`}>
          <summary>
            <strong>{step.name ?? step.id}</strong> <span className="muted">{step.type}</span> <Status value={step.status} />
            <span className="muted">
              {step.attempts > 1 ? ` · ${step.attempts} attempts` : ""} · {formatDuration(between(step.started_at, step.ended_at))}
            </span>
          </summary>
          <Waiting step={step} />
          {step.next_attempt_at && <p className="muted">Next attempt at {formatTime(step.next_attempt_at)}</p>}
          {step.used_fallback && <p className="muted">Ran its fallback.</p>}
          {step.input !== undefined && <JsonView value={step.input} label="input" />}
          {step.output !== undefined && <JsonView value={step.output} label="output" />}
          {step.error && <JsonView value={step.error} label="error" openDepth={2} />}
        </details>
      ))}
    </div>
  );
}
