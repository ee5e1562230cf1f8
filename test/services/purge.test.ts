import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { monthOfId } from "../../src/services/run-shards";
import { type Call, eventually, fastForward, newApp, request, runObject, waitForRun } from "../support/worker";

const counter = inject("counterUrl");

/** Every row of every table, as one string: where a run's data could still be found. */
async function everyRow(sql: (query: string) => Promise<Array<Record<string, unknown>>>): Promise<string> {
  const tables = await sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'");
  const dumps = await Promise.all(tables.map(async ({ name }) => `${name}: ${JSON.stringify(await sql(`SELECT * FROM "${name}"`))}`));
  return dumps.join("\n");
}

const d1Rows = () => everyRow(async (query) => (await env.DB.prepare(query).all<Record<string, unknown>>()).results);

const objectRows = (runId: string) =>
  runInDurableObject(runObject(runId), (_instance, state) => everyRow(async (query) => state.storage.sql.exec(query).toArray()));

const shardRows = (appId: string, runId: string) =>
  runInDurableObject(env.RUN_INDEX.get(env.RUN_INDEX.idFromName(`${appId}/${monthOfId(runId)}`)), (_instance, state) =>
    everyRow(async (query) => state.storage.sql.exec(query).toArray()),
  );

/**
 * A run that put a secret marker everywhere a run's data can go: its input and metadata, a
 * step output, an event kept in its inbox, a callback body, the webhook bodies of its waits and
 * its end, and the stored answer of the Idempotency-Key that created it.
 */
async function endedRunEverywhere(retention?: { max_age_seconds: number }) {
  const marker = `marker-${crypto.randomUUID()}`;
  const app = await newApp();
  const { call } = app;
  const receiver = crypto.randomUUID();
  const service = crypto.randomUUID();
  const secret = (await call("GET", "/v1/webhook-secret")).body.secret;
  await fetch(`${counter}/receivers/${receiver}`, { method: "POST", body: JSON.stringify({ secret }) });
  const wf = await call("POST", "/v1/workflows", {
    name: "everywhere",
    webhook_url: `${counter}/hook/${receiver}`,
    steps: [
      { id: "echo", type: "transform", config: { value: "{{ input.marker }}" } },
      {
        id: "job",
        type: "http",
        config: { method: "POST", url: `${counter}/count/${service}`, body: { about: "{{ input.marker }}" }, await_callback: true },
      },
      { id: "approval", type: "wait_for_event", config: { event: "go" } },
    ],
  });
  expect(wf.status).toBe(201);
  const startBody = { input: { marker }, metadata: { ticket: marker }, ...(retention ? { retention } : {}) };
  const key = crypto.randomUUID();
  const started = await call("POST", `/v1/workflows/${wf.body.id}/runs`, startBody, { "idempotency-key": key });
  expect(started.status).toBe(201);
  const runId: string = started.body.id;
  // Sent while the job waits for its callback, so it is kept in the run's inbox first.
  expect((await call("POST", `/v1/runs/${runId}/events`, { name: "go", payload: { marker }, id: "evt-1" })).status).toBe(202);
  const callbackPath = new URL(
    await eventually(
      async () => ((await (await fetch(`${counter}/stats/${service}`)).json()) as { bodies: Array<{ callback_url?: string }> }).bodies[0],
      (body) => typeof body?.callback_url === "string",
    ).then((body) => body.callback_url as string),
  ).pathname;
  expect((await request("POST", callbackPath, { result: marker })).status).toBe(200);
  const done = await waitForRun(call, runId);
  expect(done.status).toBe("completed");
  const deliveries = await eventually(
    async () => (await call("GET", `/v1/runs/${runId}/deliveries`)).body.data as Array<{ id: string; event: string; status: string }>,
    (list) => list.some((d) => d.event === "run.completed" && d.status === "delivered"),
  );
  return { ...app, marker, key, runId, workflowId: wf.body.id as string, callbackPath, deliveries, startBody };
}

/** Each place a run's data can be read or kept, checked once the run has been purged. */
async function expectNothingLeft(run: Awaited<ReturnType<typeof endedRunEverywhere>>) {
  const { call, marker, runId, workflowId } = run;
  const gone = (res: { status: number; body: { error?: { code: string } } }, what: string) => {
    expect(res.status, what).toBe(410);
    expect(res.body.error?.code, what).toBe("RUN_PURGED");
  };
  const seen: string[] = [];
  const read = async (method: string, path: string, body?: unknown, headers?: Record<string, string>, via: Call = call) => {
    const res = await via(method, path, body, headers);
    seen.push(JSON.stringify(res.body));
    return res;
  };

  // The run itself, its log, its live stream, a replay of it.
  gone(await read("GET", `/v1/runs/${runId}`), "GET run");
  gone(await read("GET", `/v1/runs/${runId}/events`), "events");
  gone(await read("GET", `/v1/runs/${runId}/stream`), "stream");
  gone(await read("POST", `/v1/runs/${runId}/replay`, {}), "replay");
  // The runs index: still listed, without its metadata.
  const listed = (await read("GET", `/v1/runs?workflow_id=${workflowId}`)).body.data;
  expect(listed).toEqual([expect.objectContaining({ id: runId, status: "completed", metadata: null, purged_at: expect.any(String) })]);
  // Webhook deliveries went with the run's object: each, and the run's list of them, is gone.
  for (const delivery of run.deliveries) {
    gone(await read("GET", `/v1/deliveries/${delivery.id}`), "delivery");
    gone(await read("POST", `/v1/deliveries/${delivery.id}/redeliver`), "redeliver");
  }
  gone(await read("GET", `/v1/runs/${runId}/deliveries`), "deliveries");
  // The Idempotency-Key that created the run: a retry neither shows the run nor makes another.
  const retry = await read("POST", `/v1/workflows/${workflowId}/runs`, run.startBody, { "idempotency-key": run.key });
  gone(retry, "idempotent retry");
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  expect((await read("GET", `/v1/runs?workflow_id=${workflowId}`)).body.data).toHaveLength(1);
  // The callback URL: its used-token record went with the run.
  gone(await read("POST", run.callbackPath, { result: "late" }, undefined, request), "callback");
  // The workflow's sample input no longer comes from this run.
  expect((await read("GET", `/v1/workflows/${workflowId}/schema`)).body).toMatchObject({ sample_input: null, sample_run_id: null });

  expect(seen.join("\n")).not.toContain(marker);
  // Every table of D1, the run's index shard, and the run's own storage, which is gone whole.
  expect(await d1Rows()).not.toContain(marker);
  expect(await shardRows(run.id, runId)).not.toContain(marker);
  expect(await objectRows(runId)).toBe("");
}

describe("a purged run leaves nothing behind", () => {
  it("holds its data in D1, its index shard and its object until it is purged", async () => {
    const run = await endedRunEverywhere();
    expect(await shardRows(run.id, run.runId)).toContain(run.marker);
    const d1 = await d1Rows();
    for (const table of ["idempotency_keys"]) {
      expect(d1.split("\n").find((line) => line.startsWith(`${table}:`))).toContain(run.marker);
    }
    const storage = await objectRows(run.runId);
    for (const table of ["run", "run_data", "steps", "events", "inbox", "deliveries"]) {
      expect(storage.split("\n").find((line) => line.startsWith(`${table}:`))).toContain(run.marker);
    }
  });

  it("after DELETE /v1/runs/{id}: no route, no D1 table and no table of its object holds its data", async () => {
    const run = await endedRunEverywhere();
    const purged = await run.call("DELETE", `/v1/runs/${run.runId}`);
    expect(purged.status).toBe(200);
    expect(purged.body).toEqual({ id: run.runId, purged_at: expect.any(String) });
    await expectNothingLeft(run);
  });

  it("after its retention expires: the same", async () => {
    const run = await endedRunEverywhere({ max_age_seconds: 3600 });
    await fastForward(run.runId, 2 * 3_600_000, ["retention"]);
    await eventually(
      () => run.call("GET", `/v1/runs/${run.runId}`),
      (res) => res.status === 410,
    );
    await expectNothingLeft(run);
  });
});
