import { expect, it } from "vitest";
import { appsApp, expectAppsRun } from "../../support/dialects/apps";
import { dialectDocument } from "../../support/dialects/common";
import { type Body, createWorkflow, request, waitForRun } from "../../support/worker";

/** docs/dialects/apps.md#endpoints: discovery across apps, and what one app can never reach of another's. */

const waits = { steps: [{ id: "approval", type: "wait_for_event", config: { event: "approved" } }] };

async function ownerAndCaller() {
  const owner = await appsApp("owner");
  const caller = await appsApp("caller");
  const shared = await createWorkflow(owner.call, { discoverable: true, description: "shared", ...waits });
  const hidden = await createWorkflow(owner.call, waits);
  return { owner, caller, shared, hidden };
}

it("lists, shows, versions, runs and cancels another app's discoverable workflow; the run is the caller's alone", async () => {
  const { owner, caller, shared, hidden } = await ownerAndCaller();

  const list = await caller.apps("GET", "/discover?limit=100");
  expect(list.status).toBe(200);
  expect(list.body.data.find((w: Body) => w.id === shared)).toMatchObject({ app_id: owner.id, description: "shared", version: 1 });
  expect(list.body.data.map((w: Body) => w.id)).not.toContain(hidden);
  const shown = await caller.apps("GET", `/discover/${shared}`);
  expect(shown.body).toMatchObject({ id: shared, app_id: owner.id, workflow_version: { app_id: owner.id, version: 1 } });
  expect(shown.body.workflow_version.steps[0]).toMatchObject({ key: "approval", type: "wait_for_event" });
  const v1 = await caller.apps("GET", `/discover/${shared}/versions/1`);
  expect(v1.body).toMatchObject({ id: `${shared}:v1`, app_id: owner.id, workflow_id: shared, key: "test workflow" });
  expect((await caller.apps("GET", `/discover/${shared}/versions/2`)).status).toBe(404);

  const key = { "idempotency-key": crypto.randomUUID() };
  const started = await caller.apps("POST", `/discover/${shared}/runs`, { input: { from: "caller" } }, key);
  expect(started.status).toBe(200);
  expect((await caller.apps("POST", `/discover/${shared}/runs`, { input: { from: "caller" } }, key)).body.id).toBe(started.body.id);
  const run = await expectAppsRun(started.body, "RUNNING");
  expect(run).toMatchObject({ origin: "DISCOVER", app_id: caller.id, workflow_app_id: owner.id, workflow_id: shared });
  await waitForRun(caller.call, run.id, (r) => r.status === "waiting");
  const mine = await owner.apps("POST", `/${shared}/runs`, { input: { from: "owner" } });
  expect(mine.body).toMatchObject({ origin: "WORKFLOW", app_id: owner.id, workflow_app_id: owner.id });
  await waitForRun(owner.call, mine.body.id, (r) => r.status === "waiting");

  // The caller reads its run under the workflow's id, and lists only its own runs of it.
  expect((await caller.apps("GET", `/${shared}/runs/${run.id}`)).body).toMatchObject({ origin: "DISCOVER", status: "RUNNING" });
  expect((await caller.apps("GET", `/${shared}/runs`)).body.data.map((r: Body) => r.id)).toEqual([run.id]);
  expect((await caller.call("GET", `/v1/runs/${run.id}`)).body).toMatchObject({ trigger: "discover", surface: "apps" });

  // The owner never sees the caller's run, and cannot touch it by any path.
  expect((await owner.apps("GET", `/${shared}/runs`)).body.data.map((r: Body) => r.id)).toEqual([mine.body.id]);
  for (const [method, path] of [
    ["GET", `/${shared}/runs/${run.id}`],
    ["POST", `/${shared}/runs/${run.id}/cancel`],
    ["POST", `/${shared}/runs/${run.id}/replay`],
    ["PATCH", `/${shared}/runs/${run.id}/retention`],
    ["POST", `/discover/${shared}/runs/${run.id}/cancel`],
  ]) {
    const res = await owner.apps(method, path, method === "PATCH" ? { max_age_in_seconds: 5 } : undefined);
    expect(res.status, `${method} ${path}`).toBe(404);
  }
  expect((await owner.call("GET", `/v1/runs/${run.id}`)).status).toBe(404);

  // Nor does the caller see or touch the owner's run, or reach the workflow as if it owned it.
  for (const [method, path] of [
    ["GET", `/${shared}/runs/${mine.body.id}`],
    ["POST", `/discover/${shared}/runs/${mine.body.id}/cancel`],
    ["GET", `/${shared}`],
    ["GET", `/${shared}/versions`],
    ["GET", `/${shared}/versions/1`],
    ["POST", `/${shared}/runs`],
    ["GET", `/discover/${hidden}`],
    ["GET", `/discover/${hidden}/versions/1`],
    ["POST", `/discover/${hidden}/runs`],
  ]) {
    expect((await caller.apps(method, path)).status, `${method} ${path}`).toBe(404);
  }
  const badVersion = await caller.apps("POST", `/discover/${shared}/runs`, { version: 4 });
  expect(badVersion.status).toBe(400);
  expect(badVersion.body.error.details[0].path).toBe("version");

  const cancelled = await caller.apps("POST", `/discover/${shared}/runs/${run.id}/cancel`);
  expect(cancelled.status).toBe(200);
  await expectAppsRun(cancelled.body, "CANCELLED");
  expect(cancelled.body.origin).toBe("DISCOVER");
  expect((await caller.call("GET", `/v1/runs/${run.id}`)).body.status).toBe("cancelled");
  expect((await owner.call("GET", `/v1/runs/${mine.body.id}`)).body.status).toBe("waiting");
  expect((await caller.call("GET", "/v1/runs")).body.data.map((r: Body) => r.id)).toEqual([run.id]);
});

it("answers 404 on every route for another app's id in the path, and for another app's workflow or run", async () => {
  const { owner, caller, hidden } = await ownerAndCaller();
  const ownerRun = (await owner.apps("POST", `/${hidden}/runs`)).body.id;
  await waitForRun(owner.call, ownerRun, (r) => r.status === "waiting");
  const ownWf = await createWorkflow(caller.call, waits);
  const ownRun = (await caller.apps("POST", `/${ownWf}/runs`)).body.id;
  const doc = await dialectDocument("apps");
  const bodies: Record<string, unknown> = { patch: { max_age_in_seconds: 60 }, post: {} };

  let checked = 0;
  for (const [template, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(methods)) {
      const fill = (app: string, wf: string, run: string) =>
        `/compat/apps${template}`.replace("{app_id}", app).replace("{workflow_id}", wf).replace("{run_id}", run).replace("{version}", "1");
      const send = (path: string) => request(method.toUpperCase(), path, bodies[method], { authorization: `Bearer ${caller.key}` });
      // The caller's own workflow and run, named under the owner's app id.
      const foreignApp = await send(fill(owner.id, ownWf, ownRun));
      expect(foreignApp.status, `${method} ${template} under another app`).toBe(404);
      expect(foreignApp.body.error.code).toBe("NOT_FOUND");
      // The owner's workflow and run (not discoverable), under the caller's own app id.
      checked += 1;
      if (!template.includes("{workflow_id}")) continue;
      const foreignObjects = await send(fill(caller.id, hidden, ownerRun));
      expect(foreignObjects.status, `${method} ${template} with another app's ids`).toBe(404);
      expect(foreignObjects.body.error.code).toMatch(/NOT_FOUND/);
    }
  }
  expect(checked).toBe(15);
  expect((await owner.call("GET", `/v1/runs/${ownerRun}`)).body.status).toBe("waiting");
  expect((await caller.call("GET", `/v1/runs/${ownRun}`)).body.status).not.toBe("cancelled");
  expect((await owner.call("GET", `/v1/workflows/${hidden}/runs`)).body.data).toHaveLength(1);
});
