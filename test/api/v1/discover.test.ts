import { expect, it } from "vitest";
import { createWorkflow, newApp, waitForRun } from "../../support/worker";

const OWNER_SECRET = "owner-secret-value-9f8e7d6c";

async function ownerWithDiscoverable() {
  const owner = await newApp("owner");
  await owner.call("PUT", "/v1/profiles/default/variables/TOKEN", { value: OWNER_SECRET, secret: true });
  const wf = await createWorkflow(owner.call, {
    discoverable: true,
    webhook_url: "https://owner.example/hooks",
    steps: [{ id: "read", type: "transform", config: { value: "token:{{ vars.TOKEN }} input:{{ input.x }}" } }],
  });
  const hidden = await createWorkflow(owner.call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  return { owner, wf, hidden };
}

it("lists, shows and runs another app's discoverable workflow in the caller's app", async () => {
  const { owner, wf, hidden } = await ownerWithDiscoverable();
  const caller = await newApp("caller");
  const list = await caller.call("GET", "/v1/discover/workflows?limit=100");
  const ids = list.body.data.map((w: { id: string }) => w.id);
  expect(ids).toContain(wf);
  expect(ids).not.toContain(hidden);
  const shown = await caller.call("GET", `/v1/discover/workflows/${wf}`);
  expect(shown.status).toBe(200);
  expect(shown.body.steps[0].id).toBe("read");
  expect(shown.body.webhook_url).toBeUndefined();
  expect((await caller.call("GET", `/v1/discover/workflows/${wf}/versions/1`)).status).toBe(200);
  expect((await caller.call("GET", `/v1/discover/workflows/${hidden}`)).status).toBe(404);

  const started = await caller.call("POST", `/v1/discover/workflows/${wf}/runs`, { input: { x: 7 } });
  expect(started.status).toBe(201);
  const run = await waitForRun(caller.call, started.body.id);
  expect(run.status).toBe("completed");
  expect(run.trigger).toBe("discover");
  expect(run.webhook_url).toBeNull();
  // The caller's default profile has no TOKEN: the owner's secret is never used.
  expect(run.output).toBe("token: input:7");
  expect(JSON.stringify(run)).not.toContain(OWNER_SECRET);
  expect((await owner.call("GET", `/v1/runs/${run.id}`)).status).toBe(404);
  expect((await caller.call("GET", "/v1/runs")).body.data.map((r: { id: string }) => r.id)).toContain(run.id);
});

it("does not run a workflow that is not discoverable", async () => {
  const { hidden } = await ownerWithDiscoverable();
  const caller = await newApp("caller");
  const res = await caller.call("POST", `/v1/discover/workflows/${hidden}/runs`, {});
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe("WORKFLOW_NOT_FOUND");
});
