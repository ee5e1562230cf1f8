import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { setVariables } from "../../support/dialects/common";
import { approvalFlow, BASE, looplyApp, trigger, waitingAt } from "../../support/dialects/looply";
import { epochSeconds, signJwt } from "../../support/fixtures";
import type { TestScheduleObject } from "../../support/test-objects";
import { type Body, createWorkflow, fastForward, request, waitForRun } from "../../support/worker";

/** docs/dialects/looply.md#endpoints: triggerWorkflow, resumeWorkflow, terminateWorkflow, toggleScheduledWorkflow. */

describe("triggerWorkflow", () => {
  it("starts an execution with the body as its input and answers success with the execution id", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "echo", type: "transform", config: { value: "{{ input.order.id }}" } }] });
    const res = await looply("POST", `/triggerworkflow/${wf}/1`, { order: { id: "PO-1" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "success", looply_execution_id: expect.any(String) });
    const run = await waitForRun(call, res.body.looply_execution_id);
    expect(run).toMatchObject({
      status: "completed",
      output: "PO-1",
      surface: "looply",
      input: { order: { id: "PO-1" } },
      process_id: null,
    });
  });

  it("runs with the profile's variables and echoes the profile", async () => {
    const { call, looply } = await looplyApp();
    await setVariables(call, { GREETING: "hello from prod" }, "prod");
    const wf = await createWorkflow(call, { steps: [{ id: "greet", type: "transform", config: { value: "{{ vars.GREETING }}" } }] });
    const res = await looply("POST", `/triggerworkflow/${wf}/1?profile=prod`, {});
    expect(res.body).toEqual({ message: "success", looply_execution_id: expect.any(String), profile: "prod" });
    const run = await waitForRun(call, res.body.looply_execution_id);
    expect(run).toMatchObject({ profile: "prod", output: "hello from prod" });
    const unknown = await looply("POST", `/triggerworkflow/${wf}/1?profile=nope`, {});
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/profile/);
  });

  it("pins the version in the path, and runs the current one without it", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "v", type: "transform", config: { value: "one" } }] });
    await call("POST", `/v1/workflows/${wf}/versions`, { steps: [{ id: "v", type: "transform", config: { value: "two" } }] });
    const pinned = await waitForRun(call, await trigger(looply, wf));
    expect(pinned).toMatchObject({ version: 1, output: "one" });
    const current = await looply("POST", `/triggerworkflow/${wf}`, {});
    expect(await waitForRun(call, current.body.looply_execution_id)).toMatchObject({ version: 2, output: "two" });
  });

  it("answers 400 incorrect workflow id for an unknown workflow or version and a missing id; bad input is a 400 naming it", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, {
      input_schema: { type: "object", required: ["order"] },
      steps: [{ id: "a", type: "transform", config: { value: 1 } }],
    });
    for (const path of [
      `/triggerworkflow/${crypto.randomUUID()}/1`,
      `/triggerworkflow/${wf}/7`,
      `/triggerworkflow/${wf}/x`,
      "/triggerworkflow",
    ]) {
      const res = await looply("POST", path, { order: 1 });
      expect(res.status, path).toBe(400);
      expect(res.body, path).toEqual({ message: "incorrect workflow id" });
    }
    const invalid = await looply("POST", `/triggerworkflow/${wf}/1`, { other: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/input_schema/);
    const badProcess = await looply("POST", `/triggerworkflow/${wf}/1`, { order: 1, process_id: "has space" });
    expect(badProcess.status).toBe(400);
    expect(badProcess.body.message).toMatch(/process_id/);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toEqual([]);
  });

  it("answers 403 Forbidden without a key or with a wrong one, and takes a JWT as the key", async () => {
    const { id, call } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const credentials: Array<Record<string, string>> = [{}, { "x-api-key": "sk_wrong" }, { authorization: "Bearer sk_wrong" }];
    for (const headers of credentials) {
      const res = await request("POST", `${BASE}/triggerworkflow/${wf}/1`, {}, headers);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: "Forbidden" });
    }
    const jwt = await signJwt({ sub: id, exp: epochSeconds(300) });
    const res = await request("POST", `${BASE}/triggerworkflow/${wf}/1`, {}, { "x-api-key": jwt });
    expect(res.status).toBe(200);
  });

  it("makes a retried trigger with the same Idempotency-Key start one execution", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const first = await looply("POST", `/triggerworkflow/${wf}/1`, { n: 1 }, { "idempotency-key": "order-9" });
    const again = await looply("POST", `/triggerworkflow/${wf}/1`, { n: 1 }, { "idempotency-key": "order-9" });
    expect(again.body.looply_execution_id).toBe(first.body.looply_execution_id);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toHaveLength(1);
  });
});

describe("resumeWorkflow", () => {
  it("is 409 EXECUTION_IN_PROGRESS before the wait, 200 WORKFLOW_RESTARTED at it, 409 NO_RESUMABLE_EXECUTION after the end", async () => {
    const { id: appId, call, looply } = await looplyApp();
    const wf = await createWorkflow(call, {
      steps: [{ id: "nap", type: "sleep", config: { duration: "1h" } }, ...approvalFlow().steps],
    });
    const run = await trigger(looply, wf, { order: "PO-7", process_id: "PO-7" });
    await waitingAt(call, run, "nap");

    const early = await looply("POST", "/resumeWorkflow/PO-7", { payload: { source: "SAP" } });
    expect(early.status).toBe(409);
    expect(early.body).toEqual({
      code: "EXECUTION_IN_PROGRESS",
      data: {
        execution_id: run,
        workflow_id: wf,
        workflow_status: "IN_PROGRESS",
        workflow_current_state: "nap",
        workflow_process_id: "PO-7",
        execution_description: expect.any(String),
        timestamp: expect.any(String),
      },
    });
    expect(Number.isNaN(Date.parse(early.body.data.timestamp))).toBe(false);

    await fastForward(run);
    await waitingAt(call, run, "wait_for_response_state");
    const resumed = await looply("POST", "/resumeWorkflow/PO-7", { payload: { source: "TEAMS", approved: true } });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toEqual({
      message: "success",
      code: "WORKFLOW_RESTARTED",
      data: { workflow_identifier: { organization_id: appId, workflow_id: wf, workflow_execution_id: run } },
    });
    const done = await waitForRun(call, run);
    expect(done.output).toEqual({ source: "TEAMS", approved: true });
    expect(done.steps[2].output).toEqual({ name: "approval-decision", payload: { source: "TEAMS", approved: true } });

    const late = await looply("POST", "/resumeWorkflow/PO-7", { payload: { source: "SAP" } });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ code: "NO_RESUMABLE_EXECUTION", data: { execution_key: run } });
  });

  it("names an execution by its id when no process_id was given, and resumes a run started through /v1", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const viaLooply = await trigger(looply, wf, { order: 1 });
    const native = (await call("POST", `/v1/workflows/${wf}/runs`, { input: { order: 2 } })).body.id;
    for (const run of [viaLooply, native]) {
      await waitingAt(call, run, "wait_for_response_state");
      expect((await looply("POST", `/resumeWorkflow/${run}`, { payload: { source: "SAP" } })).status).toBe(200);
      expect((await waitForRun(call, run)).status).toBe("completed");
    }
  });

  it("answers 404 EXECUTION_NOT_FOUND for an unknown process id and for another organization's", async () => {
    const owner = await looplyApp();
    const other = await looplyApp();
    const wf = await createWorkflow(owner.call, approvalFlow());
    const run = await trigger(owner.looply, wf, { process_id: "shared-name" });
    await waitingAt(owner.call, run, "wait_for_response_state");
    for (const name of ["nobody-has-this", "shared-name", run]) {
      const res = await other.looply("POST", `/resumeWorkflow/${name}`, { payload: { source: "SAP" } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: "EXECUTION_NOT_FOUND", data: { organization_id: other.id } });
    }
    expect((await waitForRun(owner.call, run, () => true)).status).toBe("waiting");
  });

  it("refuses a source other than SAP or TEAMS, or no payload, with 400 naming the field, and resumes nothing", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const run = await trigger(looply, wf, { process_id: "strict" });
    await waitingAt(call, run, "wait_for_response_state");
    for (const body of [{ payload: { source: "EMAIL" } }, { payload: {} }, {}, { payload: "SAP" }]) {
      const res = await looply("POST", "/resumeWorkflow/strict", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(/payload/);
    }
    expect((await waitForRun(call, run, () => true)).status).toBe("waiting");
  });

  it("of 10 concurrent resumes applies exactly one; the other nine, and one just after, are 409 ALREADY_RESTARTED", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow([{ id: "cool_down", type: "sleep", config: { duration: "1h" } }]));
    const run = await trigger(looply, wf, { process_id: "race" });
    await waitingAt(call, run, "wait_for_response_state");
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => looply("POST", "/resumeWorkflow/race", { payload: { source: "SAP", attempt: i } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(9);
    for (const a of refused) expect(a.body).toEqual({ code: "ALREADY_RESTARTED", data: { execution_key: run } });
    await waitingAt(call, run, "cool_down");
    const after = await looply("POST", "/resumeWorkflow/race", { payload: { source: "TEAMS" } });
    expect(after.body).toEqual({ code: "ALREADY_RESTARTED", data: { execution_key: run } });
    const events = (await call("GET", `/v1/runs/${run}/events`)).body.data.filter((e: Body) => e.type === "event.received");
    expect(events).toHaveLength(1);
  });

  it("resumes the newest execution of a process id that waits, when several share it", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const older = await trigger(looply, wf, { process_id: "batch-1", n: 1 });
    await waitingAt(call, older, "wait_for_response_state");
    expect((await looply("POST", "/resumeWorkflow/batch-1", { payload: { source: "SAP" } })).status).toBe(200);
    await waitForRun(call, older);
    const newer = await trigger(looply, wf, { process_id: "batch-1", n: 2 });
    await waitingAt(call, newer, "wait_for_response_state");
    expect((await looply("POST", "/resumeWorkflow/batch-1", { payload: { source: "TEAMS" } })).body.data.workflow_identifier).toMatchObject(
      {
        workflow_execution_id: newer,
      },
    );
    expect((await call("GET", "/v1/runs?process_id=batch-1")).body.data.map((r: Body) => r.id)).toEqual([newer, older]);
  });
});

describe("terminateWorkflow", () => {
  it("cancels with the reason, visible in the run's error and its event log; ended or unknown is 404", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const run = await trigger(looply, wf, { process_id: "PO-expired" });
    await waitingAt(call, run, "wait_for_response_state");
    const res = await looply("POST", "/terminateWorkflow/PO-expired", { payload: { termination_reason: "Process has now expired." } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "terminated" });
    const cancelled = (await call("GET", `/v1/runs/${run}`)).body;
    expect(cancelled).toMatchObject({ status: "cancelled", error: { code: "RUN_CANCELLED", message: "Process has now expired." } });
    const events = (await call("GET", `/v1/runs/${run}/events`)).body.data;
    expect(events.find((e: Body) => e.type === "run.cancelled").data.error.message).toBe("Process has now expired.");

    for (const name of ["PO-expired", "never-triggered"]) {
      const again = await looply("POST", `/terminateWorkflow/${name}`, { payload: {} });
      expect(again.status).toBe(404);
      expect(again.body).toEqual({ message: "execution not found" });
    }
  });

  it("uses Looply's default reason when none is given, with or without a body", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    for (const body of [{ payload: {} }, undefined]) {
      const run = await trigger(looply, wf);
      await waitingAt(call, run, "wait_for_response_state");
      expect((await looply("POST", `/terminateWorkflow/${run}`, body)).status).toBe(200);
      expect((await call("GET", `/v1/runs/${run}`)).body.error.message).toBe("Workflow execution terminated by user.");
    }
    const bad = await looply("POST", "/terminateWorkflow/x", { payload: { termination_reason: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/termination_reason/);
  });
});

describe("toggleScheduledWorkflow", () => {
  const scheduleObject = (id: string) =>
    env.SCHEDULES.get(env.SCHEDULES.idFromName(id)) as unknown as DurableObjectStub<TestScheduleObject>;
  const alarmOf = (id: string) => runInDurableObject(scheduleObject(id), (_o, state) => state.storage.getAlarm());
  /** Moves the schedule's clock past its next fire and runs its alarm, if it has one. */
  async function fire(id: string, next: string | null): Promise<boolean> {
    const stub = scheduleObject(id);
    if (next) await runInDurableObject(stub, (o: TestScheduleObject) => o.testShiftClock(Date.parse(next) - Date.now() + 1000));
    return runDurableObjectAlarm(stub);
  }

  it("PAUSE drops every schedule's alarm so nothing fires; PLAY re-arms them and they fire again", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "tick", type: "transform", config: { value: "tick" } }] });
    const schedules = [];
    for (const cron of ["*/5 * * * *", "0 * * * *"]) schedules.push((await call("POST", `/v1/workflows/${wf}/schedules`, { cron })).body);
    const runs = async () => (await call("GET", `/v1/workflows/${wf}/runs`)).body.data.length;

    const paused = await looply("POST", "/toggleScheduledWorkflow", { workflow_id: wf, workflow_version: 1, action: "PAUSE" });
    expect(paused.status).toBe(200);
    expect(paused.body).toEqual({ message: "success", workflow_id: wf, workflow_version: 1, status: "PAUSED" });
    for (const s of schedules) {
      expect(await alarmOf(s.id)).toBeNull();
      expect(await fire(s.id, s.next_run_at)).toBe(false);
      expect((await call("GET", `/v1/schedules/${s.id}`)).body).toMatchObject({ paused: true, next_run_at: null });
    }
    expect(await runs()).toBe(0);

    const played = await looply("POST", "/toggleScheduledWorkflow", { workflow_id: wf, workflow_version: "1", action: "PLAY" });
    expect(played.body).toEqual({ message: "success", workflow_id: wf, workflow_version: 1, status: "ACTIVE" });
    for (const s of schedules) {
      const active = (await call("GET", `/v1/schedules/${s.id}`)).body;
      expect(active.paused).toBe(false);
      expect(await alarmOf(s.id)).not.toBeNull();
      expect(await fire(s.id, active.next_run_at)).toBe(true);
    }
    expect(await runs()).toBe(2);
  });

  it("answers 409 for another action, 400 for a bad body, 404 for a workflow without schedules or an unknown one", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "tick", type: "transform", config: { value: 1 } }] });
    const schedule = (await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 9 * * *" })).body;
    const wrong = await looply("POST", "/toggleScheduledWorkflow", { workflow_id: wf, workflow_version: 1, action: "STOP" });
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toMatch(/PAUSE or PLAY/);
    for (const body of [
      { workflow_id: wf, action: "PAUSE" },
      { workflow_version: 1, action: "PAUSE" },
      { workflow_id: wf, workflow_version: "one", action: "PAUSE" },
    ]) {
      const res = await looply("POST", "/toggleScheduledWorkflow", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.body.message).toBe("string");
    }
    expect((await call("GET", `/v1/schedules/${schedule.id}`)).body.paused).toBe(false);

    const bare = await createWorkflow(call, { steps: [{ id: "tick", type: "transform", config: { value: 1 } }] });
    for (const body of [
      { workflow_id: bare, workflow_version: 1, action: "PAUSE" },
      { workflow_id: crypto.randomUUID(), workflow_version: 1, action: "PAUSE" },
      { workflow_id: wf, workflow_version: 9, action: "PAUSE" },
    ]) {
      const res = await looply("POST", "/toggleScheduledWorkflow", body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(typeof res.body.message).toBe("string");
    }
  });
});
