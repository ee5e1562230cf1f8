import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { ENDED_STATUSES } from "../../src/domain/run-status";
import type { Exchange } from "./openapi-check";
import type { TestRunObject } from "./test-objects";

export const ADMIN_TOKEN = "test-admin-token";

/** A response body read field by field in assertions; typing each one would add noise, not safety. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on the body's fields directly
export type Body = any;

export interface Answer<T = Body> {
  status: number;
  body: T;
  headers: Headers;
}

export type Call = <T = Body>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer<T>>;

/** Every exchange `request` made in this test file, checked against the OpenAPI documents after it (support/check-responses.ts). */
export const exchanges: Exchange[] = [];

/** Sends one request to the worker under test; a body that is not a string is sent as JSON. */
export async function request<T = Body>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await SELF.fetch(`http://stepline.test${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {}
  exchanges.push({ method, path, status: res.status, headers: Object.fromEntries(res.headers), body: parsed });
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const admin: Call = (method, path, body, headers = {}) =>
  request(method, path, body, { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers });

/** A fresh app with one API key, and a `call` that sends that key. */
export async function newApp(name = "test app"): Promise<{ id: string; key: string; call: Call }> {
  const app = await admin("POST", "/v1/admin/apps", { name });
  if (app.status !== 201) throw new Error(`creating an app failed: ${JSON.stringify(app.body)}`);
  const key = await admin("POST", `/v1/admin/apps/${app.body.id}/keys`, { name: "test key" });
  if (key.status !== 201) throw new Error(`creating a key failed: ${JSON.stringify(key.body)}`);
  const call: Call = (method, path, body, headers = {}) => request(method, path, body, { "x-api-key": key.body.key, ...headers });
  return { id: app.body.id, key: key.body.key, call };
}

// ---- runs ----------------------------------------------------------------------------------

export async function createWorkflow(call: Call, definition: Record<string, unknown>): Promise<string> {
  const res = await call("POST", "/v1/workflows", { name: "test workflow", ...definition });
  if (res.status !== 201) throw new Error(`creating a workflow failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function startRun(call: Call, workflowId: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await call("POST", `/v1/workflows/${workflowId}/runs`, body, headers);
  if (res.status !== 201) throw new Error(`starting a run failed (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls the run until `done` holds (default: it has ended); fails after `timeoutMs`. */
export async function waitForRun(
  call: Call,
  runId: string,
  done: (run: Body) => boolean = (r) => ENDED_STATUSES.has(r.status),
  timeoutMs = 2000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call("GET", `/v1/runs/${runId}`);
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > deadline)
      throw new Error(`run ${runId} did not get there in ${timeoutMs} ms: ${JSON.stringify(res.body).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A run's object, typed with the hooks of the test worker's run object (test/support/test-objects.ts). */
export const runObject = (runId: string) => env.RUNS.get(env.RUNS.idFromName(runId)) as unknown as DurableObjectStub<TestRunObject>;

const STEP_TIMERS = ["wake", "retry", "event_timeout", "callback_timeout"];

/** Moves the run's step timers `ms` earlier and runs its alarm: time passes without waiting. */
export async function fastForward(runId: string, ms = 24 * 3_600_000, kinds: string[] = STEP_TIMERS): Promise<void> {
  const stub = runObject(runId);
  await runInDurableObject(stub, (instance: TestRunObject) => instance.testShiftTimers(ms, kinds));
  await runDurableObjectAlarm(stub);
}

/** Polls `fn` until `ok` holds; fails after `ms`. */
export async function eventually<T>(fn: () => Promise<T>, ok: (value: T) => boolean, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
