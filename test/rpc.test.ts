import { env } from "cloudflare:test";
import { beforeAll, expect, it } from "vitest";
import { CALLER_APP_ID } from "./support/constants";
import { createWorkflow, newApp, startRun, waitForRun } from "./support/worker";

type CallerAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

async function viaBinding<T = unknown>(method: string, ...args: unknown[]): Promise<CallerAnswer<T>> {
  const res = await (env as unknown as { CALLER: Fetcher }).CALLER.fetch(`http://caller/${method}`, {
    method: "POST",
    body: JSON.stringify(args),
  });
  return res.json();
}

beforeAll(async () => {
  await env.DB.prepare("INSERT OR IGNORE INTO apps (id, name, webhook_secret, created_at) VALUES (?, 'caller', 'whsec_Y2FsbGVy', ?)")
    .bind(CALLER_APP_ID, Date.now())
    .run();
});

it("creates a workflow, runs it and reads the run through a service binding", async () => {
  const created = await viaBinding<{ id: string }>("createWorkflow", {
    name: "over rpc",
    steps: [{ id: "a", type: "transform", config: { value: "{{ input.x * 2 }}" } }],
  });
  expect(created.ok).toBe(true);
  if (!created.ok) return;
  const run = await viaBinding<{ id: string; status: string }>("startRun", created.value.id, { input: { x: 21 } });
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  let got: CallerAnswer<{ status: string; output: unknown }> = await viaBinding("getRun", run.value.id);
  for (let i = 0; i < 100 && got.ok && got.value.status !== "completed"; i++) {
    await new Promise((r) => setTimeout(r, 10));
    got = await viaBinding("getRun", run.value.id);
  }
  expect(got).toMatchObject({ ok: true, value: { status: "completed", output: 42 } });
  const list = await viaBinding<{ data: Array<{ id: string; trigger: string }> }>("listRuns", { workflowId: created.value.id });
  expect(list.ok && list.value.data.map((r) => r.id)).toEqual([run.value.id]);
  expect(list.ok && list.value.data[0].trigger).toBe("rpc");
});

it("cannot reach another app's workflows or runs", async () => {
  const other = await newApp();
  const wf = await createWorkflow(other.call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
  const run = await startRun(other.call, wf);
  await waitForRun(other.call, run.id, (r) => r.status === "waiting");
  for (const [method, args] of [
    ["getRun", [run.id]],
    ["cancelRun", [run.id]],
    ["sendEvent", [run.id, { name: "go" }]],
    ["startRun", [wf, {}]],
  ] as const) {
    const answer = await viaBinding(method, ...args);
    expect(answer.ok, method).toBe(false);
    if (!answer.ok) expect(answer.error, method).toMatch(/NOT_FOUND/);
  }
  expect((await other.call("GET", `/v1/runs/${run.id}`)).body.status).toBe("waiting");
  const list = await viaBinding<{ data: unknown[] }>("listRuns", {});
  expect(list.ok && list.value.data.some((r) => JSON.stringify(r).includes(run.id))).toBe(false);
});

it("starts a run with a process id and cancels it with a reason, as /v1 does", async () => {
  const created = await viaBinding<{ id: string }>("createWorkflow", {
    name: "waits over rpc",
    steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }],
  });
  if (!created.ok) throw new Error(created.error);
  const run = await viaBinding<{ id: string; process_id: string | null }>("startRun", created.value.id, { processId: "PO-4711" });
  expect(run).toMatchObject({ ok: true, value: { process_id: "PO-4711" } });
  if (!run.ok) return;
  const cancelled = await viaBinding<{ status: string; error: { code: string; message: string } }>(
    "cancelRun",
    run.value.id,
    "order withdrawn",
  );
  expect(cancelled).toMatchObject({
    ok: true,
    value: { status: "cancelled", error: { code: "RUN_CANCELLED", message: "order withdrawn" } },
  });
  const nameless = await viaBinding("sendEvent", run.value.id, { name: 42 });
  expect(nameless).toMatchObject({ ok: false, error: expect.stringMatching(/^VALIDATION_FAILED: .*"path":"event.name"/) });
  const blank = await viaBinding("cancelRun", run.value.id, "   ");
  expect(blank).toMatchObject({ ok: false, error: expect.stringMatching(/^VALIDATION_FAILED: .*"path":"reason"/) });
});

it("refuses options a caller may not set, naming them, and starts nothing", async () => {
  const created = await viaBinding<{ id: string }>("createWorkflow", {
    name: "guarded over rpc",
    steps: [{ id: "a", type: "transform", config: { value: "{{ input }}" } }],
  });
  if (!created.ok) throw new Error(created.error);
  const before = await viaBinding<{ data: unknown[] }>("listRuns", { workflowId: created.value.id });
  for (const [options, path] of [
    [{ id: "01900000-0000-7000-8000-000000000001" }, "options"],
    [{ reuse: { outputs: { a: "forged" } } }, "options"],
    [{ parent: { runId: "x", stepId: "y", appId: "z" } }, "options"],
    [{ surface: "pipelines" }, "options"],
    [{ processId: "has space" }, "options.processId"],
    [{ webhookUrl: "ftp://example.com" }, "options.webhookUrl"],
    [{ version: 0 }, "options.version"],
  ] as const) {
    const answer = await viaBinding("startRun", created.value.id, options);
    expect(answer, JSON.stringify(options)).toMatchObject({ ok: false, error: expect.stringMatching(/^VALIDATION_FAILED: /) });
    if (!answer.ok) expect(answer.error).toContain(`"path":"${path}"`);
  }
  const after = await viaBinding<{ data: unknown[] }>("listRuns", { workflowId: created.value.id });
  expect(after.ok && after.value.data).toEqual(before.ok && before.value.data);
  expect(after.ok && after.value.data).toEqual([]);
});
