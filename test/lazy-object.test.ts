import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import { RunObject as LoadedRunObject } from "../src/engine/run-object";
import { createWorkflow, fastForward, newApp, runObject, startRun, waitForRun } from "./support/worker";

/**
 * The run object's class loads with its first instance in an isolate (src/lazy-object.ts). This
 * file makes the first run objects of its isolate, so both kinds of instance are exercised: the
 * first, a stand-in handing every call to the object it loaded, and the later ones, the loaded
 * class itself.
 */
it("runs a workflow through a sleep to its end in the first object of an isolate and in the ones after", async () => {
  const { call } = await newApp();
  const workflow = await createWorkflow(call, {
    steps: [
      { id: "nap", type: "sleep", config: { duration: "1h" } },
      { id: "answer", type: "transform", config: { value: "{{ input.n }}" } },
    ],
  });
  const runs = [];
  for (const n of [1, 2, 3]) runs.push(await startRun(call, workflow, { input: { n } }));
  const loaded = [];
  for (const run of runs) loaded.push(await runInDurableObject(runObject(run.id), (object) => object instanceof LoadedRunObject));
  expect(loaded).toEqual([false, true, true]);

  // A call, an alarm and a read reach each of them.
  for (const [i, run] of runs.entries()) {
    await waitForRun(call, run.id, (r) => r.status === "waiting");
    await fastForward(run.id);
    expect(await waitForRun(call, run.id)).toMatchObject({ status: "completed", output: i + 1 });
  }
});
