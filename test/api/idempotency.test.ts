import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { sha256Hex } from "../../src/lib/crypto";
import { stableId } from "../../src/services/idempotency";
import { createWorkflow, newApp } from "../helpers";

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
