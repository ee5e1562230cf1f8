import { describe, expect, inject, it } from "vitest";
import { type RetryPolicy, retryDelay, retryPolicy, STEP_DEFAULTS } from "../../src/engine/retries";
import { retryableStatus } from "../../src/engine/steps/http";
import { type Body, type Call, createWorkflow, fastForward, newApp, startRun, waitForRun } from "../support/worker";

const counter = inject("counterUrl");
const policy = (overrides: Partial<RetryPolicy>): RetryPolicy => ({ ...retryPolicy(), ...overrides });

describe("retryPolicy", () => {
  it("fills what a step leaves out with Cloudflare Workflows' defaults", () => {
    expect(retryPolicy()).toEqual({ maxAttempts: 5, delayMs: 10_000, backoff: "exponential", maxDelayMs: 3_600_000, onStatus: [] });
    expect(retryPolicy({ max_attempts: 1, delay: "250ms", max_delay: "1.5h", backoff: "linear", on_status: [404] })).toEqual({
      maxAttempts: 1,
      delayMs: 250,
      backoff: "linear",
      maxDelayMs: 5_400_000,
      onStatus: [404],
    });
    expect(retryPolicy({ delay: 0 }).delayMs).toBe(0);
  });
});

describe("retryDelay", () => {
  it("doubles an exponential delay after each failed attempt", () => {
    const exponential = policy({ delayMs: 1000 });
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, exponential))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("grows a linear delay by one step per attempt and keeps a constant one", () => {
    expect([1, 2, 3].map((attempt) => retryDelay(attempt, policy({ delayMs: 500, backoff: "linear" })))).toEqual([500, 1000, 1500]);
    expect([1, 7, 40].map((attempt) => retryDelay(attempt, policy({ delayMs: 500, backoff: "constant" })))).toEqual([500, 500, 500]);
  });

  it("never waits longer than max_delay, even where 2^attempt overflows", () => {
    const capped = policy({ delayMs: 1000, maxDelayMs: 5000 });
    expect(retryDelay(3, capped)).toBe(4000);
    expect(retryDelay(4, capped)).toBe(5000);
    expect(retryDelay(100, policy({}))).toBe(STEP_DEFAULTS.maxDelayMs);
    expect(retryDelay(2000, policy({}))).toBe(STEP_DEFAULTS.maxDelayMs);
  });

  it("has no jitter: the same attempt always waits the same time", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(3, policy({}))));
    expect([...delays]).toEqual([40_000]);
  });
});

describe("which failures retry", () => {
  it("retries 5xx, 408 and 429 responses and no other status by default", () => {
    for (const status of [500, 502, 503, 599, 408, 429]) expect(retryableStatus(status), String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 410, 422, 499]) expect(retryableStatus(status), String(status)).toBe(false);
  });

  /** The gaps between a failed attempt's end and the next attempt, as the run shows them. */
  async function attemptGaps(call: Call, runId: string, attempts: number): Promise<{ gaps: number[]; run: Body }> {
    const gaps: number[] = [];
    for (let attempt = 1; attempt < attempts; attempt++) {
      const waiting = await waitForRun(call, runId, (r) => r.steps[0].attempts === attempt && r.steps[0].next_attempt_at !== null);
      const step = waiting.steps[0];
      gaps.push(Date.parse(step.next_attempt_at) - Date.parse(step.ended_at ?? step.started_at));
      await fastForward(runId);
    }
    return { gaps, run: await waitForRun(call, runId) };
  }

  it("retries a 4xx named in on_status on its back-off, up to max_attempts, then fails the run", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [
        {
          id: "gone",
          type: "http",
          config: { url: `${counter}/status/404` },
          retry: { max_attempts: 3, backoff: "linear", delay: "30s", on_status: [404] },
        },
      ],
    });
    const { gaps, run } = await attemptGaps(call, (await startRun(call, wf)).id, 3);
    expect(gaps.map((gap) => Math.round(gap / 1000))).toEqual([30, 60]);
    expect(run.status).toBe("failed");
    expect(run.steps[0].attempts).toBe(3);
    expect(run.error).toMatchObject({ code: "HTTP_STATUS", step_id: "gone" });
  });

  it("fails at once on a 4xx outside on_status, and on any failure when max_attempts is 1", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [{ id: "teapot", type: "http", config: { url: `${counter}/status/418` }, retry: { on_status: [404] } }],
    });
    const run = await waitForRun(call, (await startRun(call, wf)).id);
    expect([run.status, run.steps[0].attempts]).toEqual(["failed", 1]);

    const once = await createWorkflow(call, {
      steps: [{ id: "down", type: "http", config: { url: `${counter}/status/503` }, retry: { max_attempts: 1 } }],
    });
    const failedOnce = await waitForRun(call, (await startRun(call, once)).id);
    expect([failedOnce.status, failedOnce.steps[0].attempts]).toEqual(["failed", 1]);
  });

  it("refuses a retry policy outside its bounds, naming the field", async () => {
    const { call } = await newApp();
    for (const [retry, field] of [
      [{ max_attempts: 0 }, "max_attempts"],
      [{ max_attempts: 101 }, "max_attempts"],
      [{ backoff: "random" }, "backoff"],
      [{ delay: "soon" }, "delay"],
      [{ on_status: [500] }, "on_status"],
      [{ jitter: true }, "jitter"],
    ] as const) {
      const res = await call("POST", "/v1/workflows", {
        name: "bad retry",
        steps: [{ id: "s", type: "http", config: { url: `${counter}/count/x` }, retry }],
      });
      expect(res.status, JSON.stringify(retry)).toBe(400);
      expect(JSON.stringify(res.body), JSON.stringify(retry)).toContain(field);
    }
  });
});
