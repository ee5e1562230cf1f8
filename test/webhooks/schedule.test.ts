import { describe, expect, it } from "vitest";
import {
  nextDelayMs,
  retryAfterMs,
  retrySchedule,
  STANDARD_SCHEDULE_SECONDS,
  sweepGraceMs,
  sweepIntervalMs,
} from "../../src/webhooks/schedule";

describe("a delivery's back-off", () => {
  it("follows the Standard Webhooks schedule unless WEBHOOK_RETRY_SCHEDULE names a valid one", () => {
    expect(retrySchedule({})).toEqual([0, 5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400]);
    expect(retrySchedule({ WEBHOOK_RETRY_SCHEDULE: " 0, 1 ,2.5 " })).toEqual([0, 1, 2.5]);
    for (const bad of ["", "   ", "0,soon", "0,-1"]) {
      expect(retrySchedule({ WEBHOOK_RETRY_SCHEDULE: bad }), JSON.stringify(bad)).toBe(STANDARD_SCHEDULE_SECONDS);
    }
  });

  it("keeps each delay within ±10% of the schedule's, reaching both ends", () => {
    const schedule = STANDARD_SCHEDULE_SECONDS;
    expect(nextDelayMs(1, schedule, () => 0)).toBe(4500);
    expect(nextDelayMs(1, schedule, () => 0.5)).toBe(5000);
    expect(nextDelayMs(1, schedule, () => 0.999_999)).toBe(5500);
    for (let attempt = 0; attempt < schedule.length; attempt++) {
      const delay = nextDelayMs(attempt, schedule) as number;
      expect(delay).toBeGreaterThanOrEqual(Math.round(schedule[attempt] * 900));
      expect(delay).toBeLessThanOrEqual(Math.round(schedule[attempt] * 1100));
    }
  });

  it("gives up after the schedule's last attempt: ten attempts in all by default", () => {
    expect(nextDelayMs(STANDARD_SCHEDULE_SECONDS.length - 1, STANDARD_SCHEDULE_SECONDS)).not.toBeNull();
    expect(nextDelayMs(STANDARD_SCHEDULE_SECONDS.length, STANDARD_SCHEDULE_SECONDS)).toBeNull();
    expect(nextDelayMs(3, [0, 1, 1])).toBeNull();
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");

  it("reads seconds or an HTTP date, a past date as now, and ignores what it cannot read", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 7 ", now)).toBe(7000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    for (const unreadable of [null, "", "soon"]) expect(retryAfterMs(unreadable, now), String(unreadable)).toBeNull();
  });
});

describe("the sweep for lost queue messages", () => {
  it("runs every WEBHOOK_SWEEP_SECONDS (60 by default, at least 1) and waits at most 30 s past a due delivery", () => {
    expect(sweepIntervalMs({})).toBe(60_000);
    expect(sweepIntervalMs({ WEBHOOK_SWEEP_SECONDS: "2" })).toBe(2000);
    expect(sweepIntervalMs({ WEBHOOK_SWEEP_SECONDS: "0.1" })).toBe(1000);
    expect(sweepGraceMs({})).toBe(30_000);
    expect(sweepGraceMs({ WEBHOOK_SWEEP_SECONDS: "2" })).toBe(2000);
  });
});
