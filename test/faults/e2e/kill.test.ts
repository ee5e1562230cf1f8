import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import {
  adminCall,
  call,
  type E2eCall,
  newE2eApp,
  type Receiver,
  type Stepline,
  startReceiver,
  startStepline,
} from "../../support/e2e/harness";
import { writeFigure } from "../../support/faults/results";

/**
 * 200 runs of 3-10 steps (http calls to a counter, sleeps of 1-5 s) while wrangler dev is
 * SIGKILLed 20 times at random moments and restarted on the same state. Every run must end,
 * every effect must reach the counter, and after dedupe by Idempotency-Key each effect once.
 */
const RUNS = 200;
const KILLS = 20;

let server: Stepline | undefined;
let counter: Receiver | undefined;

afterAll(async () => {
  await server?.stop();
  await counter?.close();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

function definition(i: number, counterUrl: string) {
  const steps = [];
  const length = 3 + (i % 8);
  for (let s = 0; s < length; s++) {
    steps.push(
      s % 3 === 1
        ? { id: `s${s}`, type: "sleep", config: { duration: `${1 + (s % 5)}s` } }
        : {
            id: `s${s}`,
            type: "http",
            config: { method: "POST", url: `${counterUrl}/effect`, body: { step: s } },
            retry: { delay: "200ms" },
          },
    );
  }
  return { name: `kill ${i}`, steps };
}

/** Retries through a restart; the Idempotency-Key makes a repeated create return the same run. */
async function resilient(as: () => E2eCall, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  for (;;) {
    try {
      const res = await as()(method, path, body, headers);
      // 409 IDEMPOTENCY_IN_PROGRESS: the first try died with the server; retrying takes it over.
      if (res.status < 500 && res.body?.error?.code !== "IDEMPOTENCY_IN_PROGRESS") return res;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
}

it("loses nothing across 20 SIGKILLs: every run ends and every effect lands once after dedupe", async () => {
  counter = await startReceiver();
  const receiver = counter;
  server = await startStepline();
  const { key } = await newE2eApp(server.url);
  const as =
    (): E2eCall =>
    (method, path, body, headers = {}) =>
      call((server as Stepline).url, method, path, body, { "x-api-key": key, ...headers });
  const workflows: string[] = [];
  for (let i = 0; i < 8; i++) workflows.push((await resilient(as, "POST", "/v1/workflows", definition(i, receiver.url))).body.id);

  const started = Date.now();
  let kills = 0;
  const killer = (async () => {
    while (kills < KILLS) {
      await new Promise((r) => setTimeout(r, random(1500, 4000)));
      await (server as Stepline).kill();
      kills += 1;
      server = await (server as Stepline).restart();
    }
  })();
  const runs: string[] = [];
  for (let i = 0; i < RUNS; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        resilient(as, "POST", `/v1/workflows/${workflows[(i + j) % workflows.length]}/runs`, {}, { "idempotency-key": `run-${i + j}` }),
      ),
    );
    runs.push(...batch.map((r) => r.body.id));
  }
  await killer;
  expect(new Set(runs).size).toBe(RUNS);

  const views = new Map<string, { status: string; steps: Array<{ id: string; type: string; attempts: number; status: string }> }>();
  const deadline = Date.now() + 300_000;
  while (views.size < RUNS && Date.now() < deadline) {
    for (const id of runs) {
      if (views.has(id)) continue;
      const got = await resilient(as, "GET", `/v1/runs/${id}`);
      if (["completed", "failed", "cancelled"].includes(got.body.status)) views.set(id, got.body);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(views.size).toBe(RUNS);
  const statuses = [...views.values()].map((v) => v.status);
  expect(statuses.every((s) => s === "completed")).toBe(true);

  const seen = new Map<string, number>();
  for (const request of receiver.requests) {
    const k = String(request.headers["idempotency-key"]);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  let expected = 0;
  let rerun = 0;
  for (const [id, view] of views) {
    for (const step of view.steps) {
      rerun += Math.max(0, step.attempts - 1);
      if (step.type !== "http") continue;
      expected += 1;
      expect(seen.has(`${id}:${step.id}:0`), `${id}:${step.id}`).toBe(true);
    }
  }
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  expect(seen.size).toBe(expected);
  const stuck = await adminCall((server as Stepline).url, "GET", "/v1/admin/diagnostics/stuck?limit=1000");
  expect(stuck.body.stuck).toEqual([]);
  writeFigure("kill_test", {
    runs: RUNS,
    kills,
    restarts: kills,
    final_states: Object.fromEntries(["completed", "failed", "cancelled"].map((s) => [s, statuses.filter((x) => x === s).length])),
    effects: expected,
    effects_after_dedupe: seen.size,
    duplicate_calls_before_dedupe: duplicates,
    steps_rerun: rerun,
    duration_s: Math.round((Date.now() - started) / 1000),
  });
});
