import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { upsertRunIndexMany } from "../../../src/services/run-index";
import { startRun as startRunAt } from "../../../src/services/runs";
import { completedSummary, runIdAt } from "../../support/run-ids";
import { type Call, createWorkflow, newApp, startRun, waitForRun } from "../../support/worker";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Completes, or fails at step `boom` with BOOM when the input says so. */
const MAYBE_FAILS = {
  name: "maybe fails",
  steps: [
    { id: "check", type: "transform", config: { value: "{{ input.n }}" } },
    { id: "boom", type: "fail", depends_on: ["check"], if: "{{ input.fail }}", config: { message: "no", code: "BOOM" } },
  ],
};

async function runTo(call: Call, workflowId: string, input: Record<string, unknown>) {
  const run = await startRun(call, workflowId, { input });
  return waitForRun(call, run.id);
}

/** Runs created at chosen times (their ids carry the time), through the engine. */
async function runAt(call: Call, appId: string, workflowId: string, ms: number, input: Record<string, unknown>) {
  const id = runIdAt(ms);
  await startRunAt(env, appId, { workflowId, id, input });
  return waitForRun(call, id);
}

describe("GET /v1/workflows/{id}/stats", () => {
  it("counts completed and failed runs, the success rate, the failing step and error code, by the engine's runs", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, MAYBE_FAILS);
    const other = await createWorkflow(app.call, MAYBE_FAILS);
    const runs = [
      await runTo(app.call, wf, { n: 1 }),
      await runTo(app.call, wf, { n: 2 }),
      await runTo(app.call, wf, { n: 3, fail: true }),
    ];
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "failed"]);
    await runTo(app.call, other, { fail: true }); // another workflow's run is not counted

    const res = await app.call("GET", `/v1/workflows/${wf}/stats`);
    expect(res.status).toBe(200);
    const stats = res.body;
    expect(stats).toMatchObject({
      workflow_id: wf,
      window: "7d",
      bucket: "day",
      runs: { started: 3, completed: 2, failed: 1, cancelled: 0, running: 0, waiting: 0, queued: 0, paused: 0 },
      failures: { by_step: [{ step_id: "boom", count: 1 }], by_error_code: [{ error_code: "BOOM", count: 1 }] },
      last_run: { id: runs[2].id, status: "failed" },
    });
    expect(stats.success_rate).toBeCloseTo(2 / 3, 10);
    expect(stats.series).toHaveLength(7);
    expect(stats.series.at(-1)).toMatchObject({ completed: 2, failed: 1, cancelled: 0, in_progress: 0 });
    expect(stats.series.slice(0, 6).every((b: Record<string, number>) => b.completed + b.failed + b.cancelled + b.in_progress === 0)).toBe(
      true,
    );
    const durations = runs.map((r) => r.usage.duration_ms).sort((a: number, b: number) => a - b);
    expect(stats.duration_ms).toEqual({ p50: durations[1], p95: durations[2], max: durations[2] });

    // The failing step links to a list of exactly those runs.
    const failedAtBoom = await app.call("GET", `/v1/runs?workflow_id=${wf}&failed_step=boom`);
    expect(failedAtBoom.body.data.map((r: { id: string }) => r.id)).toEqual([runs[2].id]);
    expect(failedAtBoom.body.data[0]).toMatchObject({ error_code: "BOOM", error_step: "boom" });
    const byCode = await app.call("GET", `/v1/runs?error_code=BOOM`);
    expect(byCode.body.data).toHaveLength(2);
  });

  it("counts only the runs created in the window: hourly for 24h, daily for 7d and 30d, every bucket present", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, MAYBE_FAILS);
    const now = Date.now();
    await runAt(app.call, app.id, wf, now - 2 * HOUR, { n: 1 }); // in every window
    await runAt(app.call, app.id, wf, now - 3 * DAY, { n: 2, fail: true }); // 7d and 30d
    await runAt(app.call, app.id, wf, now - 20 * DAY, { n: 3 }); // 30d only
    await runAt(app.call, app.id, wf, now - 45 * DAY, { n: 4, fail: true }); // none: an older shard too

    const get = async (window: string) => (await app.call("GET", `/v1/workflows/${wf}/stats?window=${window}`)).body;
    const day = await get("24h");
    expect(day).toMatchObject({ window: "24h", bucket: "hour", runs: { started: 1, completed: 1, failed: 0 }, success_rate: 1 });
    expect(day.series).toHaveLength(24);
    expect(Date.parse(day.to) - Date.parse(day.from)).toBe(24 * HOUR);
    const hourOfRun = Math.floor((now - 2 * HOUR) / HOUR) * HOUR;
    expect(day.series.find((b: { start: string }) => Date.parse(b.start) === hourOfRun)).toMatchObject({ completed: 1 });
    expect(day.series.reduce((sum: number, b: { completed: number }) => sum + b.completed, 0)).toBe(1);

    const week = await get("7d");
    expect(week).toMatchObject({ runs: { started: 2, completed: 1, failed: 1 }, success_rate: 0.5 });
    expect(week.series).toHaveLength(7);
    expect(week.series[3]).toMatchObject({ failed: 1 }); // three days before today's bucket

    const month = await get("30d");
    expect(month).toMatchObject({ runs: { started: 3, completed: 2, failed: 1 } });
    expect(month.series).toHaveLength(30);
    expect(month.series[9]).toMatchObject({ completed: 1 }); // twenty days before today's bucket
    expect(month.success_rate).toBeCloseTo(2 / 3, 10);
  });

  it("gives the duration percentiles of ended runs: exact below a second, three significant digits above, max exact", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, MAYBE_FAILS);
    const now = Date.now();
    // Summaries written to the index as the backfill writes them, with chosen durations.
    const durations = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 12_345];
    const summaries = durations.map((ms, i) =>
      completedSummary(app.id, wf, now - HOUR + i, {
        createdAt: now - HOUR,
        startedAt: now - HOUR,
        endedAt: now - HOUR + ms,
        updatedAt: now,
      }),
    );
    // One still running: counted, but not among the durations.
    summaries.push({ ...summaries[0], id: runIdAt(now - HOUR + 50), status: "running", endedAt: null });
    await upsertRunIndexMany(env, app.id, summaries);

    const stats = (await app.call("GET", `/v1/workflows/${wf}/stats?window=24h`)).body;
    expect(stats.runs).toMatchObject({ started: 12, completed: 11, running: 1 });
    expect(stats.success_rate).toBe(1);
    // Nearest rank of 11: p50 is the 6th, p95 the 11th (12 345 ms kept as 12 300).
    expect(stats.duration_ms).toEqual({ p50: 600, p95: 12_300, max: 12_345 });
    expect(stats.series.at(-2).completed + stats.series.at(-1).completed).toBe(11);
  });

  it("answers zeros, a null rate and every empty bucket for a workflow without runs", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, MAYBE_FAILS);
    const res = await app.call("GET", `/v1/workflows/${wf}/stats?window=30d`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      runs: { started: 0, completed: 0, failed: 0, cancelled: 0 },
      success_rate: null,
      duration_ms: { p50: null, p95: null, max: null },
      failures: { by_step: [], by_error_code: [] },
      last_run: null,
    });
    expect(res.body.series).toHaveLength(30);
    expect(res.body.series.every((b: Record<string, number>) => b.completed + b.failed + b.cancelled + b.in_progress === 0)).toBe(true);
  });

  it("refuses a window it does not know, naming it, and answers 404 for an unknown workflow", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, MAYBE_FAILS);
    for (const window of ["1h", "7", "", "30D"]) {
      const res = await app.call("GET", `/v1/workflows/${wf}/stats?window=${window}`);
      expect(res.status, window).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(JSON.stringify(res.body.error)).toContain("window");
    }
    const missing = await app.call("GET", "/v1/workflows/0193f0aa-0000-7000-8000-000000000000/stats");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("WORKFLOW_NOT_FOUND");
    // Another app's workflow is as unknown as one that never was.
    const stranger = await newApp();
    expect((await stranger.call("GET", `/v1/workflows/${wf}/stats`)).status).toBe(404);
  });

  it("is open to a read-only key", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, MAYBE_FAILS);
    await runTo(app.call, wf, { n: 1 });
    const key = await app.call("POST", "/v1/keys", { name: "reader", scopes: ["read"] });
    expect(key.status).toBe(201);
    const res = await app.call("GET", `/v1/workflows/${wf}/stats?window=24h`, undefined, { "x-api-key": key.body.key });
    expect(res.status).toBe(200);
    expect(res.body.runs.completed).toBe(1);
  });
});
