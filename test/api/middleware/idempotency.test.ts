import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { sha256Hex } from "../../../src/lib/crypto";
import { stableId } from "../../../src/services/idempotency";
import { createWorkflow, newApp } from "../../support/worker";

it("lets a retry take over a claim whose request died, keeping the same run id", async () => {
  const { call, id: appId } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  const path = `/v1/workflows/${wf}/runs`;
  const body = JSON.stringify({ input: { n: 1 } });
  const claimedAt = Date.now() - 60_000;
  // The first request claimed the key and died before it answered.
  await env.DB.prepare("INSERT INTO idempotency_keys (app_id, key, request_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
    .bind(appId, "crashed", await sha256Hex(`POST ${path}\n${body}`), claimedAt, claimedAt + 86_400_000)
    .run();
  const retry = await call("POST", path, body, { "idempotency-key": "crashed" });
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(await stableId(appId, "crashed", claimedAt));
  const again = await call("POST", path, body, { "idempotency-key": "crashed" });
  expect(again.body.id).toBe(retry.body.id);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect((await call("GET", path)).body.data).toHaveLength(1);
});

it("still answers 409 while the first request is recent and unanswered", async () => {
  const { call, id: appId } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  const path = `/v1/workflows/${wf}/runs`;
  const body = JSON.stringify({});
  await env.DB.prepare("INSERT INTO idempotency_keys (app_id, key, request_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
    .bind(appId, "busy", await sha256Hex(`POST ${path}\n${body}`), Date.now(), Date.now() + 86_400_000)
    .run();
  const res = await call("POST", path, body, { "idempotency-key": "busy" });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
});

it("compares bodies as JSON values: reordered keys and other whitespace replay; another value is a 422", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  const path = `/v1/workflows/${wf}/runs`;
  const headers = { "idempotency-key": "reserialised" };
  const first = await call("POST", path, '{"input":{"a":1,"b":[1,2]},"metadata":{"t":"x"}}', headers);
  expect(first.status).toBe(201);
  for (const same of [
    '{ "metadata": { "t": "x" }, "input": { "b": [1, 2], "a": 1 } }',
    '\n{"input":{"b":[1,2],"a":1},\n"metadata":{"t":"x"}}\n',
  ]) {
    const retry = await call("POST", path, same, headers);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  }
  for (const other of ['{"input":{"a":1,"b":[2,1]},"metadata":{"t":"x"}}', '{"input":{"a":"1","b":[1,2]},"metadata":{"t":"x"}}']) {
    const res = await call("POST", path, other, headers);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  }
  expect((await call("GET", path)).body.data).toHaveLength(1);
});

it("creates a workflow once for a repeated Idempotency-Key, and refuses the key with another definition", async () => {
  const { call } = await newApp();
  const definition = { name: "once", steps: [{ id: "a", type: "transform", config: { value: 1 } }] };
  const headers = { "idempotency-key": "create-workflow" };
  const first = await call("POST", "/v1/workflows", definition, headers);
  const retry = await call("POST", "/v1/workflows", definition, headers);
  expect(first.status).toBe(201);
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(first.body.id);
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  const other = await call("POST", "/v1/workflows", { ...definition, name: "twice" }, headers);
  expect(other.status).toBe(422);
  expect((await call("GET", "/v1/workflows")).body.data.map((w: { id: string }) => w.id)).toEqual([first.body.id]);
});
