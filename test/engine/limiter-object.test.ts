import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { LimiterObject, Limits } from "../../src/engine/limiter-object";
import { newId } from "../../src/lib/ids";
import { createWorkflow, eventually, newApp, startRun, waitForRun } from "../support/worker";

const limiter = () => env.LIMITERS.get(env.LIMITERS.idFromName(`limiter-test-${newId()}`));
const runIds = (n: number) => Array.from({ length: n }, () => `run-${newId()}`);

/** Runs `sql` inside the limiter's object, as time passing would leave its tables. */
const inLimiter = (stub: DurableObjectStub<LimiterObject>, sql: string, ...params: unknown[]) =>
  runInDurableObject(stub, (_instance: LimiterObject, state) => void state.storage.sql.exec(sql, ...params));

const alarmOf = (stub: DurableObjectStub<LimiterObject>) =>
  runInDurableObject(stub, (_instance: LimiterObject, state) => state.storage.getAlarm());

describe("the limiter object", () => {
  it("grants up to the concurrency limit, queues the rest first in first out, and hands a freed slot to the head", async () => {
    const stub = limiter();
    const limits: Limits = { concurrency: 2, rate: null };
    const [a, b, c, d] = runIds(4);
    expect([await stub.acquire(a, limits), await stub.acquire(b, limits)]).toEqual(["granted", "granted"]);
    expect([await stub.acquire(c, limits), await stub.acquire(d, limits)]).toEqual(["queued", "queued"]);
    // Asking again changes nothing: a holder keeps its slot, a queued run its place.
    expect([await stub.acquire(a, limits), await stub.acquire(d, limits)]).toEqual(["granted", "queued"]);
    await stub.release(a);
    expect([await stub.acquire(c, limits), await stub.acquire(d, limits)]).toEqual(["granted", "queued"]);
    // A queued run that gives up leaves the queue without taking a slot.
    await stub.release(d);
    await stub.release(b);
    const [e] = runIds(1);
    expect(await stub.acquire(e, limits)).toBe("granted");
  });

  it("starts at most `limit` runs per period and grants the next when the window moves on", async () => {
    const stub = limiter();
    const limits: Limits = { concurrency: null, rate: { limit: 2, periodMs: 60_000 } };
    const [a, b, c] = runIds(3);
    const before = Date.now();
    expect(await stub.acquire(a, limits)).toBe("granted");
    expect(await stub.acquire(b, limits)).toBe("granted");
    // Releasing does not give a start back: the rate counts starts, not runs in progress.
    await stub.release(a);
    expect(await stub.acquire(c, limits)).toBe("queued");
    const alarm = await eventually(
      () => alarmOf(stub),
      (at) => at !== null,
    );
    expect(alarm).toBeGreaterThanOrEqual(before + 60_000);
    expect(alarm).toBeLessThanOrEqual(Date.now() + 60_000);

    await inLimiter(stub, "UPDATE starts SET at = at - 60000");
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.acquire(c, limits)).toBe("granted");
  });

  it("frees the slot of a holder whose run no longer exists, once it has been silent a minute", async () => {
    const stub = limiter();
    const limits: Limits = { concurrency: 1, rate: null };
    const [ghost, next] = runIds(2);
    expect(await stub.acquire(ghost, limits)).toBe("granted");
    expect(await stub.acquire(next, limits)).toBe("queued");
    await runDurableObjectAlarm(stub);
    expect(await stub.acquire(next, limits)).toBe("queued");

    await inLimiter(stub, "UPDATE holders SET since = since - 60000 WHERE run_id = ?", ghost);
    await runDurableObjectAlarm(stub);
    expect(await stub.acquire(next, limits)).toBe("granted");
  });
});

describe("limits on a workflow's runs", () => {
  it("queues a run over the rate limit until the window has room", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      rate_limit: { limit: 1, period: "1h" },
      steps: [{ id: "done", type: "transform", config: { value: 1 } }],
    });
    const first = await startRun(call, wf);
    expect((await waitForRun(call, first.id)).status).toBe("completed");
    const second = await startRun(call, wf);
    expect(second.status).toBe("queued");
    expect((await call("GET", `/v1/runs/${second.id}`)).body.status).toBe("queued");
    // An hour passes: the workflow's limiter (named by workflow and an empty key) grants the
    // queued run, which then runs to its end.
    const stub = env.LIMITERS.get(env.LIMITERS.idFromName(`${wf}:`));
    await inLimiter(stub, "UPDATE starts SET at = at - 3600000");
    await runDurableObjectAlarm(stub);
    expect((await waitForRun(call, second.id)).status).toBe("completed");
  });

  it("keeps runs of different concurrency keys apart, and refuses a run whose key cannot be computed", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      concurrency: { limit: 1, key: "{{ input.tenant }}" },
      steps: [{ id: "hold", type: "wait_for_event", config: { event: "release" } }],
    });
    const a1 = await startRun(call, wf, { input: { tenant: "a" } });
    const b1 = await startRun(call, wf, { input: { tenant: "b" } });
    const a2 = await startRun(call, wf, { input: { tenant: "a" } });
    await waitForRun(call, a1.id, (r) => r.status === "waiting");
    await waitForRun(call, b1.id, (r) => r.status === "waiting");
    expect((await call("GET", `/v1/runs/${a2.id}`)).body.status).toBe("queued");
    await call("POST", `/v1/runs/${a1.id}/events`, { name: "release" });
    await waitForRun(call, a2.id, (r) => r.status === "waiting");

    const badKey = await createWorkflow(call, {
      concurrency: { limit: 1, key: "{{ $number(input.tenant) }}" },
      steps: [{ id: "s", type: "transform", config: { value: 1 } }],
    });
    const refused = await call("POST", `/v1/workflows/${badKey}/runs`, { input: { tenant: "x" } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: "input", message: expect.stringMatching(/^the concurrency key could not be computed: /) },
    ]);
  });

  it("refuses a limit outside its bounds, naming the field", async () => {
    const { call } = await newApp();
    for (const [limits, field] of [
      [{ rate_limit: { limit: 0, period: "1m" } }, "rate_limit.limit"],
      [{ rate_limit: { limit: 1, period: "often" } }, "rate_limit.period"],
      [{ concurrency: { limit: 10_001 } }, "concurrency.limit"],
    ] as const) {
      const res = await call("POST", "/v1/workflows", {
        name: "limits",
        steps: [{ id: "s", type: "transform", config: { value: 1 } }],
        ...limits,
      });
      expect(res.status, field).toBe(400);
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        field,
      ).toContain(field);
    }
  });
});
