import { idAt } from "../domain/run-filter";
import { isEnded, RUN_STATUSES, type RunStatus } from "../domain/run-status";
import { bucketsOf, percentiles, type StatsWindow } from "../domain/stats-math";
import { iso } from "../lib/json";
import { monthBounds, type ShardStats, shardMonths, shardStub } from "./run-shards";
import { assertWorkflowVisible } from "./workflows";

/**
 * How a workflow's runs went in a window, from the runs index: only the shards whose months
 * meet the window are asked, each counts the id range of the window in SQL, and the counts are
 * added here. No counter is kept on the run path.
 */

type Counts = Record<RunStatus, number>;

const IN_PROGRESS = RUN_STATUSES.filter((status) => !isEnded(status));

const zeroCounts = (): Counts => Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as Counts;

/** Most first; among equals by name, null (no step, no code) last. */
const ranked = <K extends string>(counts: Map<string | null, number>, key: K) =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] === null ? 1 : b[0] === null ? -1 : a[0].localeCompare(b[0])))
    .map(([value, count]) => ({ [key]: value, count }) as Record<K, string | null> & { count: number });

export async function workflowStats(env: Env, appId: string, workflowId: string, window: StatsWindow, now = Date.now()) {
  await assertWorkflowVisible(env, appId, workflowId);
  const buckets = bucketsOf(window, now);
  const from = buckets.starts[0];
  const months = (await shardMonths(env, appId)).filter((month) => {
    const { start, end } = monthBounds(month);
    return start < buckets.end && end > from;
  });
  const bucketIds = buckets.starts.map(idAt);
  const shards: ShardStats[] = await Promise.all(
    months.map((month) => shardStub(env, appId, month).stats(workflowId, bucketIds[0], idAt(buckets.end), bucketIds)),
  );

  const totals = zeroCounts();
  const series = buckets.starts.map(zeroCounts);
  const byStep = new Map<string | null, number>();
  const byCode = new Map<string | null, number>();
  let last: { id: string; status: keyof Counts } | null = null;
  for (const group of shards.flatMap((s) => s.groups)) {
    const status = group.status as keyof Counts;
    totals[status] += group.count;
    series[group.bucket][status] += group.count;
    if (last === null || group.newest > last.id) last = { id: group.newest, status };
    if (status !== "failed") continue;
    byStep.set(group.errorStep, (byStep.get(group.errorStep) ?? 0) + group.count);
    byCode.set(group.errorCode, (byCode.get(group.errorCode) ?? 0) + group.count);
  }
  const ended = totals.completed + totals.failed + totals.cancelled;
  const [p50, p95] = percentiles(
    shards.flatMap((s) => s.durations),
    [50, 95],
  );
  const longest = shards.reduce<number | null>((max, s) => (s.longest === null ? max : Math.max(max ?? 0, s.longest)), null);
  const inProgress = (c: Counts) => IN_PROGRESS.reduce((sum, s) => sum + c[s], 0);

  return {
    workflow_id: workflowId,
    window,
    from: iso(from) as string,
    to: iso(buckets.end) as string,
    bucket: buckets.unit,
    runs: { started: ended + inProgress(totals), ...totals },
    success_rate: ended === 0 ? null : totals.completed / ended,
    duration_ms: { p50, p95, max: longest },
    failures: { by_step: ranked(byStep, "step_id"), by_error_code: ranked(byCode, "error_code") },
    last_run: last,
    series: series.map((c, i) => ({
      start: iso(buckets.starts[i]) as string,
      completed: c.completed,
      failed: c.failed,
      cancelled: c.cancelled,
      in_progress: inProgress(c),
    })),
  };
}
