import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { latestSlot, nextFire } from "../../src/domain/cron";
import type { TestScheduleObject } from "../support/test-objects";
import { createWorkflow, newApp } from "../support/worker";

const stubOf = (id: string) => env.SCHEDULES.get(env.SCHEDULES.idFromName(id)) as unknown as DurableObjectStub<TestScheduleObject>;

/** Moves the schedule's clock to just past its next fire and runs its alarm. */
async function fire(id: string, next: string) {
  const stub = stubOf(id);
  await runInDurableObject(stub, (o: TestScheduleObject) => o.testShiftClock(Date.parse(next) - Date.now() + 1000));
  expect(await runDurableObjectAlarm(stub)).toBe(true);
}

async function setup(extra: Record<string, unknown> = {}) {
  const app = await newApp();
  const wf = await createWorkflow(app.call, { steps: [{ id: "a", type: "transform", config: { value: "{{ input.greeting }}" } }] });
  const created = await app.call("POST", `/v1/workflows/${wf}/schedules`, { cron: "*/5 * * * *", input: { greeting: "hi" }, ...extra });
  expect(created.status).toBe(201);
  return { ...app, wf, schedule: created.body };
}

describe("schedules", () => {
  it("fires at its due time with trigger schedule and the schedule id, and not before", async () => {
    const { call, schedule } = await setup();
    expect(Date.parse(schedule.next_run_at) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    await runDurableObjectAlarm(stubOf(schedule.id));
    expect((await call("GET", "/v1/runs")).body.data).toHaveLength(0);
    await fire(schedule.id, schedule.next_run_at);
    const runs = (await call("GET", "/v1/runs")).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "schedule", schedule_id: schedule.id });
    const after = (await call("GET", `/v1/schedules/${schedule.id}`)).body;
    expect(after.last_run_id).toBe(runs[0].id);
    expect(Date.parse(after.next_run_at)).toBeGreaterThan(Date.parse(schedule.next_run_at));
  });

  it("stops while paused and starts again on resume", async () => {
    const { call, schedule } = await setup();
    const paused = await call("PATCH", `/v1/schedules/${schedule.id}`, { paused: true });
    expect(paused.body).toMatchObject({ paused: true, next_run_at: null });
    expect(await runInDurableObject(stubOf(schedule.id), (_o, state) => state.storage.getAlarm())).toBeNull();
    const resumed = await call("PATCH", `/v1/schedules/${schedule.id}`, { paused: false, cron: "0 * * * *" });
    expect(resumed.body.paused).toBe(false);
    expect(new Date(resumed.body.next_run_at).getUTCMinutes()).toBe(0);
    await fire(schedule.id, resumed.body.next_run_at);
    expect((await call("GET", "/v1/runs")).body.data).toHaveLength(1);
  });

  it("pauses and resumes every schedule of a workflow at once: no alarm while paused, firing again after", async () => {
    const { call, wf, schedule } = await setup();
    const second = (await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 * * * *" })).body;
    const paused = await call("POST", `/v1/workflows/${wf}/schedules/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.data.map((s: { id: string; paused: boolean }) => [s.id, s.paused])).toEqual([
      [second.id, true],
      [schedule.id, true],
    ]);
    for (const id of [schedule.id, second.id]) {
      expect(await runInDurableObject(stubOf(id), (_o, state) => state.storage.getAlarm())).toBeNull();
      expect(await runDurableObjectAlarm(stubOf(id))).toBe(false);
    }
    const resumed = (await call("POST", `/v1/workflows/${wf}/schedules/resume`)).body.data;
    for (const s of resumed) await fire(s.id, s.next_run_at);
    expect((await call("GET", "/v1/runs")).body.data).toHaveLength(2);
    expect((await call("POST", `/v1/workflows/${crypto.randomUUID()}/schedules/pause`)).status).toBe(404);
    const other = await newApp();
    expect((await other.call("POST", `/v1/workflows/${wf}/schedules/pause`)).status).toBe(404);
  });

  it("fires once for missed slots after a restart, not once per slot", async () => {
    const { call, schedule } = await setup();
    const stub = stubOf(schedule.id);
    await evictDurableObject(stub).catch(() => {});
    await runInDurableObject(stub, (o: TestScheduleObject) => o.testShiftClock(3 * 3_600_000));
    await runDurableObjectAlarm(stub);
    expect((await call("GET", "/v1/runs")).body.data).toHaveLength(1);
  });

  it("skips a fire while the previous run has not ended when overlap is skip", async () => {
    const app = await newApp();
    const wf = await createWorkflow(app.call, { steps: [{ id: "w", type: "wait_for_event", config: { event: "done" } }] });
    const created = (await app.call("POST", `/v1/workflows/${wf}/schedules`, { cron: "*/5 * * * *", overlap: "skip" })).body;
    await fire(created.id, created.next_run_at);
    const next = (await app.call("GET", `/v1/schedules/${created.id}`)).body;
    await fire(created.id, next.next_run_at);
    expect((await app.call("GET", "/v1/runs")).body.data).toHaveLength(1);
    expect((await app.call("GET", `/v1/schedules/${created.id}`)).body.skipped_count).toBe(1);
  });

  it("refuses a bad cron, an unknown timezone and an unknown workflow; another app's schedule is 404", async () => {
    const { call, wf, schedule } = await setup();
    const bad = await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "every day" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("cron");
    const zone = await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 9 * * *", timezone: "Mars/Olympus" });
    expect(zone.body.error.details[0].path).toBe("timezone");
    expect((await call("POST", `/v1/workflows/${crypto.randomUUID()}/schedules`, { cron: "0 9 * * *" })).status).toBe(404);
    const other = await newApp();
    for (const [method, body] of [["GET"], ["PATCH", { paused: true }], ["DELETE"]] as const) {
      expect((await other.call(method, `/v1/schedules/${schedule.id}`, body)).status).toBe(404);
    }
    expect((await other.call("GET", "/v1/schedules")).body.data).toEqual([]);
    expect((await call("DELETE", `/v1/schedules/${schedule.id}`)).status).toBe(200);
    expect((await call("GET", `/v1/schedules/${schedule.id}`)).status).toBe(404);
  });
});

describe("a schedule is checked like the runs it will start", () => {
  it("refuses six fields (seconds) and nicknames with a 400 naming cron, on create and on PATCH", async () => {
    const { call, wf, schedule } = await setup();
    for (const cron of ["0 0 9 * * *", "*/10 * * * * *", "@daily", "0 9 * *"]) {
      const res = await call("POST", `/v1/workflows/${wf}/schedules`, { cron });
      expect(res.status, cron).toBe(400);
      expect(res.body.error.details).toEqual([{ path: "cron", message: expect.stringMatching(/field\(s\); use five/) }]);
      expect((await call("PATCH", `/v1/schedules/${schedule.id}`, { cron })).status, cron).toBe(400);
    }
    expect((await call("GET", "/v1/schedules")).body.data).toHaveLength(1);
    expect((await call("GET", `/v1/schedules/${schedule.id}`)).body.cron).toBe("*/5 * * * *");
  });

  it("refuses a pinned version that does not exist with a 400 naming version, as a run would be", async () => {
    const { call, wf, schedule } = await setup();
    const created = await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 9 * * *", version: 7 });
    expect(created.status).toBe(400);
    expect(created.body.error.details).toEqual([{ path: "version", message: `workflow ${wf} has no version 7` }]);
    const run = await call("POST", `/v1/workflows/${wf}/runs`, { version: 7 });
    expect(run.body.error.details).toEqual(created.body.error.details);
    const patched = await call("PATCH", `/v1/schedules/${schedule.id}`, { version: 2 });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0].path).toBe("version");
    expect((await call("GET", `/v1/schedules/${schedule.id}`)).body.version).toBeNull();
    expect((await call("POST", `/v1/workflows/${wf}/schedules`, { cron: "0 9 * * *", version: 1 })).status).toBe(201);
  });
});

describe("cron in Europe/Berlin across daylight saving time", () => {
  it("fires 09:00 local as 08:00Z in winter and 07:00Z in summer", () => {
    expect(new Date(nextFire("0 9 * * *", "Europe/Berlin", Date.parse("2026-03-27T12:00:00Z")) as number).toISOString()).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(new Date(nextFire("0 9 * * *", "Europe/Berlin", Date.parse("2026-03-28T12:00:00Z")) as number).toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
    expect(new Date(nextFire("0 9 * * *", "Europe/Berlin", Date.parse("2026-10-24T12:00:00Z")) as number).toISOString()).toBe(
      "2026-10-25T08:00:00.000Z",
    );
  });

  it("does not fire 02:30 on the night that has no 02:30, and fires it once on the night that has two", () => {
    const spring = nextFire("30 2 * * *", "Europe/Berlin", Date.parse("2026-03-28T12:00:00Z")) as number;
    expect(new Date(spring).toISOString()).not.toBe("2026-03-29T01:30:00.000Z");
    const autumn = nextFire("30 2 * * *", "Europe/Berlin", Date.parse("2026-10-24T12:00:00Z")) as number;
    const afterAutumn = nextFire("30 2 * * *", "Europe/Berlin", autumn) as number;
    expect(new Date(afterAutumn).getUTCDate()).toBe(26);
  });

  it("collapses missed slots into the latest one", () => {
    const slot = latestSlot("*/5 * * * *", "UTC", Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-01-01T03:07:00Z"));
    expect(new Date(slot as number).toISOString()).toBe("2026-01-01T03:05:00.000Z");
  });
});
