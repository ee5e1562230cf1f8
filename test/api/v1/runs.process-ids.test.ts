import { describe, expect, it } from "vitest";
import { type Body, createWorkflow, newApp, startRun, waitForRun } from "../../support/worker";

const waits = { steps: [{ id: "approval", type: "wait_for_event", config: { event: "approved" } }] };

describe("process ids", () => {
  it("names runs at start; lists them by process id (indexed), newest first, only the app's own", async () => {
    const { call } = await newApp();
    const other = await newApp();
    const wf = await createWorkflow(call, waits);
    const first = await startRun(call, wf, { process_id: "PO-4711" });
    const second = await startRun(call, wf, { process_id: "PO-4711" });
    const unnamed = await startRun(call, wf);
    expect(first.process_id).toBe("PO-4711");
    expect(unnamed.process_id).toBeNull();
    expect((await call("GET", `/v1/runs/${second.id}`)).body.process_id).toBe("PO-4711");
    const named = (await call("GET", "/v1/runs?process_id=PO-4711")).body.data;
    expect(named.map((r: Body) => r.id)).toEqual([second.id, first.id]);
    expect(named[0].process_id).toBe("PO-4711");
    expect((await other.call("GET", "/v1/runs?process_id=PO-4711")).body.data).toEqual([]);
  });

  it("refuses a process id with spaces, slashes or more than 255 characters, starting nothing", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    for (const process_id of ["has space", "a/b", "x".repeat(256), ""]) {
      const res = await call("POST", `/v1/workflows/${wf}/runs`, { process_id });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe("process_id");
    }
    expect((await call("GET", "/v1/runs")).body.data).toEqual([]);
  });

  it("filters runs by version", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    const v1 = await startRun(call, wf);
    await call("POST", `/v1/workflows/${wf}/versions`, { steps: [{ id: "b", type: "transform", config: { value: 2 } }] });
    const v2 = await startRun(call, wf);
    expect((await call("GET", `/v1/workflows/${wf}/runs?version=1`)).body.data.map((r: Body) => r.id)).toEqual([v1.id]);
    expect((await call("GET", `/v1/runs?workflow_id=${wf}&version=2`)).body.data.map((r: Body) => r.id)).toEqual([v2.id]);
  });
});

describe("cancel with a reason", () => {
  it("keeps the reason as the run's error and in its run.cancelled event; without one the error stays null", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    const cancelled = await call("POST", `/v1/runs/${run.id}/cancel`, { reason: "  order withdrawn by the customer " });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      error: { code: "RUN_CANCELLED", message: "order withdrawn by the customer", step_id: null },
    });
    const event = (await call("GET", `/v1/runs/${run.id}/events`)).body.data.find((e: Body) => e.type === "run.cancelled");
    expect(event.data.error).toMatchObject({ code: "RUN_CANCELLED", message: "order withdrawn by the customer" });

    const plain = await startRun(call, wf);
    expect((await call("POST", `/v1/runs/${plain.id}/cancel`)).body).toMatchObject({ status: "cancelled", error: null });
  });

  it("refuses an empty or overlong reason and leaves the run as it was", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    for (const reason of ["  ", "x".repeat(1001), 42]) {
      const res = await call("POST", `/v1/runs/${run.id}/cancel`, { reason });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe("reason");
    }
    expect((await call("GET", `/v1/runs/${run.id}`)).body.status).toBe("waiting");
  });
});

describe("events after the end", () => {
  it("answers a repeated event id with DUPLICATE_EVENT even after the run ended, a new one with RUN_ALREADY_FINISHED", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    expect((await call("POST", `/v1/runs/${run.id}/events`, { name: "approved", id: "evt-1" })).status).toBe(200);
    await waitForRun(call, run.id);
    expect((await call("POST", `/v1/runs/${run.id}/events`, { name: "approved", id: "evt-1" })).body.error.code).toBe("DUPLICATE_EVENT");
    expect((await call("POST", `/v1/runs/${run.id}/events`, { name: "approved", id: "evt-2" })).body.error.code).toBe(
      "RUN_ALREADY_FINISHED",
    );
  });
});
