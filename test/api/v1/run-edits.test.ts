import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { RunStore } from "../../../src/engine/store";
import { webhookReceiver } from "../../support/dialects/common";
import { type Body, createWorkflow, eventually, newApp, runObject, startRun, waitForRun } from "../../support/worker";

const waits = { steps: [{ id: "approval", type: "wait_for_event", config: { event: "approved" } }] };
const twoSteps = {
  steps: [
    { id: "a", type: "transform", config: { value: { doubled: "{{ input.n * 2 }}" } } },
    { id: "b", type: "transform", config: { value: "{{ prev.doubled + 1 }}" } },
  ],
};

describe("PATCH /v1/runs/{id}", () => {
  it("sends the webhooks of a running run to its new URL, and none to the old one", async () => {
    const { call } = await newApp();
    const before = await webhookReceiver(call);
    const after = await webhookReceiver(call);
    const wf = await createWorkflow(call, waits);
    const run = await startRun(call, wf, { webhook_url: before.url });
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    const patched = await call("PATCH", `/v1/runs/${run.id}`, { webhook_url: after.url });
    expect(patched.status).toBe(200);
    expect(patched.body.webhook_url).toBe(after.url);
    await call("POST", `/v1/runs/${run.id}/events`, { name: "approved" });
    const calls = await eventually(after.calls, (c) => c.some((x) => x.body.type === "run.completed"));
    expect(calls.every((c) => c.valid)).toBe(true);
    expect((await before.calls()).map((c) => c.body.type)).toEqual(["run.waiting"]);
    const events = (await call("GET", `/v1/runs/${run.id}/events`)).body.data;
    expect(events.find((e: Body) => e.type === "run.updated").data).toEqual({ fields: ["webhook_url"] });
  });

  it("merges metadata as a JSON merge patch and finds the run by a metadata value", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    const run = await startRun(call, wf, { metadata: { team: "blue", ticket: "T-1", extra: { a: 1 } } });
    const patched = await call("PATCH", `/v1/runs/${run.id}`, { metadata: { ticket: null, extra: { b: 2 }, team: "red" } });
    expect(patched.body.metadata).toEqual({ team: "red", extra: { a: 1, b: 2 } });
    const other = await startRun(call, wf, { metadata: { team: "blue" } });
    const red = await eventually(
      () => call("GET", "/v1/runs?metadata[team]=red"),
      (r) => r.body.data.length === 1,
    );
    expect(red.body.data[0].id).toBe(run.id);
    expect((await call("GET", "/v1/runs?metadata[team]=blue")).body.data.map((r: Body) => r.id)).toEqual([other.id]);
    expect((await call("GET", "/v1/runs?metadata[te am]=x")).status).toBe(400);
  });

  it("refuses a bad patch with the field named and changes nothing", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, waits);
    const run = await startRun(call, wf, { metadata: { keep: true } });
    for (const body of [
      { webhook_url: "ftp://example.com/x" },
      { deleted: "yes" },
      { status: "completed" },
      { metadata: { big: "x".repeat(20_000) } },
    ]) {
      const res = await call("PATCH", `/v1/runs/${run.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details[0].path).toMatch(/webhook_url|deleted|metadata|\(body\)/);
    }
    const view = (await call("GET", `/v1/runs/${run.id}`)).body;
    expect(view).toMatchObject({ metadata: { keep: true }, webhook_url: null, deleted_at: null });
    expect((await call("PATCH", "/v1/runs/0190aaaa-0000-7000-8000-000000000000", { deleted: true })).status).toBe(404);
  });
});

describe("soft delete", () => {
  it("hides a deleted run from lists unless include_deleted=true, keeps it readable, and restores it", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, twoSteps);
    const gone = await waitForRun(call, (await startRun(call, wf, { input: { n: 1 } })).id);
    const kept = await waitForRun(call, (await startRun(call, wf, { input: { n: 2 } })).id);
    const deleted = await call("PATCH", `/v1/runs/${gone.id}`, { deleted: true });
    expect(deleted.body.deleted_at).not.toBeNull();
    const again = await call("PATCH", `/v1/runs/${gone.id}`, { deleted: true });
    expect(again.body.deleted_at).toBe(deleted.body.deleted_at);

    const ids = async (query: string) => (await call("GET", `/v1/runs${query}`)).body.data.map((r: Body) => r.id);
    await eventually(
      () => ids(""),
      (list) => list.length === 1,
    );
    expect(await ids("")).toEqual([kept.id]);
    expect(await ids("?include_deleted=true")).toEqual([kept.id, gone.id]);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data.map((r: Body) => r.id)).toEqual([kept.id]);
    const listed = (await call("GET", "/v1/runs?include_deleted=true")).body.data.find((r: Body) => r.id === gone.id);
    expect(listed.deleted_at).toBe(deleted.body.deleted_at);
    expect((await call("GET", `/v1/runs/${gone.id}`)).body).toMatchObject({ status: "completed", output: 3 });

    await call("PATCH", `/v1/runs/${gone.id}`, { deleted: false });
    await eventually(
      () => ids(""),
      (list) => list.length === 2,
    );
  });
});

describe("DELETE /v1/runs/{id}/outputs", () => {
  it("drops step inputs and outputs of an ended run, keeping its statuses, errors and times", async () => {
    const { call } = await newApp();
    const held = await startRun(call, await createWorkflow(call, waits));
    await waitForRun(call, held.id, (r) => r.status === "waiting");
    const early = await call("DELETE", `/v1/runs/${held.id}/outputs`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("RUN_NOT_ENDED");

    const run = await waitForRun(call, (await startRun(call, await createWorkflow(call, twoSteps), { input: { n: 4 } })).id);
    expect(run.output).toBe(9);
    const purged = await call("DELETE", `/v1/runs/${run.id}/outputs`);
    expect(purged.status).toBe(200);
    expect(purged.body.steps).toEqual(["a", "b"]);
    const view = (await call("GET", `/v1/runs/${run.id}`)).body;
    expect(view).toMatchObject({ status: "completed", output: null, input: { n: 4 }, outputs_purged_at: purged.body.outputs_purged_at });
    for (const step of view.steps) expect(step).toMatchObject({ status: "completed", attempts: 1, input: null, output: null });
    const events = (await call("GET", `/v1/runs/${run.id}/events`)).body.data;
    expect(JSON.stringify(events)).not.toContain('"output"');
    expect(events.at(-1)).toMatchObject({ type: "run.outputs_purged", data: { steps: ["a", "b"] } });
    expect((await call("DELETE", `/v1/runs/${run.id}/outputs`)).body.steps).toEqual([]);
  });

  it("refuses to resume or replay-from-a-step a failed run whose outputs are gone", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "a", type: "transform", config: { value: 1 } },
        { id: "b", type: "fail", config: { message: "no" } },
      ],
    });
    const run = await waitForRun(call, (await startRun(call, wf)).id);
    expect(run.status).toBe("failed");
    await call("DELETE", `/v1/runs/${run.id}/outputs`);
    const resumed = await call("POST", `/v1/runs/${run.id}/resume`);
    expect(resumed.status).toBe(409);
    expect(resumed.body.error.code).toBe("RUN_OUTPUTS_PURGED");
    expect((await call("POST", `/v1/runs/${run.id}/replay`, { from_step: "b" })).body.error.code).toBe("RUN_OUTPUTS_PURGED");
    expect((await call("GET", `/v1/runs/${run.id}`)).body.status).toBe("failed");
  });
});

describe("run objects created before task ids, soft delete and output purges", () => {
  it("read the new fields as null and gain the columns on their first write", async () => {
    const { call } = await newApp();
    const run = await startRun(call, await createWorkflow(call, waits));
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    await runInDurableObject(runObject(run.id), (_instance, state) => {
      const sql = state.storage.sql;
      for (const [table, column] of [
        ["steps", "task_id"],
        ["run", "deleted_at"],
        ["run", "outputs_purged_at"],
      ]) {
        sql.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
      // A fresh store over the old tables, as after a deploy.
      const store = new RunStore(sql);
      store.init();
      const loaded = store.loadRun();
      expect(loaded).toMatchObject({ deletedAt: null, outputsPurgedAt: null });
      expect(store.loadSteps().get("approval")?.taskId).toBeNull();
      store.saveTaskId("approval", "job-1");
      store.saveRunAttributes({ ...(loaded as NonNullable<typeof loaded>), deletedAt: 123 });
      expect(store.loadSteps().get("approval")?.taskId).toBe("job-1");
      expect(store.loadRun()?.deletedAt).toBe(123);
    });
  });
});
