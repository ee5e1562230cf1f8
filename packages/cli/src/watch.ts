import type { Run, RunEvent, Stepline } from "@stepline/client";
import { bar, duration, inline, type Paint, paintFor } from "./format.js";

interface StepError {
  code?: string;
  message?: string;
}

type EventData = {
  attempt?: number;
  duration_ms?: number;
  error?: StepError;
  next_attempt_at?: string;
  kind?: string;
  events?: string[];
  until?: string;
  fallback?: string;
  from?: string;
} | null;

const errorText = (error: StepError | null | undefined) =>
  error ? [error.code, error.message].filter(Boolean).join(": ") : "unknown error";

/**
 * Prints a run's steps as they happen (its stream from the first event, so a run that is
 * already under way shows what it did so far), with a progress bar on every step that ends,
 * then the output or the error. Answers the run as it ended.
 */
export async function watchRun(stepline: Stepline, runId: string, out: NodeJS.WriteStream): Promise<Run> {
  const paint = paintFor(out);
  const write = (line: string) => out.write(`${line}\n`);
  const first = await stepline.runs.get(runId);
  write(paint.bold(`Run ${first.id}`) + paint.dim(`  workflow ${first.workflow_id}, version ${first.version}`));

  const total = first.total_steps;
  const ended = new Set<string>();
  const width = Math.max(8, ...first.steps.map((s) => s.id.length));
  const progress = () => paint.dim(bar(ended.size, total));
  const stepLine = (mark: string, stepId: string, text: string) => write(`  ${mark} ${stepId.padEnd(width)}  ${text}`);

  for await (const event of stepline.runs.stream(runId)) {
    renderEvent(event, { paint, write, stepLine, progress, ended });
  }
  const run = await stepline.runs.get(runId);
  const took = run.usage.duration_ms;
  if (run.status === "completed") {
    write(paint.green(`Completed in ${duration(took)}`));
    write(`Output: ${inline(run.output)}`);
  } else if (run.status === "failed") {
    const where = run.error?.step_id ? ` (step ${run.error.step_id})` : "";
    write(paint.red(`Failed after ${duration(took)}: ${errorText(run.error)}${where}`));
  } else {
    write(paint.yellow(`Run ${run.status}`));
  }
  return run;
}

interface Renderer {
  paint: Paint;
  write(line: string): void;
  stepLine(mark: string, stepId: string, text: string): void;
  progress(): string;
  ended: Set<string>;
}

function renderEvent(event: RunEvent, r: Renderer): void {
  const data = event.data as EventData;
  const step = event.step_id ?? "";
  const { paint } = r;
  switch (event.type) {
    case "step.started":
      if ((data?.attempt ?? 1) > 1) r.stepLine(paint.dim(">"), step, `running (attempt ${data?.attempt})`);
      else r.stepLine(paint.dim(">"), step, "running");
      return;
    case "step.completed":
      r.ended.add(step);
      r.stepLine(paint.green("✓"), step, `completed ${duration(data?.duration_ms ?? 0).padStart(7)}  ${r.progress()}`);
      return;
    case "step.skipped":
      r.ended.add(step);
      r.stepLine(paint.dim("-"), step, `skipped             ${r.progress()}`);
      return;
    case "step.failed":
      r.stepLine(paint.red("✗"), step, `failed: ${errorText(data?.error)}`);
      return;
    case "step.retrying":
      r.stepLine(
        paint.yellow("↻"),
        step,
        `attempt ${data?.attempt} failed (${errorText(data?.error)}); retrying at ${data?.next_attempt_at}`,
      );
      return;
    case "step.waiting":
      r.stepLine(paint.dim("…"), step, `waiting ${waitText(data)}`);
      return;
    case "step.fallback":
      r.stepLine(paint.yellow("↪"), step, `falling back to ${data?.fallback}`);
      return;
    case "step.cancelled":
      r.stepLine(paint.red("✗"), step, "cancelled");
      return;
    case "step.interrupted":
      r.stepLine(paint.yellow("!"), step, "interrupted; it runs again");
      return;
    case "run.paused":
    case "run.resumed":
    case "run.queued":
      r.write(paint.dim(`  run ${event.type.slice(4)}`));
      return;
  }
}

function waitText(data: EventData): string {
  switch (data?.kind) {
    case "sleep":
      return `until ${data.until}`;
    case "event":
      return `for ${(data.events ?? []).map((name) => `"${name}"`).join(" or ")}`;
    case "callback":
      return "for its callback";
    case "child":
      return "for its child run";
    default:
      return "";
  }
}
