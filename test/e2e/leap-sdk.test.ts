import { rmSync } from "node:fs";
import { Leap, LeapError, type WorkflowRunEntity } from "@leap-ai/workflows";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eCall, newE2eApp, type Receiver, type Stepline, startReceiver, startStepline } from "../support/e2e/harness";

/**
 * Leap's published SDK, `@leap-ai/workflows`, unmodified and configured as its README says,
 * with only `basePath` pointing at a real `wrangler dev`'s /compat/leap. Workflows are made
 * through /v1, since the SDK has no call for that; everything else goes through the SDK.
 */

let server: Stepline;
let receiver: Receiver;
let call: E2eCall;
let leap: Leap;
let basePath: string;

// Written against the SDK's model: adding or dropping a field there fails the type check here.
const ENTITY_FIELDS: Record<keyof WorkflowRunEntity, true> = {
  id: true,
  version_id: true,
  status: true,
  created_at: true,
  started_at: true,
  ended_at: true,
  workflow_id: true,
  error: true,
  input: true,
  output: true,
};

const shout = {
  name: "Shout",
  input_schema: { type: "object", required: ["word"], properties: { word: { type: "string" } } },
  steps: [{ id: "shout", type: "transform", config: { value: "{{ $uppercase(input.word) }}" } }],
};

beforeAll(async () => {
  server = await startStepline();
  const app = await newE2eApp(server.url, "leap sdk");
  call = app.call;
  basePath = `${server.url}/compat/leap`;
  leap = new Leap({ apiKey: app.key, basePath });
  receiver = await startReceiver();
});

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
  if (server) rmSync(server.persistTo, { recursive: true, force: true });
});

async function createWorkflow(definition: object): Promise<string> {
  const created = await call("POST", "/v1/workflows", definition);
  if (created.status !== 201) throw new Error(`creating a workflow failed (${created.status}): ${created.text}`);
  return created.body.id;
}

/** Reads the run through the SDK until Leap calls it ended. */
async function ended(client: Leap, workflowRunId: string): Promise<WorkflowRunEntity> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { data } = await client.workflowRuns.getWorkflowRun({ workflowRunId });
    if (data.status !== "running") return data;
    if (Date.now() > deadline) throw new Error(`run ${workflowRunId} still running after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The LeapError a call rejects with. */
async function leapError(promise: Promise<unknown>): Promise<LeapError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LeapError);
  return error as LeapError;
}

const expectEntity = (run: object) => expect(Object.keys(run).sort()).toEqual(Object.keys(ENTITY_FIELDS).sort());

describe("runs", () => {
  it("starts a run with input and reads the output the workflow computed from it", async () => {
    const workflow_id = await createWorkflow(shout);
    const started = await leap.workflowRuns.workflow({ workflow_id, input: { word: "leap" } });
    expect(started.status).toBe(201);
    expectEntity(started.data);
    expect(started.data).toMatchObject({ workflow_id, input: { word: "leap" }, version_id: `${workflow_id}:v1` });

    const run = await ended(leap, started.data.id);
    expectEntity(run);
    expect(run).toMatchObject({ id: started.data.id, status: "completed", output: "LEAP", error: null, input: { word: "leap" } });
    expect(Date.parse(run.ended_at)).toBeGreaterThanOrEqual(Date.parse(run.started_at));
    const native = await call("GET", `/v1/runs/${run.id}`);
    expect(native.body).toMatchObject({ input: { word: "leap" }, output: "LEAP", surface: "leap" });
  });

  it("answers a retry with the same Idempotency-Key, sent through the SDK's per-call options, with the same run", async () => {
    const workflow_id = await createWorkflow(shout);
    const options = { headers: { "Idempotency-Key": `leap-sdk-${Date.now()}` } };
    const first = await leap.workflowRuns.workflow({ workflow_id, input: { word: "once" } }, options);
    const again = await leap.workflowRuns.workflow({ workflow_id, input: { word: "once" } }, options);
    expect(again.data.id).toBe(first.data.id);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect((await call("GET", `/v1/workflows/${workflow_id}/runs`)).body.data).toHaveLength(1);
  });

  it("reports a failing workflow as failed, with its error and no output", async () => {
    const workflow_id = await createWorkflow({ name: "Broken", steps: [{ id: "a", type: "fail", config: { message: "no luck" } }] });
    const started = await leap.workflowRuns.workflow({ workflow_id });
    const run = await ended(leap, started.data.id);
    expectEntity(run);
    expect(run).toMatchObject({ status: "failed", error: "no luck", output: null, input: {} });
  });

  it("surfaces input that breaks the workflow's input_schema as a 400 LeapError naming the field", async () => {
    const workflow_id = await createWorkflow(shout);
    const error = await leapError(leap.workflowRuns.workflow({ workflow_id, input: { word: 7 } }));
    expect(error.status).toBe(400);
    expect(error.method).toBe("POST");
    expect(error.responseBody).toMatchObject({ error: { code: "INPUT_INVALID" } });
    expect(JSON.stringify(error.responseBody)).toContain("input.word");
    expect((await call("GET", `/v1/workflows/${workflow_id}/runs`)).body.data).toHaveLength(0);
  });
});

describe("webhooks", () => {
  it("POSTs the run object to webhook_url once the run completes, signed", async () => {
    const { secret } = (await call("GET", "/v1/webhook-secret")).body;
    const workflow_id = await createWorkflow(shout);
    const hook = `/leap-hook/${Date.now()}`;
    const started = await leap.workflowRuns.workflow({ workflow_id, webhook_url: `${receiver.url}${hook}`, input: { word: "hook" } });
    const [delivery] = await receiver.waitFor(1, { path: hook, timeoutMs: 30_000 });
    expect(delivery.method).toBe("POST");
    const body = new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as WorkflowRunEntity;
    expectEntity(body);
    expect(body).toMatchObject({ id: started.data.id, status: "completed", output: "HOOK", input: { word: "hook" } });
    // Only the end of the run is sent: nothing else arrives after it.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.requests.filter((r) => r.path === hook)).toHaveLength(1);
  });
});

describe("errors", () => {
  it("rejects an unknown workflow with a LeapError carrying 404", async () => {
    const error = await leapError(leap.workflowRuns.workflow({ workflow_id: "0190aaaa-0000-7000-8000-000000000000", input: {} }));
    expect(error.status).toBe(404);
    expect(error.responseBody).toMatchObject({ error: { code: "WORKFLOW_NOT_FOUND" } });
    const unknownRun = await leapError(leap.workflowRuns.getWorkflowRun({ workflowRunId: "0190aaaa-0000-7000-8000-000000000000" }));
    expect(unknownRun.status).toBe(404);
  });

  it("answers 404 for another app's run and workflow", async () => {
    const workflow_id = await createWorkflow(shout);
    const started = await leap.workflowRuns.workflow({ workflow_id, input: { word: "mine" } });
    const other = new Leap({ apiKey: (await newE2eApp(server.url, "another leap app")).key, basePath });
    const run = await leapError(other.workflowRuns.getWorkflowRun({ workflowRunId: started.data.id }));
    expect(run.status).toBe(404);
    expect(run.responseBody).toMatchObject({ error: { code: "RUN_NOT_FOUND" } });
    const start = await leapError(other.workflowRuns.workflow({ workflow_id, input: { word: "theirs" } }));
    expect(start.status).toBe(404);
  });

  it("answers 401 to a wrong key, for both calls, and starts nothing", async () => {
    const workflow_id = await createWorkflow(shout);
    const wrong = new Leap({ apiKey: "sk_not_a_stepline_key", basePath });
    const start = await leapError(wrong.workflowRuns.workflow({ workflow_id, input: { word: "x" } }));
    expect(start.status).toBe(401);
    expect(start.responseBody).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    const read = await leapError(wrong.workflowRuns.getWorkflowRun({ workflowRunId: "0190aaaa-0000-7000-8000-000000000000" }));
    expect(read.status).toBe(401);
    expect((await call("GET", `/v1/workflows/${workflow_id}/runs`)).body.data).toHaveLength(0);
  });
});
