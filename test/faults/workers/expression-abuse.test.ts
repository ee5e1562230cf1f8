import { expect, it } from "vitest";
import { recordFigure } from "../../support/faults/figures";
import { createWorkflow, newApp, startRun, waitForRun } from "../../support/worker";

const ABUSE: Record<string, string> = {
  recursion: "{{ ($f := function($n) { $f($n + 1) }; $f(0)) }}",
  loop: "{{ $sum([1..10000000]) }}",
  huge_string: '{{ ($s := function($x, $n) { $n = 0 ? $x : $s($x & $x, $n - 1) }; $s("abcdefgh", 40)) }}',
  eval: '{{ $eval("1 + 1") }}',
};

it("fails only the abusive step, quickly, while another run goes on", async () => {
  const { call } = await newApp();
  const healthy = await createWorkflow(call, {
    steps: [
      { id: "w", type: "wait_for_event", config: { event: "go" } },
      { id: "ok", type: "transform", config: { value: "{{ $uppercase('fine') }}" } },
    ],
  });
  const bystander = await startRun(call, healthy);
  await waitForRun(call, bystander.id, (r) => r.status === "waiting");
  const timings: Record<string, number> = {};
  for (const [name, expression] of Object.entries(ABUSE)) {
    const wf = await createWorkflow(call, {
      steps: [
        { id: "before", type: "transform", config: { value: 1 } },
        { id: "abuse", type: "transform", config: { value: expression } },
      ],
    });
    const started = Date.now();
    const run = await startRun(call, wf);
    const failed = await waitForRun(call, run.id, undefined, 5000);
    timings[name] = Date.now() - started;
    expect(failed.status, name).toBe("failed");
    expect(failed.error, name).toMatchObject({ code: "EXPRESSION_FAILED", step_id: "abuse" });
    expect(failed.steps[0].status).toBe("completed");
    expect(timings[name], name).toBeLessThan(3000);
  }
  // A catastrophic regular expression is refused before anything runs.
  const regex = await call("POST", "/v1/workflows", {
    name: "redos",
    steps: [{ id: "r", type: "transform", config: { value: '{{ $match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/) }}' } }],
  });
  expect(regex.status).toBe(400);
  expect(regex.body.error.details[0].message).toMatch(/nests quantifiers/);

  await call("POST", `/v1/runs/${bystander.id}/events`, { name: "go" });
  expect((await waitForRun(call, bystander.id)).output).toBe("FINE");
  await recordFigure("expression_abuse", { time_to_fail_ms: timings });
}, 60_000);
