import { z } from "@hono/zod-openapi";
import { RUN_STATUSES } from "../../domain/run-status";
import { STATS_WINDOWS } from "../../domain/stats-math";
import { workflowStats } from "../../services/workflow-stats";
import type { App } from "../env";
import { IdParam, json, route, time } from "../schemas";

const count = () => z.number().int().min(0);
const ms = (description: string) => z.number().int().min(0).nullable().openapi({ description });

const WorkflowStats = z
  .object({
    workflow_id: z.string(),
    window: z.enum(STATS_WINDOWS),
    from: time().openapi({ description: "The start of the first bucket: the window is whole UTC hours (24h) or days" }),
    to: time().openapi({ description: "The end of the last bucket, which holds the time of the call" }),
    bucket: z.enum(["hour", "day"]),
    runs: z
      .object({
        started: count().openapi({ description: "Runs created in the window" }),
        completed: count(),
        failed: count(),
        cancelled: count(),
        queued: count(),
        running: count(),
        waiting: count(),
        paused: count(),
      })
      .openapi({ description: "The window's runs by their status now (soft-deleted runs left out)" }),
    success_rate: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: "completed / (completed + failed + cancelled); null when no run of the window has ended" }),
    duration_ms: z
      .object({
        p50: ms("Median duration of the ended runs, start to end; null when none ended"),
        p95: ms("95th percentile (nearest rank); exact below a second, within 1% above"),
        max: ms("The longest, exact"),
      })
      .openapi({ description: "Durations of the window's ended runs" }),
    failures: z.object({
      by_step: z
        .array(z.object({ step_id: z.string().nullable(), count: count() }))
        .openapi({ description: "Failed runs by the step that failed them, most first; null: failed by the run's output" }),
      by_error_code: z.array(z.object({ error_code: z.string().nullable(), count: count() })),
    }),
    last_run: z
      .object({ id: z.string(), status: z.enum(RUN_STATUSES) })
      .nullable()
      .openapi({ description: "The newest run of the window" }),
    series: z
      .array(
        z.object({
          start: time(),
          completed: count(),
          failed: count(),
          cancelled: count(),
          in_progress: count().openapi({ description: "queued, running, waiting or paused" }),
        }),
      )
      .openapi({ description: "Every bucket of the window, oldest first, empty ones included" }),
  })
  .openapi("WorkflowStats");

const stats = route(
  {
    method: "get",
    path: "/v1/workflows/{id}/stats",
    operationId: "getWorkflowStats",
    tags: ["Workflows"],
    summary: "How the workflow's runs went in a window: counts, success rate, durations, failures and a time series",
    description:
      "Counts the runs created in the window from the runs index: only the index shards of the months the window meets are read, and in each only the window's id range.",
    request: {
      params: IdParam("id"),
      query: z.object({
        window: z.enum(STATS_WINDOWS).default("7d").openapi({ description: "24h (hourly buckets), 7d or 30d (daily)" }),
      }),
    },
    responses: { 200: json(WorkflowStats, "The stats") },
  },
  { scope: "read", errors: ["WORKFLOW_NOT_FOUND"] },
);

export function registerWorkflowStats(app: App) {
  app.openapi(stats, async (c) =>
    c.json(await workflowStats(c.env, c.get("appId"), c.req.valid("param").id, c.req.valid("query").window), 200),
  );
}
