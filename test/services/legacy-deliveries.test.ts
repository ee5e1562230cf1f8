import { createExecutionContext, createMessageBatch, env, getQueueResult, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { RunObject } from "../../src/engine/run-object";
import worker from "../../src/index";
import { newId } from "../../src/lib/ids";
import { type Answer, type Call, createWorkflow, eventually, newApp, runObject, startRun } from "../support/worker";

/**
 * Deliveries made before they were kept by their run's object live in D1 with bare UUID ids;
 * an upgrade must finish, show and redeliver them.
 */
const counter = inject("counterUrl");

async function setup() {
  const app = await newApp();
  const { secret } = (await app.call("GET", "/v1/webhook-secret")).body;
  const name = crypto.randomUUID();
  await fetch(`${counter}/receivers/${name}`, { method: "POST", body: JSON.stringify({ secret }) });
  const url = `${counter}/hook/${name}`;
  const calls = async () => (await fetch(`${counter}/hooks/${name}`).then((r) => r.json())) as Array<{ id: string; valid: boolean }>;
  const wf = await createWorkflow(app.call, { webhook_url: url, steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  return { ...app, url, calls, wf };
}

/** A delivery row as the code before this one wrote it, with its attempts. */
async function legacyDelivery(
  d: { appId: string; runId: string; url: string; status: string; messageId?: string },
  attempts: Array<{ statusCode: number; error: string | null }> = [],
) {
  const id = newId();
  const now = Date.now();
  const last = attempts[attempts.length - 1];
  await env.DB.prepare(
    `INSERT INTO webhook_deliveries (id, app_id, run_id, event, url, payload, status, attempt_count, next_attempt_at, message_id,
       last_status_code, last_error, created_at, updated_at)
     VALUES (?, ?, ?, 'run.completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      d.appId,
      d.runId,
      d.url,
      JSON.stringify({ type: "run.completed", data: { id: d.runId } }),
      d.status,
      attempts.length,
      d.status === "pending" ? now : null,
      d.messageId ?? null,
      last?.statusCode ?? null,
      last?.error ?? null,
      now - 60_000,
      now - 60_000,
    )
    .run();
  for (const [i, a] of attempts.entries()) {
    await env.DB.prepare(
      "INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms, at) VALUES (?, ?, ?, ?, 5, ?)",
    )
      .bind(id, i + 1, a.statusCode, a.error, now - 60_000)
      .run();
  }
  return id;
}

async function consume(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  await worker.queue(batch as MessageBatch<never>, env);
  return getQueueResult(batch, createExecutionContext());
}

const listAll = async (call: Call, runId: string) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: Answer = await call("GET", `/v1/runs/${runId}/deliveries?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((d: { id: string }) => d.id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids;
};

describe("deliveries made before they were kept by the run's object", () => {
  it("are read, listed after the run's own, and redelivered from D1", async () => {
    const { call, id: appId, url, calls, wf } = await setup();
    const run = await startRun(call, wf);
    await eventually(
      () => call("GET", `/v1/deliveries/${run.id}.1`),
      (res) => res.body.status === "delivered",
    );
    const old = await legacyDelivery({ appId, runId: run.id, url, status: "failed" }, [{ statusCode: 500, error: "answered 500" }]);

    const detail = await call("GET", `/v1/deliveries/${old}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: old, run_id: run.id, status: "failed", attempt_count: 1, last_status_code: 500 });
    expect(detail.body.attempts).toEqual([expect.objectContaining({ attempt: 1, status_code: 500, error: "answered 500" })]);
    expect(await listAll(call, run.id)).toEqual([`${run.id}.1`, old]);

    expect((await call("POST", `/v1/deliveries/${old}/redeliver`)).status).toBe(200);
    const delivered = await eventually(
      () => call("GET", `/v1/deliveries/${old}`),
      (res) => res.body.status === "delivered",
    );
    expect(delivered.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 200]);
    expect((await calls()).map((c) => c.id)).toEqual([`${run.id}.1`, old]);

    const other = await newApp("other");
    expect((await other.call("GET", `/v1/deliveries/${old}`)).status).toBe(404);
    expect((await other.call("POST", `/v1/deliveries/${old}/redeliver`)).status).toBe(404);
  });

  it("finish a queue message that was in flight during the upgrade; a stale copy or a dead letter is handled as before", async () => {
    const { call, id: appId, url, calls, wf } = await setup();
    const run = await startRun(call, wf);
    const pending = await legacyDelivery({ appId, runId: run.id, url, status: "pending", messageId: "m-1" });
    const result = await consume("stepline-webhooks", [
      { id: pending, mid: "m-1" },
      { id: pending, mid: "m-0" },
    ]);
    expect(result.explicitAcks.sort()).toEqual(["m0", "m1"]);
    const row = await env.DB.prepare("SELECT status, attempt_count FROM webhook_deliveries WHERE id = ?").bind(pending).first();
    expect(row).toEqual({ status: "delivered", attempt_count: 1 });
    expect((await calls()).filter((c) => c.id === pending)).toHaveLength(1);

    const stuck = await legacyDelivery({ appId, runId: run.id, url, status: "pending", messageId: "m-2" });
    await consume("stepline-webhooks-dlq", [{ id: stuck, mid: "m-2" }]);
    const failed = await call("GET", `/v1/deliveries/${stuck}`);
    expect(failed.body).toMatchObject({ status: "failed", attempt_count: 0 });
    expect(failed.body.last_error).toMatch(/dead-lettered/);
  });

  it("webhook bodies an older object left in its outbox become its deliveries, unless D1 has them", async () => {
    const { call, id: appId, url, calls, wf } = await setup();
    const created = await call("POST", `/v1/workflows/${wf}/runs`, { start: false });
    const runId: string = created.body.id;
    const inD1 = await legacyDelivery({ appId, runId, url, status: "delivered" });
    const left = newId();
    await runInDurableObject(runObject(runId), (instance: RunObject, state) => {
      instance.store.tables.ensure("outbox");
      const body = JSON.stringify({ type: "run.waiting", data: { id: runId } });
      for (const id of [inD1, left]) {
        state.storage.sql.exec(
          "INSERT INTO outbox (id, event, url, payload, created_at) VALUES (?, 'run.waiting', ?, ?, ?)",
          id,
          url,
          body,
          Date.now(),
        );
      }
      // What a restart or the outbox timer does.
      instance.flushOutbox();
    });
    const delivered = await eventually(
      () => call("GET", `/v1/deliveries/${runId}.1`),
      (res) => res.body.status === "delivered",
    );
    expect(delivered.body).toMatchObject({ event: "run.waiting", payload: { type: "run.waiting", data: { id: runId } } });
    expect((await calls()).map((c) => c.id)).toEqual([`${runId}.1`]);
    expect(await listAll(call, runId)).toEqual([`${runId}.1`, inD1]);
    const outbox = await runInDurableObject(runObject(runId), (_instance, state) =>
      state.storage.sql.exec("SELECT id FROM outbox").toArray(),
    );
    expect(outbox).toEqual([]);
  });
});
