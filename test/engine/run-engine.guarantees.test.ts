import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { type Call, createWorkflow, fastForward, newApp, runObject, startRun, waitForRun } from "../support/worker";

const counter = inject("counterUrl");

async function stats(name: string) {
  return (await fetch(`${counter}/stats/${name}`).then((r) => r.json())) as { hits: number; closed: number; keys: Record<string, number> };
}

async function events(call: Call, runId: string) {
  return (await call("GET", `/v1/runs/${runId}/events?limit=1000`)).body.data as Array<{
    seq: number;
    type: string;
    step_id: string | null;
  }>;
}

describe("the guarantees of docs/runs.md#guarantees", () => {
  it("1. stores a step's output before a dependent starts, and never runs a completed step again", async () => {
    const { call } = await newApp();
    const name = crypto.randomUUID();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "effect", type: "http", config: { method: "POST", url: `${counter}/count/${name}` } },
        { id: "boom", type: "fail", config: { message: "always" } },
        { id: "after", type: "transform", config: { value: "{{ steps.effect.output.body.hits }}" } },
      ],
    });
    const run = await startRun(call, wf);
    const failed = await waitForRun(call, run.id);
    expect(failed.status).toBe("failed");
    const log = await events(call, run.id);
    const completedEffect = log.find((e) => e.type === "step.completed" && e.step_id === "effect")?.seq ?? 0;
    const failedBoom = log.find((e) => e.type === "step.failed" && e.step_id === "boom")?.seq ?? 0;
    expect(completedEffect).toBeGreaterThan(0);
    expect(completedEffect).toBeLessThan(failedBoom);
    expect((await call("POST", `/v1/runs/${run.id}/resume`)).status).toBe(200);
    for (let i = 0; i < 200; i++) {
      if ((await events(call, run.id)).filter((e) => e.type === "step.failed").length === 2) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await events(call, run.id)).filter((e) => e.type === "step.failed")).toHaveLength(2);
    expect((await waitForRun(call, run.id)).status).toBe("failed");
    expect((await stats(name)).hits).toBe(1);
  });

  it("2. sends a stable Idempotency-Key run:step:index, with the for_each index", async () => {
    const { call } = await newApp();
    const name = crypto.randomUUID();
    const wf = await createWorkflow(call, {
      steps: [
        {
          id: "each",
          type: "http",
          for_each: [1, 2, 3],
          config: { method: "POST", url: `${counter}/count/${name}`, body: { n: "{{ item }}" } },
        },
      ],
    });
    const run = await startRun(call, wf);
    const done = await waitForRun(call, run.id);
    expect(done.status).toBe("completed");
    expect(Object.keys((await stats(name)).keys).sort()).toEqual([0, 1, 2].map((i) => `${run.id}:each:${i}`));
  });

  it("3. keeps timers across a restart and never fires them early", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, { steps: [{ id: "nap", type: "sleep", config: { duration: "2h" } }] });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    const stub = runObject(run.id);
    await runDurableObjectAlarm(stub);
    expect((await call("GET", `/v1/runs/${run.id}`)).body.status).toBe("waiting");
    const { evictDurableObject } = await import("cloudflare:test");
    await evictDurableObject(stub);
    const alarm = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    await fastForward(run.id);
    expect((await waitForRun(call, run.id)).status).toBe("completed");
  });

  it("4. logs every state change with a gap-free sequence, paged with after/limit", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "a", type: "transform", config: { value: 1 } },
        { id: "b", type: "transform", config: { value: 2 } },
        { id: "c", type: "transform", config: { value: 3 } },
      ],
    });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id);
    const all = await events(call, run.id);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all[0].type).toBe("run.created");
    expect(all[all.length - 1].type).toBe("run.completed");
    const first = (await call("GET", `/v1/runs/${run.id}/events?limit=2`)).body;
    const rest = (await call("GET", `/v1/runs/${run.id}/events?after=${first.next_after}&limit=1000`)).body;
    expect([...first.data, ...rest.data].map((e: { seq: number }) => e.seq)).toEqual(all.map((e) => e.seq));
  });

  it("5. cancel aborts a hanging http call within a second and no later step starts", async () => {
    const { call } = await newApp();
    const name = crypto.randomUUID();
    const later = crypto.randomUUID();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "hang", type: "http", config: { url: `${counter}/hang/${name}` } },
        { id: "later", type: "http", config: { url: `${counter}/count/${later}` } },
      ],
    });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.steps[0].status === "running");
    for (let i = 0; i < 100 && (await stats(name)).hits === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    const cancelled = await call("POST", `/v1/runs/${run.id}/cancel`);
    expect(cancelled.body.status).toBe("cancelled");
    for (let i = 0; i < 100 && (await stats(name)).closed === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await stats(name)).closed).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await stats(later)).hits).toBe(0);
    expect((await call("GET", `/v1/runs/${run.id}`)).body.steps.map((s: { status: string }) => s.status)).toEqual([
      "cancelled",
      "cancelled",
    ]);
  });

  it("6. applies one of 100 identical parallel events; keeps an early event; refuses the rest clearly", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "nap", type: "sleep", config: { duration: "1h" } },
        { id: "first", type: "wait_for_event", config: { event: "go" } },
        { id: "second", type: "wait_for_event", config: { event: "again" } },
      ],
    });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    const early = await call("POST", `/v1/runs/${run.id}/events`, { name: "go", payload: { early: true }, id: "evt-1" });
    expect(early.status).toBe(202);
    expect((await call("POST", `/v1/runs/${run.id}/events`, { name: "go", id: "evt-1" })).body.error.code).toBe("DUPLICATE_EVENT");
    expect((await call("POST", `/v1/runs/${run.id}/events`, { name: "nobody" })).body.error.code).toBe("NO_WAITING_STEP");
    await fastForward(run.id);
    const waiting = await waitForRun(call, run.id, (r) => r.steps[2].status === "waiting");
    expect(waiting.steps[1].output).toEqual({ name: "go", payload: { early: true } });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => call("POST", `/v1/runs/${run.id}/events`, { name: "again", payload: 1 })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const done = await waitForRun(call, run.id);
    expect(done.status).toBe("completed");
    expect((await call("POST", `/v1/runs/${run.id}/resume`)).status).toBe(409);
  });

  it("8. follows Cloudflare Workflows' retry defaults, and fails at once on a non-retryable error", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [{ id: "flaky", type: "http", config: { url: `${counter}/status/503` } }],
    });
    const run = await startRun(call, wf);
    const retrying = await waitForRun(call, run.id, (r) => r.steps[0].next_attempt_at !== null);
    const delay = Date.parse(retrying.steps[0].next_attempt_at) - Date.parse(retrying.steps[0].ended_at ?? retrying.steps[0].started_at);
    expect(delay).toBeGreaterThan(9_000);
    expect(delay).toBeLessThan(11_000);
    for (let attempt = 2; attempt <= 5; attempt++) {
      await fastForward(run.id);
      await waitForRun(
        call,
        run.id,
        (r) => r.steps[0].attempts === attempt && (r.steps[0].next_attempt_at !== null || r.status === "failed"),
      );
    }
    const failed = await waitForRun(call, run.id);
    expect(failed.status).toBe("failed");
    expect(failed.steps[0].attempts).toBe(5);
    const notFound = await createWorkflow(call, { steps: [{ id: "missing", type: "http", config: { url: `${counter}/status/404` } }] });
    const run404 = await startRun(call, notFound);
    const failed404 = await waitForRun(call, run404.id);
    expect(failed404.steps[0].attempts).toBe(1);
    expect(failed404.error).toMatchObject({ code: "HTTP_STATUS", step_id: "missing" });
  });
});

describe("control", () => {
  it("pauses (no step starts) and resumes", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "nap", type: "sleep", config: { duration: "1h" } },
        { id: "after", type: "transform", config: { value: "ran" } },
      ],
    });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    expect((await call("POST", `/v1/runs/${run.id}/pause`)).body.status).toBe("paused");
    await fastForward(run.id);
    await new Promise((r) => setTimeout(r, 100));
    const paused = (await call("GET", `/v1/runs/${run.id}`)).body;
    expect(paused.status).toBe("paused");
    expect(paused.steps[1].status).toBe("pending");
    expect((await call("POST", `/v1/runs/${run.id}/resume`)).status).toBe(200);
    expect((await waitForRun(call, run.id)).output).toBe("ran");
  });

  it("replays from a step, reusing the outputs of the steps before it", async () => {
    const { call } = await newApp();
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "one", type: "http", config: { method: "POST", url: `${counter}/count/${first}` } },
        { id: "two", type: "http", config: { method: "POST", url: `${counter}/count/${second}` } },
      ],
    });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id);
    const replay = await call("POST", `/v1/runs/${run.id}/replay`, { from_step: "two" });
    expect(replay.status).toBe(201);
    const done = await waitForRun(call, replay.body.id);
    expect(done.status).toBe("completed");
    expect((await stats(first)).hits).toBe(1);
    expect((await stats(second)).hits).toBe(2);
    expect((await call("POST", `/v1/runs/${run.id}/replay`, { from_step: "nope" })).status).toBe(400);
  });

  it("purges data at retention (410), keeps a failed run with preserve_on_failure, and purges on DELETE", async () => {
    const { call } = await newApp();
    const ok = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const bad = await createWorkflow(call, { steps: [{ id: "a", type: "fail", config: { message: "no" } }] });
    const kept = await startRun(call, bad, { retention: { max_age_seconds: 60, preserve_on_failure: true } });
    const purged = await startRun(call, ok, { retention: { max_age_seconds: 60 } });
    await waitForRun(call, kept.id);
    await waitForRun(call, purged.id);
    await fastForward(kept.id, 120_000, ["retention"]);
    await fastForward(purged.id, 120_000, ["retention"]);
    expect((await call("GET", `/v1/runs/${kept.id}`)).status).toBe(200);
    const gone = await call("GET", `/v1/runs/${purged.id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe("RUN_PURGED");
    expect((await call("GET", `/v1/runs/${purged.id}/events`)).status).toBe(410);
    expect((await call("DELETE", `/v1/runs/${kept.id}`)).status).toBe(200);
    expect((await call("GET", `/v1/runs/${kept.id}`)).status).toBe(410);
  });

  it("answers the same run for a repeated Idempotency-Key, 422 for another body", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const headers = { "idempotency-key": "order-42" };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", `/v1/workflows/${wf}/runs`, { input: { n: 1 } }, headers)),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const again = await call("POST", `/v1/workflows/${wf}/runs`, { input: { n: 1 } }, headers);
    expect(again.body.id).toBe(created[0].body.id);
    const other = await call("POST", `/v1/workflows/${wf}/runs`, { input: { n: 2 } }, headers);
    expect(other.status).toBe(422);
    expect((await call("GET", `/v1/workflows/${wf}/runs`)).body.data).toHaveLength(1);
  });

  it("runs at most 2 of 5 runs at once under a concurrency limit, first in first out", async () => {
    const { call } = await newApp();
    const wf = await createWorkflow(call, {
      concurrency: { limit: 2 },
      steps: [{ id: "hold", type: "wait_for_event", config: { event: "release" } }],
    });
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await startRun(call, wf));
    const order: string[] = [];
    for (let released = 0; released < 5; released++) {
      const views = await Promise.all(runs.map((r) => call("GET", `/v1/runs/${r.id}`).then((v) => v.body)));
      const active = views.filter((v) => v.status === "waiting");
      expect(active.length).toBeLessThanOrEqual(2);
      const next = await waitForRun(call, runs[released].id, (r) => r.status === "waiting");
      order.push(next.id);
      await call("POST", `/v1/runs/${next.id}/events`, { name: "release" });
      await waitForRun(call, next.id);
    }
    expect(order).toEqual(runs.map((r) => r.id));
  });

  it("streams every event in order and resumes after Last-Event-ID", async () => {
    const { call, key } = await newApp();
    const wf = await createWorkflow(call, {
      steps: [
        { id: "a", type: "transform", config: { value: 1 } },
        { id: "b", type: "transform", config: { value: 2 } },
      ],
    });
    const run = await startRun(call, wf);
    await waitForRun(call, run.id);
    const { SELF } = await import("cloudflare:test");
    const read = async (headers: Record<string, string>) =>
      (await (await SELF.fetch(`http://x/v1/runs/${run.id}/stream`, { headers: { "x-api-key": key, ...headers } })).text())
        .split("\n\n")
        .filter((f) => f.startsWith("id:"))
        .map((f) => Number(f.split("\n")[0].slice(4)));
    const all = await read({});
    const log = await events(call, run.id);
    expect(all).toEqual(log.map((e) => e.seq));
    expect(await read({ "last-event-id": String(all[2]) })).toEqual(all.slice(3));
  });
});
