import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { looply } from "../../../src/dialects/looply";
import { RESTART_WINDOW_MS, recentlyResumed } from "../../../src/dialects/looply/executions";
import {
  connections,
  currentState,
  eventLog,
  integrations,
  toExecutionSummary,
  toWorkflowItem,
} from "../../../src/dialects/looply/mappers";
import { sampleOf } from "../../../src/dialects/looply/sample";
import type { RunView } from "../../../src/engine/run-view";
import { dialectDocument, documentSchema } from "../../support/dialects/common";
import { approvalFlow, looplyApp, trigger, waitingAt } from "../../support/dialects/looply";
import { createWorkflow } from "../../support/worker";

/** docs/dialects/looply.md. Pure mappers, checked against the examples of Looply's own documentation. */

const step = (id: string, status: string, extra: Record<string, unknown> = {}) =>
  ({ id, type: "transform", status, waiting_for: null, ended_at: null, ...extra }) as unknown as RunView["steps"][number];

const run = (status: RunView["status"], steps: RunView["steps"] = [], extra: Partial<RunView> = {}) =>
  ({
    id: "execution-123",
    workflow_id: "workflow-123",
    version: 1,
    status,
    trigger: "api",
    process_id: null,
    created_at: "2023-10-16T11:13:48.765Z",
    updated_at: "2023-10-16T11:13:51.391Z",
    current_steps: steps.filter((s) => s.status === "running" || s.status === "waiting").map((s) => s.id),
    steps,
    ...extra,
  }) as RunView;

describe("execution items", () => {
  it("builds the seed's list item: the wait state as workflow_current_state, epoch times, REQUEST or SCHEDULE", () => {
    const waiting = run("waiting", [
      step("prepare", "completed"),
      step("wait_for_response_state", "waiting", { waiting_for: { kind: "event", events: ["x"] } }),
    ]);
    const item = toExecutionSummary(waiting, "org-1", eventLog([], false), "Workflow name");
    expect(item).toEqual({
      workflow_id: "workflow-123",
      workflow_current_state: "wait_for_response_state",
      modified_on: 1697454831391,
      organization_id: "org-1",
      workflow_execution_id: "execution-123",
      workflow_process_id: "execution-123",
      modified_by: null,
      workflow_version: 1,
      workflow_event_log: { count: 0, trimmed: false, events: [] },
      workflow_trigger_type: "REQUEST",
      workspace_id: "org-1",
      created_on: 1697454828765,
      workflow_details: { workflow_name: "Workflow name" },
    });
    expect(toExecutionSummary(run("queued", [], { trigger: "schedule" }), "o", eventLog([], false), null).workflow_trigger_type).toBe(
      "SCHEDULE",
    );
  });

  it("names the state: the event wait first, then a running step, the outcome of an ended run, else what the run does", () => {
    const sleeping = step("nap", "waiting", { waiting_for: { kind: "sleep" } });
    const asking = step("ask", "waiting", { waiting_for: { kind: "event", events: ["go"] } });
    expect(currentState(run("waiting", [sleeping, asking]))).toBe("ask");
    expect(currentState(run("waiting", [sleeping]))).toBe("nap");
    expect(currentState(run("running", [step("fetch", "running")]))).toBe("fetch");
    expect(currentState(run("completed"))).toBe("COMPLETED");
    expect(currentState(run("failed"))).toBe("FAILED");
    expect(currentState(run("cancelled"))).toBe("TERMINATED");
    expect(currentState(run("queued"))).toBe("QUEUED");
    expect(currentState(run("paused"))).toBe("PAUSED");
    expect(currentState({ ...run("completed"), steps: undefined, current_steps: undefined })).toBe("COMPLETED");
  });

  it("keeps events without their data, in order, saying when the log is trimmed", () => {
    const log = eventLog([{ seq: 1, type: "run.created", at: "2023-10-16T11:13:48.765Z", step_id: null, data: { secret: 1 } }], true);
    expect(log).toEqual({ count: 1, trimmed: true, events: [{ seq: 1, type: "run.created", state: null, at: 1697454828765 }] });
  });

  it("counts a wait resumed within the restart window as just restarted, and not after it", () => {
    const resumedAt = Date.parse("2023-10-16T11:13:50.000Z");
    const resumed = run("waiting", [
      step("wait_for_response_state", "completed", { type: "wait_for_event", ended_at: new Date(resumedAt).toISOString() }),
      step("cool_down", "waiting", { waiting_for: { kind: "sleep" } }),
    ]);
    expect(recentlyResumed(resumed, resumedAt + 1_000)).toBe(true);
    expect(recentlyResumed(resumed, resumedAt + RESTART_WINDOW_MS + 1)).toBe(false);
    expect(recentlyResumed(run("running", [step("a", "completed", { ended_at: new Date(resumedAt).toISOString() })]), resumedAt)).toBe(
      false,
    );
  });
});

describe("workflow items", () => {
  const definition = {
    input_schema: { type: "object" },
    steps: [
      { id: "ask", type: "integration", config: { provider: "openai" } },
      { id: "paint", type: "replicate", config: {} },
      { id: "notify", type: "http", depends_on: ["ask", "paint"], config: { url: "https://example.com" } },
    ],
  };
  const workflow = {
    id: "wf",
    name: "Adaptive Card Workflow",
    current_version: 3,
    latest_version: 4,
    created_at: "2023-08-21T10:34:32.550Z",
    updated_at: "2023-08-31T13:31:58.083Z",
  };

  it('marks the current version ACTIVE_<n> and, when a newer one exists, latest "false", as in the seed\'s list', () => {
    const item = toWorkflowItem("org", workflow, { ...definition, version: 3, created_at: "2023-08-21T10:34:32.550Z" } as never);
    expect(item).toMatchObject({
      workflow_id: "wf",
      workflow_name: "Adaptive Card Workflow",
      workflow_status: "ACTIVE",
      latest: "false",
      workflow_status_version: "ACTIVE_3",
      created_on: 1692614072550,
      modified_on: 1693488718083,
      created_by: null,
      modified_by: null,
      workflow_schema: { type: "object" },
    });
    const newest = toWorkflowItem("org", workflow, { ...definition, version: 4, created_at: workflow.updated_at } as never);
    expect(newest).toMatchObject({ workflow_status: "INACTIVE", workflow_status_version: "INACTIVE_4", latest: "true" });
  });

  it("derives connections from dependencies and integrations from provider steps", () => {
    expect(connections(definition.steps)).toEqual([
      { from: "ask", to: "paint" },
      { from: "ask", to: "notify" },
      { from: "paint", to: "notify" },
    ]);
    expect(integrations(definition.steps)).toEqual({ openai: ["ask"], replicate: ["paint"] });
  });

  it("samples a payload from a schema: examples, defaults, enums, formats and every property", () => {
    expect(
      sampleOf({
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          kind: { enum: ["PO", "SO"] },
          qty: { type: "integer", minimum: 2 },
          ok: { type: "boolean", default: true },
          when: { type: ["string", "null"], format: "date-time" },
          lines: { type: "array", items: { type: "object", properties: { sku: { examples: ["A-1"] } } } },
          any: {},
        },
      }),
    ).toEqual({
      id: "00000000-0000-4000-8000-000000000000",
      kind: "PO",
      qty: 2,
      ok: true,
      when: "2024-01-01T00:00:00Z",
      lines: [{ sku: "A-1" }],
      any: null,
    });
    expect(sampleOf({ oneOf: [{ type: "number" }, { type: "string" }] })).toBe(0);
  });
});

describe("server faults", () => {
  const bound = (target: object, key: PropertyKey) => {
    const value = Reflect.get(target, key, target);
    return typeof value === "function" ? value.bind(target) : value;
  };

  /** The worker's env with the run objects failing every event: a fault the resume must report, not hide. */
  function failingRuns(): Env {
    const runs = new Proxy(env.RUNS, {
      get(target, prop) {
        if (prop !== "get") return bound(target, prop);
        return (id: DurableObjectId) =>
          new Proxy(target.get(id), {
            // RPC stubs answer every property with a method; none needs binding.
            get: (stub, key) => (key === "sendEvent" ? () => Promise.reject(new Error("storage unavailable")) : Reflect.get(stub, key)),
          });
      },
    });
    return { ...env, RUNS: runs };
  }

  it("answers a resume that fails inside Stepline with 500 WORKFLOW_RESTART_FAILED, and other faults with something went wrong", async () => {
    const { key, call, looply: client } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const run = await trigger(client, wf, { process_id: "fragile" });
    await waitingAt(call, run, "wait_for_response_state");
    const resume = await looply.app.request(
      "/v2/workflows/resumeWorkflow/fragile",
      {
        method: "POST",
        headers: { "x-api-key": key, "content-type": "application/json" },
        body: JSON.stringify({ payload: { source: "SAP" } }),
      },
      failingRuns(),
    );
    expect(resume.status).toBe(500);
    expect(await resume.json()).toEqual({ code: "WORKFLOW_RESTART_FAILED", data: { execution_key: run } });

    const brokenDb = {
      ...env,
      DB: {
        prepare: () => {
          throw new Error("D1 is down");
        },
      } as unknown as D1Database,
    };
    const read = await looply.app.request(
      "/v2/workflows/getOrganizationExecutions",
      { headers: { "x-api-key": `${key.slice(0, -1)}Z` } },
      brokenDb,
    );
    expect(read.status).toBe(500);
    expect(await read.json()).toEqual({ message: "something went wrong" });
  });
});

describe("the seed's examples", () => {
  it("accepts the seed's own examples, with the contents the seed elides filled in", async () => {
    const doc = await dialectDocument("looply");
    const log = { count: 0, trimmed: false, events: [] };
    const examples: Array<[string, unknown]> = [
      ["LooplyTriggerBody", { order: 1 }],
      ["LooplyTriggered", { message: "success", looply_execution_id: "****", profile: "prod" }],
      ["LooplyResumeBody", { payload: { source: "SAP", anything: { else: true } } }],
      [
        "LooplyResumed",
        {
          message: "success",
          code: "WORKFLOW_RESTARTED",
          data: {
            workflow_identifier: { organization_id: "org-123", workflow_id: "workflow-123", workflow_execution_id: "execution-123" },
          },
        },
      ],
      ["LooplyResumeProblem", { code: "EXECUTION_NOT_FOUND", data: { organization_id: "org-123" } }],
      [
        "LooplyResumeProblem",
        {
          code: "EXECUTION_IN_PROGRESS",
          data: {
            execution_id: "execution-123",
            workflow_id: "workflow-123",
            workflow_status: "IN_PROGRESS",
            workflow_current_state: "some-state",
            workflow_process_id: "process-123",
            execution_description: "description",
            timestamp: "2023-06-15T12:34:56.789Z",
          },
        },
      ],
      ...["NO_RESUMABLE_EXECUTION", "ALREADY_RESTARTED", "WORKFLOW_RESTART_FAILED", "MISSING_RESUME_TOKEN"].map(
        (code) => ["LooplyResumeProblem", { code, data: { execution_key: "execution-123" } }] as [string, unknown],
      ),
      ["LooplyMessage", { message: "Forbidden" }],
      ["LooplyMessage", { message: "something went wrong" }],
      ["LooplyMessage", { message: "incorrect workflow id" }],
      ["LooplyMessage", { message: "execution not found" }],
      ["LooplyMessage", { message: "Missing required parameters for this request." }],
      ["LooplyTerminateBody", { payload: { termination_reason: "Process has now expired." } }],
      ["LooplyTerminated", { message: "terminated" }],
      ["LooplyToggleBody", { workflow_id: "be9439c2-16b9-4de2-bb1a-9154b85af065", workflow_version: 1, action: "PAUSE" }],
      ["LooplyToggled", { message: "success", workflow_id: "be9439c2-16b9-4de2-bb1a-9154b85af065", workflow_version: 1, status: "ACTIVE" }],
      ["LooplyInstallationStatus", { message: "success", email: "user@organization.com", app_id: "1234", installed: "true" }],
    ];
    const listItem = {
      workflow_id: "****",
      workflow_current_state: "wait_for_response_state",
      modified_on: 1697454831391,
      organization_id: "****",
      workflow_execution_id: "****",
      modified_by: null,
      workflow_version: 1,
      workflow_event_log: log,
      workflow_trigger_type: "REQUEST",
      workspace_id: "****",
      created_on: 1697454828765,
      workflow_details: { workflow_name: "Workflow name" },
    };
    // Stepline adds workflow_process_id to every execution item.
    const withProcess = { ...listItem, workflow_process_id: "****" };
    examples.push([
      "LooplyExecutionPage",
      { message: "success", count: 1, items: [withProcess], lastKey: { workflow_id: "****", workflow_execution_id: "****" } },
    ]);
    examples.push([
      "LooplyExecutionRead",
      {
        message: "success",
        item: {
          ...withProcess,
          workflow_current_state: "State Name",
          workflow_input_payload: {},
          workflow_output_payload: {},
          created_on: 1697641835712,
          condensed_logs: {},
          workflow_details: { workflow_name: "Workflow name", workflow_steps: [], workflow_connections: [] },
        },
      },
    ]);
    const workflowItem = {
      organization_id: "****",
      workflow_integrations: {},
      workflow_name: "****",
      created_by: "test-user",
      // The seed's example is a DRAFT; Stepline versions are published when created, so ACTIVE or INACTIVE.
      workflow_status_version: "ACTIVE_1",
      modified_by: null,
      workflow_version: 1,
      workflow_steps: [],
      workflow_id: "****",
      modified_on: 1697642922168,
      workflow_connections: [],
      workflow_status: "ACTIVE",
      latest: "true",
      workspace_id: "****",
      created_on: 1695136500202,
      workflow_schema: {},
    };
    examples.push(["LooplyWorkflowRead", { message: "success", item: workflowItem }]);
    examples.push([
      "LooplyWorkflowPage",
      {
        message: "success",
        count: 1,
        items: [{ ...workflowItem, latest: "false", modified_by: "****" }],
        lastKey: { organization_id: "****", workflow_id: "****", workflow_version: 1 },
      },
    ]);
    examples.push([
      "LooplyWorkflowSchema",
      {
        message: "success",
        item: {
          workflow_id: "****",
          modified_on: 1697642922168,
          created_by: "test-user",
          workflow_mock_payload: {},
          workflow_schema: {},
          modified_by: null,
          workflow_version: 1,
          created_on: 1695136500202,
        },
      },
    ]);
    for (const [name, example] of examples) expect(documentSchema(doc, name)(example), `${name} ${JSON.stringify(example)}`).toEqual([]);
    expect(documentSchema(doc, "LooplyResumeBody")({ payload: { source: "EMAIL" } })).not.toEqual([]);
  });
});
