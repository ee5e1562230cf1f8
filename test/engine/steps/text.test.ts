import { expect, it } from "vitest";
import { type Body, createWorkflow, newApp, startRun, waitForRun } from "../../support/worker";

/** The typed text steps (docs/workflows.md#steps): what they compute, what they record as input, how they fail. */

const stepsOf = (run: Body) => Object.fromEntries(run.steps.map((s: Body) => [s.id, s]));

it("measures text in code points with TextOperation.Length, and Echo passes the number on", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, {
    steps: [
      { id: "in", type: "StaticTextInput", config: { text: "Hi 👋" } },
      { id: "len", type: "TextOperation.Length", config: {} },
      { id: "echo", type: "Echo", config: {} },
    ],
  });
  const done = await waitForRun(call, (await startRun(call, wf)).id);
  expect(done.status).toBe("completed");
  expect(done.output).toBe(4);
  const steps = stepsOf(done);
  // A typed step's input is the value it consumed; StaticTextInput's is its config.
  expect(steps.in.input).toEqual({ text: "Hi 👋" });
  expect(steps.len).toMatchObject({ input: { text: "Hi 👋" }, output: 4 });
  expect(steps.echo).toMatchObject({ input: 4, output: 4 });
});

it("reads the run input when a text operation comes first, and reverses by code point", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, {
    steps: [
      { id: "flip", type: "TextOperation.Reverse", config: {} },
      { id: "up", type: "TextOperation.Uppercase", config: {} },
      { id: "echo", type: "Echo", config: {} },
    ],
  });
  const done = await waitForRun(call, (await startRun(call, wf, { input: { text: "ab👋c" } })).id);
  expect(done.output).toEqual({ text: "C👋BA" });
  expect(stepsOf(done).flip.input).toEqual({ text: "ab👋c" });

  const echoFirst = await createWorkflow(call, { steps: [{ id: "echo", type: "Echo", config: {} }] });
  const echoed = await waitForRun(call, (await startRun(call, echoFirst, { input: { anything: [1, 2] } })).id);
  expect(echoed.output).toEqual({ anything: [1, 2] });
});

it("fails a text operation given something other than text at once, without retries", async () => {
  const { call } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "trim", type: "TextOperation.Trim", config: {} }] });
  const failed = await waitForRun(call, (await startRun(call, wf, { input: { text: 7 } })).id);
  expect(failed.status).toBe("failed");
  expect(failed.error).toMatchObject({
    code: "TYPE_MISMATCH",
    step_id: "trim",
    message: expect.stringMatching(/the run input gave \{"text":7\}/),
  });
  expect(stepsOf(failed).trim.attempts).toBe(1);
});
