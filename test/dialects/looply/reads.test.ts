import { describe, expect, it } from "vitest";
import { dialectDocument, documentSchema, webhookReceiver } from "../../support/dialects/common";
import { approvalFlow, looplyApp, trigger, waitingAt } from "../../support/dialects/looply";
import { type Body, type Call, createWorkflow, eventually, request, waitForRun } from "../../support/worker";

/**
 * docs/dialects/looply.md#endpoints: getWorkflowExecutionById, getWorkflowExecutionHistory,
 * getOrganizationExecutions, getWorkflowById, getOrganizationWorkflows, getWorkflowSchemaById,
 * getAppUserInstallationStatus; the document and the webhook.
 */

const SUMMARY_FIELDS = [
  "created_on",
  "modified_by",
  "modified_on",
  "organization_id",
  "workflow_current_state",
  "workflow_details",
  "workflow_event_log",
  "workflow_execution_id",
  "workflow_id",
  "workflow_process_id",
  "workflow_trigger_type",
  "workflow_version",
  "workspace_id",
];

/** Follows lastKey from the first page to the last, collecting every item's key. */
async function pageThrough(looply: Call, path: string, keyOf: (item: Body) => string, params: Record<string, string> = {}) {
  const sizes: number[] = [];
  const keys: string[] = [];
  let lastKey: Record<string, unknown> = {};
  for (let page = 0; page < 20; page += 1) {
    const query = new URLSearchParams({ ...params, ...Object.fromEntries(Object.entries(lastKey).map(([k, v]) => [k, String(v)])) });
    const res = await looply("GET", `${path}?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.count).toBe(res.body.items.length);
    sizes.push(res.body.count);
    keys.push(...res.body.items.map(keyOf));
    if (!res.body.lastKey) return { sizes, keys };
    lastKey = res.body.lastKey;
  }
  throw new Error("more than 20 pages");
}

describe("executions", () => {
  it("reads an execution with its state, epoch times, event log, condensed step logs, payloads and workflow details", async () => {
    const { id: appId, call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const run = await trigger(looply, wf, { order: "PO-3", process_id: "PO-3" });
    await waitingAt(call, run, "wait_for_response_state");

    const res = await looply("GET", `/getWorkflowExecutionById?workflow_id=${wf}&workflow_execution_id=${run}`);
    expect(res.status).toBe(200);
    expect(res.body.message).toBe("success");
    const item = res.body.item;
    expect(item).toMatchObject({
      workflow_current_state: "wait_for_response_state",
      organization_id: appId,
      workspace_id: appId,
      workflow_execution_id: run,
      workflow_process_id: "PO-3",
      modified_by: null,
      workflow_version: 1,
      workflow_id: wf,
      workflow_input_payload: { order: "PO-3", process_id: "PO-3" },
      workflow_output_payload: null,
      workflow_trigger_type: "REQUEST",
    });
    expect(Math.abs(item.created_on - Date.now())).toBeLessThan(60_000);
    expect(item.modified_on).toBeGreaterThanOrEqual(item.created_on);
    expect(item.condensed_logs.prepare).toEqual({ status: "completed", input: { value: "PO-3" }, output: "PO-3", error: null });
    expect(item.condensed_logs.wait_for_response_state.status).toBe("waiting");
    expect(item.workflow_event_log.events.map((e: Body) => e.type)).toContain("run.waiting");
    expect(item.workflow_event_log.events[0]).toMatchObject({ seq: 1, type: "run.created", state: null, at: item.created_on });
    expect(item.workflow_details.workflow_name).toBe("test workflow");
    expect(item.workflow_details.workflow_connections).toEqual([
      { from: "prepare", to: "wait_for_response_state" },
      { from: "wait_for_response_state", to: "answer" },
    ]);
    expect(item.workflow_details.workflow_steps.map((s: Body) => s.id)).toEqual(["prepare", "wait_for_response_state", "answer"]);

    await looply("POST", `/resumeWorkflow/PO-3`, { payload: { source: "SAP", ok: 1 } });
    await waitForRun(call, run);
    const done = (await looply("GET", `/getWorkflowExecutionById?workflow_id=${wf}&workflow_execution_id=${run}`)).body.item;
    expect(done.workflow_current_state).toBe("COMPLETED");
    expect(done.workflow_output_payload).toEqual({ source: "SAP", ok: 1 });
    await looply("POST", `/terminateWorkflow/${await trigger(looply, wf, { process_id: "gone" })}`, { payload: {} });
    const page = (await looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}`)).body.items;
    expect(page.map((i: Body) => i.workflow_current_state)).toEqual(["TERMINATED", "COMPLETED"]);
  });

  it("answers 400 naming a missing parameter, 404 for an unknown execution, another workflow's or another organization's", async () => {
    const owner = await looplyApp();
    const other = await looplyApp();
    const wf = await createWorkflow(owner.call, approvalFlow());
    const second = await createWorkflow(owner.call, approvalFlow());
    const run = await trigger(owner.looply, wf);
    const missing = await owner.looply("GET", `/getWorkflowExecutionById?workflow_id=${wf}`);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/workflow_execution_id/);
    for (const [looply, query] of [
      [owner.looply, `workflow_id=${wf}&workflow_execution_id=${crypto.randomUUID()}`],
      [owner.looply, `workflow_id=${second}&workflow_execution_id=${run}`],
      [owner.looply, `workflow_id=${wf}&workflow_execution_id=not-an-id`],
      [other.looply, `workflow_id=${wf}&workflow_execution_id=${run}`],
    ] as const) {
      const res = await looply("GET", `/getWorkflowExecutionById?${query}`);
      expect(res.status, query).toBe(404);
      expect(typeof res.body.message).toBe("string");
    }
    expect((await other.looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}`)).status).toBe(404);
    expect((await other.looply("GET", "/getOrganizationExecutions")).body).toEqual({ message: "success", count: 0, items: [] });
  });

  it("keeps a purged execution in lists from what the index knows, and answers 410 when it is read", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const run = await trigger(looply, wf);
    await waitForRun(call, run);
    expect((await call("DELETE", `/v1/runs/${run}`)).status).toBe(200);
    const listed = (await looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ workflow_execution_id: run, workflow_current_state: "COMPLETED" })]);
    expect(listed[0].workflow_event_log).toEqual({ count: 0, trimmed: true, events: [] });
    const read = await looply("GET", `/getWorkflowExecutionById?workflow_id=${wf}&workflow_execution_id=${run}`);
    expect(read.status).toBe(410);
    expect(read.body.message).toMatch(/purged/);
  });

  it("pages 45 executions by lastKey as 20, 20 and 5, newest first, with no duplicate and no gap; limit 100 gives 30", async () => {
    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: "{{ input.n }}" } }] });
    const started: string[] = [];
    for (let batch = 0; batch < 9; batch += 1) {
      started.push(...(await Promise.all(Array.from({ length: 5 }, (_, i) => trigger(looply, wf, { n: batch * 5 + i })))));
    }
    const newestFirst = [...started].sort().reverse();

    const history = await pageThrough(looply, "/getWorkflowExecutionHistory", (i) => i.workflow_execution_id, { workflow_id: wf });
    expect(history.sizes).toEqual([20, 20, 5]);
    expect(history.keys).toEqual(newestFirst);
    const organization = await pageThrough(looply, "/getOrganizationExecutions", (i) => i.workflow_execution_id);
    expect(organization.sizes).toEqual([20, 20, 5]);
    expect(organization.keys).toEqual(newestFirst);

    const capped = await looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}&limit=100`);
    expect(capped.body.count).toBe(30);
    expect(capped.body.lastKey).toEqual({ workflow_id: wf, workflow_execution_id: newestFirst[29] });
    const item = capped.body.items[0];
    expect(Object.keys(item).sort()).toEqual(SUMMARY_FIELDS);
    expect(item.workflow_details).toEqual({ workflow_name: "test workflow" });
    expect(item.workflow_trigger_type).toBe("REQUEST");

    for (const query of ["limit=0", "limit=ten", "workflow_execution_id=nope"]) {
      const res = await looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.message, query).toMatch(/limit|workflow_execution_id/);
    }
  }, 30_000);
});

describe("workflows", () => {
  it("reads each version as a workflow item: ACTIVE for the current one, latest as a string, status_version, steps and connections", async () => {
    const { id: appId, call, looply } = await looplyApp();
    const wf = await createWorkflow(call, {
      input_schema: { type: "object", properties: { order: { type: "string" } } },
      steps: [
        { id: "ask", type: "openai", config: { body: { model: "gpt-4o", messages: [] } } },
        { id: "notify", type: "http", config: { url: "https://example.com/hook" } },
      ],
    });
    await call("POST", `/v1/workflows/${wf}/versions`, { steps: [{ id: "only", type: "transform", config: { value: 1 } }] });
    await call("PATCH", `/v1/workflows/${wf}`, { current_version: 1 });

    const first = await looply("GET", `/getWorkflowById?workflow_id=${wf}&workflow_version=1`);
    expect(first.status).toBe(200);
    expect(first.body.item).toMatchObject({
      workflow_id: wf,
      workflow_name: "test workflow",
      workflow_version: 1,
      workflow_status: "ACTIVE",
      workflow_status_version: "ACTIVE_1",
      latest: "false",
      organization_id: appId,
      workspace_id: appId,
      created_by: null,
      modified_by: null,
      workflow_connections: [{ from: "ask", to: "notify" }],
      workflow_integrations: { openai: ["ask"] },
      workflow_schema: { type: "object", properties: { order: { type: "string" } } },
    });
    expect(first.body.item.workflow_steps.map((s: Body) => s.id)).toEqual(["ask", "notify"]);
    const second = (await looply("GET", `/getWorkflowById?workflow_id=${wf}&workflow_version=2`)).body.item;
    expect(second).toMatchObject({
      workflow_status: "INACTIVE",
      workflow_status_version: "INACTIVE_2",
      latest: "true",
      workflow_schema: {},
    });

    for (const [query, status] of [
      [`workflow_id=${wf}`, 400],
      [`workflow_id=${wf}&workflow_version=two`, 400],
      [`workflow_id=${wf}&workflow_version=3`, 404],
      [`workflow_id=${crypto.randomUUID()}&workflow_version=1`, 404],
    ] as const) {
      const res = await looply("GET", `/getWorkflowById?${query}`);
      expect(res.status, query).toBe(status);
      expect(typeof res.body.message).toBe("string");
    }
  });

  it("lists every version of every workflow of the organization, paged by lastKey without duplicates or gaps", async () => {
    const { id: appId, call, looply } = await looplyApp();
    const step = (value: number) => ({ steps: [{ id: "a", type: "transform", config: { value } }] });
    const expected: string[] = [];
    for (let w = 0; w < 4; w += 1) {
      const wf = await createWorkflow(call, step(0));
      for (let v = 2; v <= 2 + w; v += 1) await call("POST", `/v1/workflows/${wf}/versions`, step(v));
      for (let v = 1; v <= 2 + w; v += 1) expected.push(`${wf}:${v}`);
    }
    const sorted = [...expected].sort((a, b) => {
      const [wa, va] = a.split(":");
      const [wb, vb] = b.split(":");
      return wa === wb ? Number(vb) - Number(va) : wa < wb ? 1 : -1;
    });
    const listed = await pageThrough(looply, "/getOrganizationWorkflows", (i) => `${i.workflow_id}:${i.workflow_version}`, { limit: "4" });
    expect(listed.keys).toEqual(sorted);
    expect(listed.sizes).toEqual([4, 4, 4, 2]);
    const first = (await looply("GET", "/getOrganizationWorkflows?limit=1")).body;
    expect(first.lastKey).toEqual({
      organization_id: appId,
      workflow_id: first.items[0].workflow_id,
      workflow_version: first.items[0].workflow_version,
    });
    expect(first.items[0]).toMatchObject({ latest: "true", workflow_status: "ACTIVE" });
    expect((await looply("GET", `/getOrganizationWorkflows?workflow_id=${first.items[0].workflow_id}`)).status).toBe(400);
  });

  it("gives the schema with the latest execution's input as the mock payload, else a sample built from the schema", async () => {
    const { call, looply } = await looplyApp();
    const schema = {
      type: "object",
      required: ["email", "amount"],
      properties: {
        email: { type: "string", format: "email" },
        amount: { type: "integer", minimum: 1 },
        tags: { type: "array", items: { type: "string" } },
      },
    };
    const typed = await createWorkflow(call, { input_schema: schema, steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    const sample = (await looply("GET", `/getWorkflowSchemaById?workflow_id=${typed}&workflow_version=1`)).body;
    expect(sample).toMatchObject({
      message: "success",
      item: {
        workflow_id: typed,
        workflow_version: 1,
        workflow_mock_payload: { email: "user@example.com", amount: 1, tags: ["string"] },
        workflow_schema: schema,
        created_by: null,
        modified_by: null,
      },
    });
    expect(typeof sample.item.created_on).toBe("number");

    const untyped = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
    await waitForRun(call, await trigger(looply, untyped, { order: { id: "PO-1", lines: 3 } }));
    const inferred = (await looply("GET", `/getWorkflowSchemaById?workflow_id=${untyped}&workflow_version=1`)).body.item;
    expect(inferred.workflow_mock_payload).toEqual({ order: { id: "PO-1", lines: 3 } });
    expect(inferred.workflow_schema).toEqual({
      type: "object",
      properties: { order: { type: "object", properties: { id: { type: "string" }, lines: { type: "integer" } } } },
    });
    expect((await looply("GET", `/getWorkflowSchemaById?workflow_id=${untyped}&workflow_version=5`)).status).toBe(404);
    expect((await looply("GET", `/getWorkflowSchemaById?workflow_version=1`)).status).toBe(400);
  });
});

describe("getAppUserInstallationStatus", () => {
  it("reads the organization's installations as strings; a missing parameter is the seed's 400", async () => {
    const { call, looply } = await looplyApp();
    const other = await looplyApp();
    expect((await call("PUT", "/v1/installations/1234/User@Organization.com")).status).toBe(201);
    const installed = await looply("GET", "/getAppUserInstallationStatus?email=user@organization.com&app_id=1234");
    expect(installed.status).toBe(200);
    expect(installed.body).toEqual({ message: "success", email: "user@organization.com", app_id: "1234", installed: "true" });
    const elsewhere = await other.looply("GET", "/getAppUserInstallationStatus?email=user@organization.com&app_id=1234");
    expect(elsewhere.body.installed).toBe("false");
    await call("DELETE", "/v1/installations/1234/user@organization.com");
    expect((await looply("GET", "/getAppUserInstallationStatus?email=user@organization.com&app_id=1234")).body.installed).toBe("false");
    for (const query of ["email=user@organization.com", "app_id=1234", ""]) {
      const res = await looply("GET", `/getAppUserInstallationStatus?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe("Missing required parameters for this request.");
    }
    const forbidden = await request("GET", "/compat/looply/v2/workflows/getAppUserInstallationStatus?email=a@b.co&app_id=1");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ message: "Forbidden" });
  });
});

describe("webhooks", () => {
  it("POSTs the execution item, signed, when the execution reaches its wait state and when it ends", async () => {
    const { call, looply } = await looplyApp();
    const hook = await webhookReceiver(call);
    const wf = await createWorkflow(call, { ...approvalFlow(), webhook_url: hook.url });
    const run = await trigger(looply, wf, { process_id: "hooked" });
    await waitingAt(call, run, "wait_for_response_state");
    await looply("POST", "/resumeWorkflow/hooked", { payload: { source: "SAP" } });
    const calls = await eventually(hook.calls, (c) => c.length >= 2);
    expect(calls.every((c) => c.valid)).toBe(true);
    expect(calls.map((c) => [c.body.event, c.body.item.workflow_current_state])).toEqual([
      ["run.waiting", "wait_for_response_state"],
      ["run.completed", "COMPLETED"],
    ]);
    expect(calls[1].body.item).toMatchObject({
      workflow_execution_id: run,
      workflow_process_id: "hooked",
      workflow_output_payload: { source: "SAP" },
    });
  });
});

describe("OpenAPI document", () => {
  it("describes every endpoint of the seed with an operationId, and the responses validate against it", async () => {
    const doc = await dialectDocument("looply");
    expect(doc.servers[0].url).toBe("/compat/looply");
    const operations = Object.values(doc.paths).flatMap((p: Body) => Object.values(p).map((o: Body) => o.operationId));
    expect(operations.sort()).toEqual(
      [
        "getAppUserInstallationStatus",
        "getOrganizationExecutions",
        "getOrganizationWorkflows",
        "getWorkflowById",
        "getWorkflowExecutionById",
        "getWorkflowExecutionHistory",
        "getWorkflowSchemaById",
        "resumeWorkflow",
        "terminateWorkflow",
        "toggleScheduledWorkflow",
        "triggerWorkflow",
        "triggerWorkflowCurrentVersion",
      ].sort(),
    );
    expect(doc.components.securitySchemes.Credential).toEqual({ type: "apiKey", in: "header", name: "x-api-key" });
    expect((await request("GET", "/docs")).body).toContain("/compat/looply/openapi.json");

    const { call, looply } = await looplyApp();
    const wf = await createWorkflow(call, approvalFlow());
    const run = await trigger(looply, wf, { process_id: "doc" });
    await waitingAt(call, run, "wait_for_response_state");
    const answers: Array<[string, Body]> = [
      ["LooplyExecutionRead", (await looply("GET", `/getWorkflowExecutionById?workflow_id=${wf}&workflow_execution_id=${run}`)).body],
      ["LooplyExecutionPage", (await looply("GET", `/getWorkflowExecutionHistory?workflow_id=${wf}`)).body],
      ["LooplyExecutionPage", (await looply("GET", "/getOrganizationExecutions?limit=1")).body],
      ["LooplyWorkflowRead", (await looply("GET", `/getWorkflowById?workflow_id=${wf}&workflow_version=1`)).body],
      ["LooplyWorkflowPage", (await looply("GET", "/getOrganizationWorkflows")).body],
      ["LooplyWorkflowSchema", (await looply("GET", `/getWorkflowSchemaById?workflow_id=${wf}&workflow_version=1`)).body],
      ["LooplyInstallationStatus", (await looply("GET", "/getAppUserInstallationStatus?email=a@b.co&app_id=x")).body],
      ["LooplyResumeProblem", (await looply("POST", "/resumeWorkflow/nobody", { payload: { source: "SAP" } })).body],
      ["LooplyResumed", (await looply("POST", "/resumeWorkflow/doc", { payload: { source: "SAP" } })).body],
      ["LooplyResumeProblem", (await looply("POST", "/resumeWorkflow/doc", { payload: { source: "SAP" } })).body],
      ["LooplyMessage", (await looply("POST", "/terminateWorkflow/doc", { payload: {} })).body],
      ["LooplyTriggered", (await looply("POST", `/triggerworkflow/${wf}/1`, {})).body],
    ];
    for (const [name, body] of answers) expect(documentSchema(doc, name)(body), `${name} ${JSON.stringify(body)}`).toEqual([]);
  });
});
