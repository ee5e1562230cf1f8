import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import worker from "../../src/index";
import { QUEUE_DOWN_HOOK, type TestRunObject } from "../support/test-objects";
import { type Answer, type Call, createWorkflow, eventually, newApp, runObject, startRun } from "../support/worker";

const counter = inject("counterUrl");

interface Received {
  id: string;
  valid: boolean;
  body: { type: string; data: { id: string } };
}

async function receiver(secret: string, statuses: number[] = []) {
  const name = crypto.randomUUID();
  await fetch(`${counter}/receivers/${name}`, { method: "POST", body: JSON.stringify({ secret, statuses }) });
  return {
    url: `${counter}/hook/${name}`,
    calls: async () => (await fetch(`${counter}/hooks/${name}`).then((r) => r.json())) as Received[],
  };
}

async function setup(statuses: number[] = []) {
  const app = await newApp();
  const { secret } = (await app.call("GET", "/v1/webhook-secret")).body;
  const hook = await receiver(secret, statuses);
  const wf = await createWorkflow(app.call, { webhook_url: hook.url, steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  return { ...app, hook, wf };
}

const deliveryIn = (call: Call, id: string, ok: (body: { status: string; attempt_count: number }) => boolean) =>
  eventually(
    () => call("GET", `/v1/deliveries/${id}`),
    (res) => res.status === 200 && ok(res.body),
  ).then((res) => res.body);

/**
 * Counts every row written to D1's tables from now on, by table: a trigger per table and
 * statement kind records each row an insert, update or delete touches.
 */
async function countD1Writes(): Promise<() => Promise<Record<string, number>>> {
  await env.DB.prepare("CREATE TABLE IF NOT EXISTS test_d1_writes (tbl TEXT NOT NULL)").run();
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'test_d1_writes')",
  ).all<{ name: string }>();
  for (const { name } of tables.results) {
    for (const op of ["INSERT", "UPDATE", "DELETE"]) {
      await env.DB.prepare(
        `CREATE TRIGGER IF NOT EXISTS "test_count_${name}_${op}" AFTER ${op} ON "${name}" BEGIN INSERT INTO test_d1_writes VALUES ('${name}'); END`,
      ).run();
    }
  }
  const total = async () => {
    const rows = await env.DB.prepare("SELECT tbl, COUNT(*) AS n FROM test_d1_writes GROUP BY tbl").all<{ tbl: string; n: number }>();
    return Object.fromEntries(rows.results.map((r) => [r.tbl, r.n]));
  };
  const start = await total();
  return async () => {
    const now = await total();
    return Object.fromEntries(Object.entries(now).flatMap(([t, n]) => (n > (start[t] ?? 0) ? [[t, n - (start[t] ?? 0)]] : [])));
  };
}

/** The run object's deliveries as stored, attempts parsed. */
const storedDeliveries = (runId: string) =>
  runInDurableObject(runObject(runId), (_instance, state) =>
    state.storage.sql
      .exec("SELECT seq, status, mid, payload IS NULL AS purged, attempts FROM deliveries ORDER BY seq")
      .toArray()
      .map((row) => ({
        seq: row.seq as number,
        status: row.status as string,
        mid: row.mid as number,
        purged: row.purged === 1,
        attempts: JSON.parse(row.attempts as string) as Array<{ statusCode: number | null }>,
      })),
  );

/** A run created without starting, so a test hook can be set on its object first. */
async function unstartedRun(call: Call, wf: string) {
  const created = await call("POST", `/v1/workflows/${wf}/runs`, { start: false });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Hands messages to the worker's queue handler as the queue named `queue` would. */
async function consume(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<never>, env);
  return getQueueResult(batch, ctx);
}

describe("webhook deliveries kept by the run's object", () => {
  it("delivers a run's webhook, and redelivers it, without a D1 row", async () => {
    const { call, hook, wf } = await setup();
    const d1Writes = await countD1Writes();
    const run = await startRun(call, wf);
    const list = await eventually(
      () => call("GET", `/v1/runs/${run.id}/deliveries`),
      (r) => r.body.data[0]?.status === "delivered",
    );
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: `${run.id}.1`, run_id: run.id, event: "run.completed", attempt_count: 1, last_status_code: 200 }),
    ]);
    // Nothing: no delivery, no attempt. (The app's first run of a month lists its runs index
    // shard in run_index_shards: once per app and month, not per run.)
    const byRun = await d1Writes();
    expect(Object.keys(byRun).filter((table) => table !== "run_index_shards")).toEqual([]);

    const redelivered = await call("POST", `/v1/deliveries/${run.id}.1/redeliver`);
    expect(redelivered.status).toBe(200);
    const detail = await deliveryIn(call, `${run.id}.1`, (d) => d.status === "delivered" && d.attempt_count === 2);
    expect(detail.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([200, 200]);
    expect(detail.payload).toMatchObject({ type: "run.completed", data: { id: run.id, output: 1 } });
    expect((await hook.calls()).map((c) => c.id)).toEqual([`${run.id}.1`, `${run.id}.1`]);
    expect(await d1Writes()).toEqual(byRun);
    // The run's object holds one row with both attempts.
    expect(await storedDeliveries(run.id)).toEqual([
      expect.objectContaining({ seq: 1, status: "delivered", attempts: [expect.anything(), expect.anything()] }),
    ]);
  });

  it("retries on the schedule with one webhook-id, every attempt recorded in the delivery's row", async () => {
    const { call, hook, wf } = await setup([500, 503]);
    const run = await startRun(call, wf);
    const detail = await deliveryIn(call, `${run.id}.1`, (d) => d.status === "delivered");
    expect(detail.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 503, 200]);
    expect(detail.attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3]);
    const calls = await hook.calls();
    expect(calls.map((c) => c.id)).toEqual(Array(3).fill(`${run.id}.1`));
    expect(calls.every((c) => c.valid)).toBe(true);
    const [stored] = await storedDeliveries(run.id);
    expect(stored.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
  }, 15_000);

  it("sends a message again from the run object's alarm when the queue did not take it", async () => {
    const { call, hook, wf } = await setup();
    const runId = await unstartedRun(call, wf);
    const stub = runObject(runId);
    await runInDurableObject(stub, (instance: TestRunObject) => instance.testSetHook(QUEUE_DOWN_HOOK, "1"));
    expect((await call("POST", `/v1/runs/${runId}/start`)).status).toBe(200);
    const pending = await deliveryIn(call, `${runId}.1`, (d) => d.status === "pending");
    expect(pending.attempt_count).toBe(0);
    // While the queue refuses messages, the alarm keeps the delivery pending and nothing is sent.
    await new Promise((r) => setTimeout(r, 500));
    expect(await hook.calls()).toEqual([]);
    await runInDurableObject(stub, (instance: TestRunObject) => {
      instance.testSetHook(QUEUE_DOWN_HOOK, null);
      instance.testShiftDeliveries(60_000);
    });
    await runDurableObjectAlarm(stub);
    const delivered = await deliveryIn(call, `${runId}.1`, (d) => d.status === "delivered");
    expect(delivered.attempt_count).toBe(1);
    expect((await hook.calls()).map((c) => c.id)).toEqual([`${runId}.1`]);
    // The message that made the attempt is a later generation than the refused one.
    const [stored] = await storedDeliveries(runId);
    expect(stored.mid).toBeGreaterThan(1);
  });

  it("acks a stale or repeated message without an attempt", async () => {
    const { call, hook, wf } = await setup();
    const run = await startRun(call, wf);
    await deliveryIn(call, `${run.id}.1`, (d) => d.status === "delivered");
    const result = await consume("stepline-webhooks", [
      { run: run.id, id: `${run.id}.1`, mid: 1 },
      { run: run.id, id: `${run.id}.1`, mid: 0 },
      { run: run.id, id: `${run.id}.9`, mid: 1 },
      { run: crypto.randomUUID(), id: `${run.id}.1`, mid: 1 },
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks.sort()).toEqual(["m0", "m1", "m2", "m3"]);
    expect(await hook.calls()).toHaveLength(1);
  });

  it("fails a delivery whose latest message was dead-lettered, and redelivers it", async () => {
    const { call, hook, wf } = await setup();
    const runId = await unstartedRun(call, wf);
    const stub = runObject(runId);
    await runInDurableObject(stub, (instance: TestRunObject) => instance.testSetHook(QUEUE_DOWN_HOOK, "1"));
    await call("POST", `/v1/runs/${runId}/start`);
    await deliveryIn(call, `${runId}.1`, (d) => d.status === "pending");
    // A copy of an older generation does not fail it; the latest does.
    await consume("stepline-webhooks-dlq", [{ run: runId, id: `${runId}.1`, mid: 0 }]);
    expect((await call("GET", `/v1/deliveries/${runId}.1`)).body.status).toBe("pending");
    const { mid } = (await storedDeliveries(runId))[0];
    const result = await consume("stepline-webhooks-dlq", [{ run: runId, id: `${runId}.1`, mid }]);
    expect(result.explicitAcks).toEqual(["m0"]);
    const failed = (await call("GET", `/v1/deliveries/${runId}.1`)).body;
    expect(failed).toMatchObject({ status: "failed", attempt_count: 0, next_attempt_at: null });
    expect(failed.last_error).toMatch(/dead-lettered/);

    await runInDurableObject(stub, (instance: TestRunObject) => instance.testSetHook(QUEUE_DOWN_HOOK, null));
    expect((await call("POST", `/v1/deliveries/${runId}.1/redeliver`)).status).toBe(200);
    const delivered = await deliveryIn(call, `${runId}.1`, (d) => d.status === "delivered");
    expect(delivered.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([200]);
    expect(delivered.last_error).toBeNull();
    expect(await hook.calls()).toHaveLength(1);
  });

  it("pages a run's deliveries newest first", async () => {
    const { call, hook } = await setup();
    const wf = await createWorkflow(call, {
      webhook_url: hook.url,
      steps: [
        { id: "one", type: "wait_for_event", config: { event: "one" } },
        { id: "two", type: "wait_for_event", config: { event: "two" } },
      ],
    });
    const run = await startRun(call, wf);
    for (const name of ["one", "two"]) {
      await deliveryIn(call, `${run.id}.${name === "one" ? 1 : 2}`, () => true);
      expect((await call("POST", `/v1/runs/${run.id}/events`, { name })).status).toBe(200);
    }
    await deliveryIn(call, `${run.id}.3`, (d) => d.status === "delivered");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Answer = await call("GET", `/v1/runs/${run.id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((d: { id: string; event: string }) => `${d.id} ${d.event}`));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([`${run.id}.3 run.completed`, `${run.id}.2 run.waiting`, `${run.id}.1 run.waiting`]);
  });

  it("answers 404 for a delivery id that is malformed, unknown or another app's", async () => {
    const { call, wf } = await setup();
    const run = await startRun(call, wf);
    await deliveryIn(call, `${run.id}.1`, (d) => d.status === "delivered");
    const other = await newApp("other");
    const missing = [
      ["GET", `/v1/deliveries/${crypto.randomUUID()}.1`, call],
      ["GET", `/v1/deliveries/${run.id}.2`, call],
      ["GET", `/v1/deliveries/${run.id}.0`, call],
      ["GET", `/v1/deliveries/${run.id}.01`, call],
      ["GET", `/v1/deliveries/${run.id}.x`, call],
      ["GET", `/v1/deliveries/${run.id}`, call],
      ["GET", "/v1/deliveries/not-an-id", call],
      ["POST", `/v1/deliveries/${run.id}.2/redeliver`, call],
      ["GET", `/v1/deliveries/${run.id}.1`, other.call],
      ["POST", `/v1/deliveries/${run.id}.1/redeliver`, other.call],
    ] as const;
    for (const [method, path, via] of missing) {
      const res = await via(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code, `${method} ${path}`).toBe("NOT_FOUND");
    }
    const listed = await other.call("GET", `/v1/runs/${run.id}/deliveries`);
    expect(listed.status).toBe(404);
    expect(listed.body.error.code).toBe("RUN_NOT_FOUND");
    expect((await call("GET", `/v1/deliveries/${run.id}.1`)).body.attempt_count).toBe(1);
  });
});
