import { describe, expect, it } from "vitest";
import { bucketsOf, percentiles } from "../../src/domain/stats-math";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("bucketsOf", () => {
  const now = Date.UTC(2026, 2, 1, 13, 25, 7); // 2026-03-01T13:25:07Z

  it("cuts 24h into the current UTC hour and the 23 before it", () => {
    const b = bucketsOf("24h", now);
    expect(b.unit).toBe("hour");
    expect(b.starts).toHaveLength(24);
    expect(b.starts.at(-1)).toBe(Date.UTC(2026, 2, 1, 13));
    expect(b.starts[0]).toBe(Date.UTC(2026, 1, 28, 14));
    expect(b.end).toBe(Date.UTC(2026, 2, 1, 14));
    expect(b.starts.every((s, i) => i === 0 || s - b.starts[i - 1] === HOUR)).toBe(true);
  });

  it("cuts 7d and 30d into whole UTC days, today last, across a month's end", () => {
    const week = bucketsOf("7d", now);
    expect(week.unit).toBe("day");
    expect(week.starts.map((s) => new Date(s).toISOString().slice(0, 10))).toEqual([
      "2026-02-23",
      "2026-02-24",
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
    expect(week.end).toBe(Date.UTC(2026, 2, 2));
    const month = bucketsOf("30d", now);
    expect(month.starts).toHaveLength(30);
    expect(month.end - month.starts[0]).toBe(30 * DAY);
  });

  it("starts a new bucket exactly on the hour", () => {
    expect(bucketsOf("24h", Date.UTC(2026, 0, 1, 5)).starts.at(-1)).toBe(Date.UTC(2026, 0, 1, 5));
    expect(bucketsOf("24h", Date.UTC(2026, 0, 1, 5) - 1).starts.at(-1)).toBe(Date.UTC(2026, 0, 1, 4));
  });
});

describe("percentiles", () => {
  const each = (...values: number[]) => values.map((value) => ({ value, count: 1 }));

  it("takes the nearest rank, whatever the order the values come in", () => {
    expect(percentiles(each(5, 1, 4, 2, 3), [50, 95, 100])).toEqual([3, 5, 5]);
    expect(percentiles(each(10, 20), [50, 51])).toEqual([10, 20]);
    expect(percentiles(each(7), [1, 50, 95])).toEqual([7, 7, 7]);
  });

  it("weighs each value by its count, as groups from several shards", () => {
    const groups = [
      { value: 900, count: 1 },
      { value: 100, count: 18 },
      { value: 500, count: 1 },
      { value: 100, count: 0 },
    ];
    // 20 values: the 10th is 100, the 19th is 500, the 20th 900.
    expect(percentiles(groups, [50, 95, 100])).toEqual([100, 500, 900]);
  });

  it("is null when there is nothing to rank", () => {
    expect(percentiles([], [50, 95])).toEqual([null, null]);
    expect(percentiles([{ value: 3, count: 0 }], [50])).toEqual([null]);
  });
});
