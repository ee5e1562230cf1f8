import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { dataflowPath, dataflowValue, TEXT_INPUT_SCHEMA, toExecution, toNativeDefinition } from "../../../src/dialects/dataflow/mappers";
import type { RunView } from "../../../src/engine/run-view";
import { startRun as startRunService } from "../../../src/services/runs";
import { webhookReceiver } from "../../support/dialects/common";
import { created, executed, finished, flowApp, SEED_INPUT, SEED_WORKFLOW, text } from "../../support/dialects/dataflow";
import type { TestRunObject } from "../../support/test-objects";
import { type Body, createWorkflow, eventually, runObject, waitForRun } from "../../support/worker";

/** docs/dialects/dataflow.md. Data Flow's own example workflow followed line by line, its executions and webhooks. */

describe("the seed's workflow, line by line", () => {
  it("creates the seed's workflow byte for byte, executes it with the seed's input and ends with !dlrow ,olleH", async () => {
    const { call, flow } = await flowApp();
    const create = await flow("POST", "/workflows", SEED_WORKFLOW);
    expect(create.status).toBe(201);
    expect(Object.keys(create.body)).toEqual(["workflow_id"]);
    const workflowId = create.body.workflow_id;

    // One object, many views: the same workflow through /v1, its steps given ids in order.
    const native = (await call("GET", `/v1/workflows/${workflowId}`)).body;
    expect(native.name).toBe("Dummy Workflow");
    expect(native.steps).toEqual([
      { id: "task-1", type: "StaticTextInput", config: text("Hello, world!") },
      { id: "task-2", type: "TextOperation.Reverse", config: {} },
      { id: "task-3", type: "Echo", config: {} },
    ]);
    expect(native.input_schema).toBeUndefined();

    const execute = await flow("POST", `/workflows/${workflowId}/execute`, SEED_INPUT);
    expect(execute.status).toBe(202);
    expect(Object.keys(execute.body)).toEqual(["execution_id"]);
    const done = await finished(flow, workflowId, execute.body.execution_id);
    expect(done).toEqual({
      execution_id: execute.body.execution_id,
      workflow_id: workflowId,
      status: "COMPLETED",
      created_at: expect.any(String),
      started_at: expect.any(String),
      completed_at: expect.any(String),
      output: text("!dlrow ,olleH"),
      error: null,
      tasks: [
        { task_id: "task-1", type: "StaticTextInput", status: "COMPLETED", input: text("Hello, world!"), output: text("Hello, world!") },
        {
          task_id: "task-2",
          type: "TextOperation.Reverse",
          status: "COMPLETED",
          input: text("Hello, world!"),
          output: text("!dlrow ,olleH"),
        },
        { task_id: "task-3", type: "Echo", status: "COMPLETED", input: text("!dlrow ,olleH"), output: text("!dlrow ,olleH") },
      ],
    });
    expect(Date.parse(done.completed_at)).toBeGreaterThanOrEqual(Date.parse(done.started_at));

    // The seed's first execute call sends no body at all.
    const noBody = await flow("POST", `/workflows/${workflowId}/execute`);
    expect(noBody.status).toBe(202);
    expect((await finished(flow, workflowId, noBody.body.execution_id)).output).toEqual(text("!dlrow ,olleH"));
  });

  it("shows a held execution's tasks COMPLETED, RUNNING and PENDING in order, POSTs RUNNING then COMPLETED, signed", async () => {
    const { id: appId, call, flow } = await flowApp();
    const hook = await webhookReceiver(call);
    const workflowId = await created(flow, SEED_WORKFLOW);
    // Queued the way /execute queues it, but not started, so the test can hold a task first.
    const run = await startRunService(env, appId, {
      workflowId,
      input: { text: "Hello, world!" },
      webhookUrl: hook.url,
      surface: "dataflow",
      start: false,
    });
    const path = `/workflows/${workflowId}/executions/${run.id}`;
    const queued = (await flow("GET", path)).body;
    expect(queued.status).toBe("PENDING");
    expect(queued.tasks.map((t: Body) => Object.keys(t))).toEqual(Array(3).fill(["task_id", "type", "status"]));
    expect(queued.tasks.map((t: Body) => t.status)).toEqual(["PENDING", "PENDING", "PENDING"]);

    await runInDurableObject(runObject(run.id), (object: TestRunObject) => object.testHoldStep("task-2"));
    expect((await call("POST", `/v1/runs/${run.id}/start`)).status).toBe(200);
    const held = await eventually(
      () => flow("GET", path),
      (r) => r.body.tasks[1].status === "RUNNING",
    );
    // "Execution Status", response body: the seed's example with this execution's ids.
    expect({
      execution_id: held.body.execution_id,
      workflow_id: held.body.workflow_id,
      status: held.body.status,
      tasks: held.body.tasks,
    }).toEqual({
      execution_id: run.id,
      workflow_id: workflowId,
      status: "RUNNING",
      tasks: [
        { task_id: "task-1", type: "StaticTextInput", status: "COMPLETED", input: text("Hello, world!"), output: text("Hello, world!") },
        { task_id: "task-2", type: "TextOperation.Reverse", status: "RUNNING", input: text("Hello, world!") },
        { task_id: "task-3", type: "Echo", status: "PENDING" },
      ],
    });
    expect(held.body).toMatchObject({ completed_at: null, output: null, error: null });

    // RUNNING arrives while the task is held, so it is first; COMPLETED only after the release.
    const first = await eventually(hook.calls, (c) => c.length > 0);
    expect(first).toHaveLength(1);
    expect(first[0].valid).toBe(true);
    expect(first[0].body).toMatchObject({ execution_id: run.id, status: "RUNNING", completed_at: null });
    await runInDurableObject(runObject(run.id), (object: TestRunObject) => object.testReleaseStep("task-2"));

    const done = await finished(flow, workflowId, run.id);
    expect(done.output).toEqual(text("!dlrow ,olleH"));
    const calls = await eventually(hook.calls, (c) => c.length >= 2);
    expect(calls.map((c) => c.body.status)).toEqual(["RUNNING", "COMPLETED"]);
    expect(calls.every((c) => c.valid)).toBe(true);
    expect(calls[1].body).toEqual(done);
    const deliveries = (await call("GET", `/v1/runs/${run.id}/deliveries`)).body.data;
    expect(deliveries.map((d: Body) => d.event).sort()).toEqual(["run.completed", "run.started"]);
  });

  it("executes with the seed's webhook_url and POSTs RUNNING then FAILED for a task that fails", async () => {
    const { call, flow } = await flowApp();
    const hook = await webhookReceiver(call);
    // An explicit input schema lets a number through to a text operation, which fails at run time.
    const workflowId = await created(flow, {
      name: "loose",
      input_schema: { type: "object" },
      steps: [{ type: "TextOperation.Uppercase" }],
    });
    const executionId = await executed(flow, workflowId, { input: { text: 42 }, webhook_url: hook.url });
    const failed = await finished(flow, workflowId, executionId);
    expect(failed.status).toBe("FAILED");
    expect(failed.output).toBeNull();
    expect(failed.error).toEqual({
      code: "TYPE_MISMATCH",
      message: expect.stringMatching(/accepts \{ text: string \}.*42/),
      task_id: "task-1",
    });
    expect(failed.tasks).toEqual([
      {
        task_id: "task-1",
        type: "TextOperation.Uppercase",
        status: "FAILED",
        input: { value: { text: 42 } },
        error: { code: "TYPE_MISMATCH", message: failed.error.message },
      },
    ]);
    const calls = await eventually(hook.calls, (c) => c.length >= 2);
    expect(calls.map((c) => c.body.status).sort()).toEqual(["FAILED", "RUNNING"]);
    expect(calls.every((c) => c.valid)).toBe(true);
    expect(calls.find((c) => c.body.status === "FAILED")?.body).toEqual(failed);
    expect(calls.find((c) => c.body.status === "RUNNING")?.body.tasks[0].status).toBe("PENDING");
  });

  it("sends a status only when it changes: a pause and resume through /v1 sends nothing, a resumed failure sends RUNNING", async () => {
    const { call, flow } = await flowApp();
    const hook = await webhookReceiver(call);
    const waits = await createWorkflow(call, { steps: [{ id: "approval", type: "wait_for_event", config: { event: "approved" } }] });
    const paused = await executed(flow, waits, { webhook_url: hook.url });
    await waitForRun(call, paused, (r) => r.status === "waiting");
    expect((await call("POST", `/v1/runs/${paused}/pause`)).status).toBe(200);
    expect((await call("POST", `/v1/runs/${paused}/resume`)).status).toBe(200);
    await call("POST", `/v1/runs/${paused}/events`, { name: "approved", payload: { by: "Ada" } });
    await waitForRun(call, paused);

    const broken = await createWorkflow(call, { steps: [{ id: "boom", type: "fail", config: { message: "no luck" } }] });
    const resumed = await executed(flow, broken, { webhook_url: hook.url });
    await waitForRun(call, resumed);
    expect((await call("POST", `/v1/runs/${resumed}/resume`)).status).toBe(200);
    await waitForRun(call, resumed);

    const calls = await eventually(hook.calls, (c) => c.filter((x) => x.body.execution_id === resumed).length >= 4);
    const statuses = (id: string) =>
      calls
        .filter((c) => c.body.execution_id === id)
        .map((c) => c.body.status)
        .sort();
    expect(statuses(paused)).toEqual(["COMPLETED", "RUNNING"]);
    expect(statuses(resumed)).toEqual(["FAILED", "FAILED", "RUNNING", "RUNNING"]);
    const events = (await call("GET", `/v1/runs/${resumed}/deliveries`)).body.data.map((d: Body) => d.event).sort();
    expect(events).toEqual(["run.failed", "run.failed", "run.resumed", "run.started"]);
  });

  it("measures text with TextOperation.Length and shows a number as { value }", async () => {
    const { flow } = await flowApp();
    const workflowId = await created(flow, {
      name: "length",
      steps: [{ type: "StaticTextInput", text: "Hi 👋" }, { type: "TextOperation.Length" }, { type: "Echo" }],
    });
    const done = await finished(flow, workflowId, await executed(flow, workflowId));
    expect(done.output).toEqual({ value: 4 });
    expect(done.tasks.map((t: Body) => [t.input, t.output])).toEqual([
      [text("Hi 👋"), text("Hi 👋")],
      [text("Hi 👋"), { value: 4 }],
      [{ value: 4 }, { value: 4 }],
    ]);
  });

  it("executes a workflow made through /v1 and reads a run started there", async () => {
    const { call, flow } = await flowApp();
    const wf = await createWorkflow(call, { steps: [{ id: "double", type: "transform", config: { value: "{{ input.n * 2 }}" } }] });
    const viaFlow = await finished(flow, wf, await executed(flow, wf, { input: { n: 21 } }));
    expect(viaFlow.output).toEqual({ value: 42 });
    expect(viaFlow.tasks[0]).toMatchObject({ task_id: "double", type: "transform", status: "COMPLETED", output: { value: 42 } });
    const native = await call("POST", `/v1/workflows/${wf}/runs`, { input: { n: 1 } });
    expect((await finished(flow, wf, native.body.id)).output).toEqual({ value: 2 });
  });
});

describe("mappers, from the seed's examples", () => {
  it("turns the seed's workflow into a native definition, and derives an input schema only for a text-consuming first step", () => {
    expect(toNativeDefinition(JSON.parse(SEED_WORKFLOW))).toEqual({
      name: "Dummy Workflow",
      steps: [
        { id: "task-1", type: "StaticTextInput", config: text("Hello, world!") },
        { id: "task-2", type: "TextOperation.Reverse", config: {} },
        { id: "task-3", type: "Echo", config: {} },
      ],
    });
    const reverseFirst = toNativeDefinition({ name: "r", steps: [{ id: "mine", type: "TextOperation.Reverse" }] });
    expect(reverseFirst).toEqual({
      name: "r",
      steps: [{ id: "mine", type: "TextOperation.Reverse", config: {} }],
      input_schema: TEXT_INPUT_SCHEMA,
    });
    expect(toNativeDefinition({ name: "e", steps: [{ type: "Echo" }] }).input_schema).toBeUndefined();
    expect(
      toNativeDefinition({ name: "x", input_schema: { type: "object" }, steps: [{ type: "TextOperation.Trim" }] }).input_schema,
    ).toEqual({
      type: "object",
    });
  });

  it("names a problem at the field the client sent", () => {
    const steps = [{ type: "StaticTextInput" }, { type: "StaticTextInput", text: 1 }, { type: "http", url: 1 }];
    expect(dataflowPath("steps[0].config.text", steps)).toBe("steps[0].input");
    expect(dataflowPath("steps[1].config.text", steps)).toBe("steps[1].text");
    expect(dataflowPath("steps[2].config.url", steps)).toBe("steps[2].url");
    expect(dataflowPath("steps[2].config", steps)).toBe("steps[2]");
    expect(dataflowPath("steps[0].config.textual", steps)).toBe("steps[0].textual");
    expect(dataflowPath("steps[2]", steps)).toBe("steps[2]");
  });

  it('shows a run mid-way exactly as the seed\'s "Execution Status" example', () => {
    const step = (id: string, type: string, status: string, attempts: number, input: unknown, output: unknown) => ({
      id,
      type,
      status,
      attempts,
      input,
      output,
      error: null,
    });
    const run = {
      id: "ex-1a2b3c4d",
      workflow_id: "wf-4g7h8j9k",
      status: "running",
      created_at: "2024-01-01T00:00:00.000Z",
      started_at: "2024-01-01T00:00:00.000Z",
      ended_at: null,
      output: null,
      error: null,
      steps: [
        step("task-5e6f7g8h", "StaticTextInput", "completed", 1, text("Hello, world!"), text("Hello, world!")),
        step("task-9i0j1k2l", "TextOperation.Reverse", "running", 1, text("Hello, world!"), null),
        step("task-3m4n5o6p", "Echo", "pending", 0, null, null),
      ],
    } as unknown as RunView;
    expect(toExecution(run)).toEqual({
      execution_id: "ex-1a2b3c4d",
      workflow_id: "wf-4g7h8j9k",
      status: "RUNNING",
      created_at: "2024-01-01T00:00:00.000Z",
      started_at: "2024-01-01T00:00:00.000Z",
      completed_at: null,
      output: null,
      error: null,
      tasks: [
        {
          task_id: "task-5e6f7g8h",
          type: "StaticTextInput",
          status: "COMPLETED",
          input: { text: "Hello, world!" },
          output: { text: "Hello, world!" },
        },
        { task_id: "task-9i0j1k2l", type: "TextOperation.Reverse", status: "RUNNING", input: { text: "Hello, world!" } },
        { task_id: "task-3m4n5o6p", type: "Echo", status: "PENDING" },
      ],
    });
  });

  it("shows text as { text } and every other value as { value }", () => {
    expect(dataflowValue(text("a"))).toEqual(text("a"));
    expect(dataflowValue(13)).toEqual({ value: 13 });
    expect(dataflowValue({ text: "a", more: 1 })).toEqual({ value: { text: "a", more: 1 } });
    expect(dataflowValue({ text: 1 })).toEqual({ value: { text: 1 } });
    expect(dataflowValue(undefined)).toEqual({ value: null });
  });
});
