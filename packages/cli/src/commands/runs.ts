import type { Run, RunStatus } from "@stepline/client";
import { arg, type Command, type Context, intFlag, jsonFlag, more, PAGE_OPTIONS, stringFlag } from "../command.js";
import { duration, inline, table, time } from "../format.js";
import { watchRun } from "../watch.js";

const exitFor = (run: Run) => (run.status === "completed" ? 0 : 1);

/** Follows the run: progress to the terminal (stderr under --json), then the run as the answer. */
async function watch(ctx: Context, runId: string): Promise<number> {
  const run = await watchRun(ctx.client(), runId, ctx.json ? process.stderr : ctx.stdout);
  if (ctx.json) ctx.answer(run, () => "");
  return exitFor(run);
}

function describe(run: Run): string {
  const lines = [
    `Run ${run.id}`,
    `  workflow  ${run.workflow_id} (version ${run.version})`,
    `  status    ${run.status}, ${run.progress}% (${run.completed_steps}/${run.total_steps} steps)`,
    `  created   ${time(run.created_at)}${run.ended_at ? `, ended ${time(run.ended_at)} after ${duration(run.usage.duration_ms)}` : ""}`,
  ];
  if (run.error)
    lines.push(`  error     ${run.error.code}: ${run.error.message}${run.error.step_id ? ` (step ${run.error.step_id})` : ""}`);
  if (run.status === "completed") lines.push(`  output    ${inline(run.output)}`);
  lines.push(
    "",
    table(
      ["STEP", "TYPE", "STATUS", "ATTEMPTS", "TOOK"],
      run.steps.map((s) => [
        s.id,
        s.type,
        s.status,
        String(s.attempts),
        s.started_at && s.ended_at ? duration(Date.parse(s.ended_at) - Date.parse(s.started_at)) : "",
      ]),
    ),
  );
  return lines.join("\n");
}

const control = (action: "cancel" | "pause" | "resume", summary: string): Command => ({
  words: ["runs", action],
  args: ["run"],
  summary,
  async run(ctx) {
    const run = await ctx.client().runs[action](arg(ctx, "run"));
    ctx.answer(run, () => `Run ${run.id} is ${run.status}`);
    return 0;
  },
});

export const runCommands: Command[] = [
  {
    words: ["runs", "start"],
    args: ["workflow"],
    summary: "Start a run of a workflow",
    options: {
      input: { type: "string", value: "JSON", description: "The run's input; @file reads a file, - reads stdin" },
      watch: { type: "boolean", short: "w", description: "Follow the run live until it ends; exit 1 unless it completes" },
      version: { type: "string", value: "N", description: "Run this version (default: the current one)" },
      profile: { type: "string", value: "NAME", description: "Whose variables the run sees (default: default)" },
      "idempotency-key": { type: "string", value: "KEY", description: "Makes the call safe to repeat: the same key answers the same run" },
    },
    async run(ctx) {
      const run = await ctx.client().runs.start(arg(ctx, "workflow"), jsonFlag(ctx, "input"), {
        version: intFlag(ctx, "version"),
        profile: stringFlag(ctx, "profile"),
        idempotencyKey: stringFlag(ctx, "idempotency-key"),
      });
      if (ctx.flags.watch) return watch(ctx, run.id);
      ctx.answer(run, () => `Started run ${run.id} (${run.status})`);
      return 0;
    },
  },
  {
    words: ["runs", "watch"],
    args: ["run"],
    summary: "Follow a run live: its steps with durations and progress, then its output or error",
    run: (ctx) => watch(ctx, arg(ctx, "run")),
  },
  {
    words: ["runs", "list"],
    summary: "List runs, newest first",
    options: {
      ...PAGE_OPTIONS,
      status: { type: "string", value: "STATUS", description: "Only runs in these statuses (comma-separated)" },
      workflow: { type: "string", value: "ID", description: "Only runs of this workflow" },
    },
    async run(ctx) {
      const page = await ctx.client().runs.list({
        limit: intFlag(ctx, "limit"),
        cursor: stringFlag(ctx, "cursor"),
        status: stringFlag(ctx, "status")?.split(",") as RunStatus[] | undefined,
        workflow_id: stringFlag(ctx, "workflow"),
      });
      ctx.answer(page, () =>
        page.data.length === 0
          ? "No runs."
          : table(
              ["ID", "WORKFLOW", "STATUS", "CREATED"],
              page.data.map((r) => [r.id, r.workflow_id, r.status, time(r.created_at)]),
            ) + more(page.next_cursor),
      );
      return 0;
    },
  },
  {
    words: ["runs", "get"],
    args: ["run"],
    summary: "Show a run: status, progress, output or error, and every step",
    async run(ctx) {
      const run = await ctx.client().runs.get(arg(ctx, "run"));
      ctx.answer(run, () => describe(run));
      return 0;
    },
  },
  control("cancel", "Cancel a run (calls in flight are aborted)"),
  control("pause", "Pause a run (steps in flight finish, no new step starts)"),
  control("resume", "Resume a paused run, or re-run a failed run's failed steps"),
  {
    words: ["runs", "replay"],
    args: ["run"],
    summary: "Start a new run of the same version and input",
    options: {
      "from-step": { type: "string", value: "STEP", description: "Steps that neither are STEP nor depend on it keep their outputs" },
      input: { type: "string", value: "JSON", description: "Another input; @file reads a file, - reads stdin" },
      watch: { type: "boolean", short: "w", description: "Follow the new run live until it ends" },
    },
    async run(ctx) {
      const run = await ctx
        .client()
        .runs.replay(arg(ctx, "run"), { from_step: stringFlag(ctx, "from-step"), input: jsonFlag(ctx, "input") });
      if (ctx.flags.watch) return watch(ctx, run.id);
      ctx.answer(run, () => `Started run ${run.id} (${run.status})`);
      return 0;
    },
  },
];
