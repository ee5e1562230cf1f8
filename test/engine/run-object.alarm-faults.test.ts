import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import { ALARM_THROWS_HOOK, type TestRunObject } from "../support/test-objects";
import { admin, createWorkflow, newApp, runObject, startRun, waitForRun } from "../support/worker";

it("completes the run when its alarm handler throws ten times in a row", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, {
    steps: [
      { id: "nap", type: "sleep", config: { duration: "1h" } },
      { id: "after", type: "transform", config: { value: "done" } },
    ],
  });
  const run = await startRun(call, wf);
  await waitForRun(call, run.id, (r) => r.status === "waiting");
  const stub = runObject(run.id);
  await runInDurableObject(stub, (object: TestRunObject) => {
    object.testSetHook(ALARM_THROWS_HOOK, "10");
    object.testShiftTimers(3_600_000, ["wake"]);
  });
  for (let i = 0; i < 10; i++) {
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const diagnosis = (await admin("GET", `/v1/admin/runs/${run.id}/diagnostics`)).body;
    expect(diagnosis.alarm_failures).toBe(i + 1);
    expect(diagnosis.alarm_at).not.toBeNull();
    expect(diagnosis.stuck).toBeNull();
  }
  expect(await runDurableObjectAlarm(stub)).toBe(true);
  const done = await waitForRun(call, run.id);
  expect(done.status).toBe("completed");
  expect((await admin("GET", `/v1/admin/runs/${run.id}/diagnostics`)).body.alarm_failures).toBe(0);
});

it("reports no stuck runs: unfinished runs have an alarm or an open-ended wait", async () => {
  const { call } = await newApp();
  const sleeper = await createWorkflow(call, { steps: [{ id: "nap", type: "sleep", config: { duration: "1h" } }] });
  const waiter = await createWorkflow(call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "go" } }] });
  const a = await startRun(call, sleeper);
  const b = await startRun(call, waiter);
  await waitForRun(call, a.id, (r) => r.status === "waiting");
  await waitForRun(call, b.id, (r) => r.status === "waiting");
  const report = (await admin("GET", "/v1/admin/diagnostics/stuck?limit=1000")).body;
  expect(report.checked).toBeGreaterThanOrEqual(2);
  expect(report.stuck).toEqual([]);
  const waiting = (await admin("GET", `/v1/admin/runs/${b.id}/diagnostics`)).body;
  expect(waiting).toMatchObject({ status: "waiting", alarm_at: null, stuck: null });
  expect(waiting.waiting).toEqual([{ step_id: "w", kind: "event", until: null }]);
  expect((await call("GET", `/v1/admin/runs/${b.id}/diagnostics`)).status).toBe(401);
});
