/**
 * The arithmetic of a workflow's stats: windows cut into time buckets, and percentiles of
 * durations that shards count in groups (see services/workflow-stats.ts).
 */

export const STATS_WINDOWS = ["24h", "7d", "30d"] as const;
export type StatsWindow = (typeof STATS_WINDOWS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const WINDOW_BUCKETS: Record<StatsWindow, { size: number; count: number; unit: "hour" | "day" }> = {
  "24h": { size: HOUR, count: 24, unit: "hour" },
  "7d": { size: DAY, count: 7, unit: "day" },
  "30d": { size: DAY, count: 30, unit: "day" },
};

export interface Buckets {
  unit: "hour" | "day";
  /** The first instant of each bucket, oldest first; the window is [starts[0], end). */
  starts: number[];
  end: number;
}

/**
 * A window as whole UTC hours (24h) or days (7d, 30d), the last one holding `now`: every bucket
 * has the same length, so a chart's bars compare.
 */
export function bucketsOf(window: StatsWindow, now: number): Buckets {
  const { size, count, unit } = WINDOW_BUCKETS[window];
  const last = Math.floor(now / size) * size;
  const starts = Array.from({ length: count }, (_, i) => last - (count - 1 - i) * size);
  return { unit, starts, end: last + size };
}

/**
 * A duration (integer milliseconds, the SQL expression `expr`) kept to three significant
 * digits: a shard groups its runs' durations by this, so what it sends stays a few thousand
 * pairs at most however many runs it holds. Exact below a second, within 1% above.
 */
export function quantizedDurationSql(expr: string): string {
  const cases = [3, 4, 5, 6, 7, 8, 9, 10, 11]
    .map((digits) => `WHEN ${expr} < ${10 ** (digits + 1)} THEN (${expr} / ${10 ** (digits - 2)}) * ${10 ** (digits - 2)}`)
    .join(" ");
  return `CASE WHEN ${expr} < 1000 THEN ${expr} ${cases} ELSE ${expr} END`;
}

export interface CountedValue {
  value: number;
  count: number;
}

/**
 * Nearest-rank percentiles (0 < p ≤ 100) of values given with their counts, in any order;
 * null for each when there are none.
 */
export function percentiles(values: CountedValue[], ps: number[]): Array<number | null> {
  const sorted = values.filter((v) => v.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.count, 0);
  return ps.map((p) => {
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * total));
    let seen = 0;
    for (const v of sorted) {
      seen += v.count;
      if (seen >= rank) return v.value;
    }
    return sorted[sorted.length - 1].value;
  });
}
