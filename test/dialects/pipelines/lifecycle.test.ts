import { describe, expect, it } from "vitest";
import { counter, fakeLog } from "../../support/dialects/common";
import { BASE, ended, expectSeedShape, fal, oneStep, pipelinesApp, SEED_EXAMPLE, waitForWorkflow } from "../../support/dialects/pipelines";
import { type Body, eventually, fastForward, waitForRun } from "../../support/worker";

/** docs/dialects/pipelines.md#statuses: Created -> Running <-> Paused -> Completed | Failed. */

const submitsTo = async (app: string) => (await fakeLog()).filter((l) => l.method === "POST" && l.path === `/fake/fal/pipelines/${app}`);

describe("start, cancel and their conflicts", () => {
  it("creates a PENDING workflow with start=false, starts it once, and answers 409 for each wrong state", async () => {
    const { pl } = await pipelinesApp();
    const created = await pl("POST", `${BASE}?start=false`, SEED_EXAMPLE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "PENDING", started_at: null, progress: 0 });
    expect(created.body.steps.every((s: Body) => s.status === "PENDING" && s.task_id === null)).toBe(true);
    const id = created.body.id;
    expect((await pl("GET", `${BASE}${id}`)).body.status).toBe("PENDING");

    const resumePending = await pl("POST", `${BASE}${id}/resume`);
    expect(resumePending.status).toBe(409);
    expect(resumePending.body.detail).toContain("PENDING");
    const started = await pl("POST", `${BASE}${id}/start`);
    expect(started.status).toBe(200);
    expectSeedShape(started.body, "WorkflowPublic");
    expect(["RUNNING", "COMPLETED"]).toContain(started.body.status);
    const again = await pl("POST", `${BASE}${id}/start`);
    expect(again.status).toBe(409);
    expect(typeof again.body.detail).toBe("string");

    const done = await waitForWorkflow(pl, id, ended);
    expect(done.status).toBe("COMPLETED");
    for (const action of ["start", "resume"]) expect((await pl("POST", `${BASE}${id}/${action}`)).status).toBe(409);
    const cancelDone = await pl("DELETE", `${BASE}${id}`);
    expect(cancelDone.status).toBe(409);
    expect(cancelDone.body.detail).toBe(`Workflow ${id} is COMPLETED; only PENDING or RUNNING workflows can be cancelled`);
  });

  it("cancels a PENDING workflow before it starts", async () => {
    const { pl } = await pipelinesApp();
    const id = (await pl("POST", `${BASE}?start=false`, SEED_EXAMPLE)).body.id;
    const cancelled = await pl("DELETE", `${BASE}${id}`);
    expect(cancelled.status).toBe(200);
    expectSeedShape(cancelled.body, "WorkflowPublic");
    expect(cancelled.body.status).toBe("CANCELLED");
    expect(cancelled.body.steps.map((s: Body) => s.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect((await pl("POST", `${BASE}${id}/start`)).status).toBe(409);
  });

  it("cancels during a long task and aborts the provider call in flight", async () => {
    const { pl } = await pipelinesApp();
    const name = `hang-${crypto.randomUUID()}`;
    const id = (await pl("POST", BASE, oneStep({ provider_config: fal(`hang/${name}`) }))).body.id;
    await eventually(
      () => fetch(`${counter}/stats/${name}`).then((r) => r.json() as Promise<Body>),
      (s) => s.hits === 1,
    );
    expect((await pl("GET", `${BASE}${id}`)).body).toMatchObject({ status: "RUNNING", current_step: "only" });
    const cancelled = await pl("DELETE", `${BASE}${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("CANCELLED");
    expect(cancelled.body.steps[0].status).toBe("CANCELLED");
    const stats = await eventually(
      () => fetch(`${counter}/stats/${name}`).then((r) => r.json() as Promise<Body>),
      (s) => s.closed === 1,
    );
    expect(stats.hits).toBe(1);
    expect((await pl("DELETE", `${BASE}${id}`)).status).toBe(409);
  });
});

describe("retries and the fallback provider", () => {
  it("tries the primary max_retries + 1 times, then the fallback once, and shows it in retry_count", async () => {
    const { pl, call } = await pipelinesApp();
    const name = `flaky-${crypto.randomUUID()}`;
    const backup = `backup-${crypto.randomUUID().slice(0, 8)}`;
    const body = oneStep({
      max_retries: 2,
      provider_config: fal(`flaky/${name}/99`),
      fallback_provider_type: "fal",
      fallback_provider_config: { fal_app_id: `pipelines/${backup}`, poll_interval: "10ms" },
    });
    const id = (await pl("POST", BASE, body)).body.id;
    for (let retry = 1; retry <= 2; retry++) {
      const waiting = await waitForRun(call, id, (r) => r.steps[0].next_attempt_at !== null);
      const view = (await pl("GET", `${BASE}${id}`)).body;
      expect(view).toMatchObject({ status: "RUNNING", errors: [expect.stringContaining("answered 500")] });
      expect(view.steps[0]).toMatchObject({ status: "RUNNING", retry_count: retry - 1, error_message: expect.stringContaining("500") });
      expect(waiting.steps[0].attempts).toBe(retry);
      await fastForward(id);
    }
    const done = expectSeedShape(await waitForWorkflow(pl, id, ended), "WorkflowPublic");
    expect(done.status).toBe("COMPLETED");
    expect(done.steps[0]).toMatchObject({
      status: "COMPLETED",
      retry_count: 3,
      max_retries: 2,
      error_message: null,
      fallback_provider_type: "fal",
    });
    expect(done.steps[0].result.request).toEqual({ prompt: "x" });
    const primary = (await fakeLog()).filter((l) => l.path === `/fake/fal/pipelines/flaky/${name}/99`);
    const fallback = await submitsTo(backup);
    expect(primary).toHaveLength(3);
    expect(fallback).toHaveLength(1);
    expect(done.steps[0].task_id).toMatch(/^r\d+$/);
  });

  it("fails the workflow when the fallback fails too, with every error listed", async () => {
    const { pl, call } = await pipelinesApp();
    const name = `flaky-${crypto.randomUUID()}`;
    const id = (
      await pl(
        "POST",
        BASE,
        oneStep({
          max_retries: 0,
          provider_config: fal(`flaky/${name}/99`),
          fallback_provider_type: "FAL",
          fallback_provider_config: { fal_app_id: `pipelines/flaky/${name}/99` },
        }),
      )
    ).body.id;
    const done = await waitForWorkflow(pl, id, ended);
    expect(done.status).toBe("FAILED");
    expect(done.steps[0]).toMatchObject({ status: "FAILED", retry_count: 1 });
    expect(done.error_message).toContain("answered 500");
    expect(done.errors).toHaveLength(1);
    expect((await waitForRun(call, id)).steps[0].used_fallback).toBe(true);
  });
});

describe("resume", () => {
  it("re-sends only the failed task and keeps generate's result", async () => {
    const { pl, call } = await pipelinesApp();
    const name = `flaky-${crypto.randomUUID()}`;
    const body = JSON.parse(SEED_EXAMPLE);
    body.steps[1].provider_config = fal(`flaky/${name}/1`);
    body.steps[1].max_retries = 0;
    body.origin_reference = name;
    const id = (await pl("POST", BASE, body)).body.id;
    const failed = await waitForWorkflow(pl, id, ended);
    expect(failed.status).toBe("FAILED");
    expect(failed.steps.map((s: Body) => s.status)).toEqual(["COMPLETED", "FAILED"]);
    const generated = failed.steps[0].result.result_image_path;

    const resumed = await pl("POST", `${BASE}${id}/resume`);
    expect(resumed.status).toBe(200);
    expectSeedShape(resumed.body, "WorkflowPublic");
    expect(resumed.body.status).not.toBe("FAILED");
    const done = await waitForWorkflow(pl, id, ended);
    expect(done.status).toBe("COMPLETED");
    expect(done.steps[0].result.result_image_path).toBe(generated);
    expect(done.steps[1].result.request.base_image_url).toBe(generated);
    const refineSubmits = (await fakeLog()).filter((l) => l.path === `/fake/fal/pipelines/flaky/${name}/1`);
    expect(refineSubmits).toHaveLength(2);
    expect(done.steps[0].task_id).toBe(failed.steps[0].task_id);
    expect((await call("GET", `/v1/runs/${id}`)).body.steps.map((s: Body) => s.attempts)).toEqual([1, 1]);
  });

  it("resumes a workflow paused through /v1", async () => {
    const { pl, call } = await pipelinesApp();
    const name = `hang-${crypto.randomUUID()}`;
    const body = { ...oneStep({ provider_config: fal(`hang/${name}`) }), origin_instance: "pause" };
    const id = (await pl("POST", BASE, body)).body.id;
    await waitForRun(call, id, (r) => r.steps[0].status === "running");
    expect((await call("POST", `/v1/runs/${id}/pause`)).status).toBe(200);
    expect((await pl("GET", `${BASE}${id}`)).body.status).toBe("PAUSED");
    expect((await pl("DELETE", `${BASE}${id}`)).status).toBe(409);
    const resumed = await pl("POST", `${BASE}${id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe("RUNNING");
    expect((await pl("POST", `${BASE}${id}/resume`)).status).toBe(409);
    await pl("DELETE", `${BASE}${id}`);
  });
});

describe("cleanup", () => {
  it("soft-deletes an ended workflow, purges its tasks' results, and keeps it readable", async () => {
    const { pl, call } = await pipelinesApp();
    const id = (await pl("POST", BASE, SEED_EXAMPLE)).body.id;
    const done = await waitForWorkflow(pl, id, ended);

    const cleaned = await pl("POST", `${BASE}${id}/cleanup`);
    expect(cleaned.status).toBe(200);
    expectSeedShape(cleaned.body, "WorkflowCleanupResponse");
    expect(cleaned.body.cleanup).toEqual({ tasks_processed: 2, tasks_cleaned: 2, deleted_paths: [], errors: [] });
    const workflow = cleaned.body.workflow;
    expect(workflow).toMatchObject({ status: "COMPLETED", is_deleted: true, final_step_result: null });
    expect(workflow.deleted_at).not.toBeNull();
    expect(workflow.steps.map((s: Body) => [s.status, s.result, s.task_id])).toEqual(
      done.steps.map((s: Body) => ["COMPLETED", null, s.task_id]),
    );

    const read = expectSeedShape((await pl("GET", `${BASE}${id}`)).body, "WorkflowPublic");
    expect(read.is_deleted).toBe(true);
    const again = await pl("POST", `${BASE}${id}/cleanup`);
    expect(again.body.cleanup).toMatchObject({ tasks_processed: 2, tasks_cleaned: 0 });
    expect(again.body.workflow.deleted_at).toBe(workflow.deleted_at);
    const patched = await pl("PATCH", `${BASE}${id}`, { name: "too late" });
    expect(patched.status).toBe(409);
    expect((await call("GET", `/v1/runs/${id}`)).body).toMatchObject({ deleted_at: workflow.deleted_at, output: null });
  });

  it("with cleanup_tasks=false only soft-deletes, and refuses a workflow that has not ended", async () => {
    const { pl } = await pipelinesApp();
    const pending = (await pl("POST", `${BASE}?start=false`, SEED_EXAMPLE)).body.id;
    const refused = await pl("POST", `${BASE}${pending}/cleanup`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("PENDING");
    expect((await pl("GET", `${BASE}${pending}`)).body.is_deleted).toBe(false);

    const id = (await pl("POST", BASE, SEED_EXAMPLE)).body.id;
    const done = await waitForWorkflow(pl, id, ended);
    const cleaned = await pl("POST", `${BASE}${id}/cleanup?cleanup_tasks=false`);
    expectSeedShape(cleaned.body, "WorkflowCleanupResponse");
    expect(cleaned.body.cleanup).toEqual({ tasks_processed: 0, tasks_cleaned: 0, deleted_paths: [], errors: [] });
    expect(cleaned.body.workflow).toMatchObject({ is_deleted: true, final_step_result: done.final_step_result });
  });
});
