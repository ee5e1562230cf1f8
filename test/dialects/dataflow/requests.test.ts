import { describe, expect, it } from "vitest";
import { dialectDocument, documentSchema } from "../../support/dialects/common";
import { created, executed, finished, flowApp, SEED_WORKFLOW, text } from "../../support/dialects/dataflow";
import { type Body, eventually, request } from "../../support/worker";

/** docs/dialects/dataflow.md. Requests a Data Flow client gets wrong, the executions list and the document. */

describe("bad requests", () => {
  it("refuses a type mismatch (Length then Reverse) naming both steps and both types", async () => {
    const { flow } = await flowApp();
    const res = await flow("POST", "/workflows", {
      name: "mismatch",
      steps: [{ type: "StaticTextInput", input: "abc" }, { type: "TextOperation.Length" }, { type: "TextOperation.Reverse" }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    const problem = 'TextOperation.Reverse accepts text but its input "task-2" (steps[1], TextOperation.Length) produces number';
    expect(res.body.error.details).toEqual([{ path: "steps[2]", message: problem }]);
    expect(res.body.error.message).toBe(`The workflow definition is not valid: steps[2]: ${problem}`);
  });

  it("lists every problem of a definition in one 400, at the paths the client sent", async () => {
    const { call, flow } = await flowApp();
    const res = await flow("POST", "/workflows", {
      name: "",
      steps: [
        { type: "StaticTextInput" },
        { type: "TextOperation.Length" },
        { type: "Echo" },
        { type: "TextOperation.Trim", input: "stray" },
        { type: "TextOperation.Shout" },
        { type: "StaticTextInput", input: 7 },
      ],
    });
    expect(res.status).toBe(400);
    const details: Body[] = res.body.error.details;
    const at = (path: string) => details.filter((d) => d.path === path).map((d) => d.message);
    expect(at("name")).toHaveLength(1);
    expect(at("steps[0].input")).toEqual([expect.stringMatching(/expected string/)]);
    // Echo passes Length's number on, so the mismatch is caught two steps away.
    expect(at("steps[3]")).toContainEqual(
      expect.stringMatching(/TextOperation\.Trim accepts text but its input "task-3" \(steps\[2\], Echo\) produces number/),
    );
    expect(at("steps[3]")).toContainEqual(expect.stringMatching(/input/));
    expect(at("steps[4].type")).toEqual([
      expect.stringMatching(/unknown step type "TextOperation\.Shout"; known types: .*TextOperation\.Length/),
    ]);
    expect(at("steps[5].input")).toEqual([expect.stringMatching(/expected string/)]);
    expect(res.body.error.message).toBe(`The workflow definition is not valid: ${details.length} problems`);
    expect((await call("GET", "/v1/workflows")).body.data).toHaveLength(0);

    const unknown = await flow("POST", "/workflows", { name: "x", steps: [{ type: "Shout" }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/steps\[0\]\.type: unknown step type "Shout"/);
    const notJson = await flow("POST", "/workflows", "{ nope");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("INVALID_JSON");
  });

  it("refuses a missing or mistyped input with a 400 naming it, before anything is queued", async () => {
    const { call, flow } = await flowApp();
    const workflowId = await created(flow, { name: "reverse input", steps: [{ type: "TextOperation.Reverse" }, { type: "Echo" }] });
    expect((await call("GET", `/v1/workflows/${workflowId}`)).body.input_schema).toEqual({
      type: "object",
      required: ["text"],
      properties: { text: { type: "string" } },
    });

    const missing = await flow("POST", `/workflows/${workflowId}/execute`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("INPUT_INVALID");
    expect(missing.body.error.message).toMatch(/input: .*required property "text"/);
    const wrongType = await flow("POST", `/workflows/${workflowId}/execute`, { input: { text: 5 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/input\.text: .*"number".*"string"/);
    const typo = await flow("POST", `/workflows/${workflowId}/execute`, { inputs: { text: "x" } });
    expect(typo.status).toBe(400);
    expect(typo.body.error.message).toMatch(/inputs/);
    const badHook = await flow("POST", `/workflows/${workflowId}/execute`, { input: { text: "x" }, webhook_url: "ftp://example.com" });
    expect(badHook.status).toBe(400);
    expect(badHook.body.error.details[0].path).toBe("webhook_url");
    expect((await flow("GET", `/workflows/${workflowId}/executions`)).body.executions).toEqual([]);
    expect((await call("GET", `/v1/workflows/${workflowId}/runs`)).body.data).toEqual([]);

    const done = await finished(flow, workflowId, await executed(flow, workflowId, { input: { text: "abc" } }));
    expect(done.output).toEqual(text("cba"));
    expect(done.tasks[0].input).toEqual(text("abc"));

    // An explicit input schema replaces the derived one.
    const explicit = await created(flow, {
      name: "explicit",
      input_schema: { type: "object", required: ["name"] },
      steps: [{ type: "TextOperation.Reverse" }],
    });
    const refused = await flow("POST", `/workflows/${explicit}/execute`, { input: { text: "abc" } });
    expect(refused.body.error.message).toMatch(/required property "name"/);
  });

  it("answers credentials, unknown ids and other apps' ids with the native envelope", async () => {
    const owner = await flowApp();
    const other = await flowApp();
    const workflowId = await created(owner.flow, SEED_WORKFLOW);
    const executionId = await executed(owner.flow, workflowId);

    const missing = await request("POST", "/compat/dataflow/workflows", SEED_WORKFLOW);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/X-Api-Key or Authorization: Bearer/),
    });
    const wrong = await request("GET", `/compat/dataflow/workflows/${workflowId}/executions`, undefined, { "x-api-key": "sk_wrong" });
    expect(wrong.status).toBe(401);
    const bearer = await request("GET", `/compat/dataflow/workflows/${workflowId}/executions`, undefined, {
      authorization: `Bearer ${owner.key}`,
    });
    expect(bearer.status).toBe(200);

    const unknownWorkflow = "0190aaaa-0000-7000-8000-000000000000";
    expect((await owner.flow("POST", `/workflows/${unknownWorkflow}/execute`)).body.error.code).toBe("WORKFLOW_NOT_FOUND");
    expect((await owner.flow("GET", `/workflows/${unknownWorkflow}/executions`)).status).toBe(404);
    expect((await owner.flow("GET", `/workflows/${workflowId}/executions/${unknownWorkflow}`)).status).toBe(404);
    const elsewhere = await created(owner.flow, SEED_WORKFLOW);
    const misfiled = await owner.flow("GET", `/workflows/${elsewhere}/executions/${executionId}`);
    expect(misfiled.status).toBe(404);
    expect(misfiled.body.error.code).toBe("RUN_NOT_FOUND");

    expect((await other.flow("GET", `/workflows/${workflowId}/executions/${executionId}`)).status).toBe(404);
    expect((await other.flow("GET", `/workflows/${workflowId}/executions`)).status).toBe(404);
    expect((await other.flow("POST", `/workflows/${workflowId}/execute`)).status).toBe(404);
  });
});

describe("executions list", () => {
  it("lists a workflow's executions newest first, paged with limit and cursor", async () => {
    const { flow } = await flowApp();
    const workflowId = await created(flow, SEED_WORKFLOW);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push(await executed(flow, workflowId));
    // A retried execute with the same Idempotency-Key gets the first answer, not a fourth execution.
    const keyed = { "idempotency-key": "nightly-1" };
    const once = await flow("POST", `/workflows/${workflowId}/execute`, { input: { text: "x" } }, keyed);
    const again = await flow("POST", `/workflows/${workflowId}/execute`, { input: { text: "x" } }, keyed);
    expect(again.body).toEqual(once.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    ids.push(once.body.execution_id);
    await finished(flow, workflowId, ids[2]);
    const first = await flow("GET", `/workflows/${workflowId}/executions?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.executions.map((e: Body) => e.execution_id)).toEqual([ids[2], ids[1]]);
    expect(Object.keys(first.body.executions[0])).toEqual(["execution_id", "status", "created_at", "started_at", "completed_at"]);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await flow("GET", `/workflows/${workflowId}/executions?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.executions.map((e: Body) => e.execution_id)).toEqual([ids[0]]);
    expect(second.body.next_cursor).toBeNull();
    const all = await eventually(
      () => flow("GET", `/workflows/${workflowId}/executions`),
      (r) => r.body.executions.every((e: Body) => e.status === "COMPLETED"),
    );
    expect(all.body.executions).toHaveLength(3);
    expect(all.body.executions.every((e: Body) => e.completed_at !== null)).toBe(true);

    expect((await flow("GET", `/workflows/${workflowId}/executions?cursor=nope`)).body.error.details[0].path).toBe("query.cursor");
    expect((await flow("GET", `/workflows/${workflowId}/executions?limit=101`)).body.error.details[0].path).toBe("query.limit");
  });
});

describe("OpenAPI document", () => {
  it("describes the four routes, accepts the seed's examples and validates what the API answers", async () => {
    const doc = await dialectDocument("dataflow");
    expect(doc.servers[0].url).toBe("/compat/dataflow");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/workflows",
      "/workflows/{workflow_id}/execute",
      "/workflows/{workflow_id}/executions",
      "/workflows/{workflow_id}/executions/{execution_id}",
    ]);
    expect(doc.paths["/workflows/{workflow_id}/execute"].post.operationId).toBe("executeWorkflow");
    expect((await request("GET", "/docs")).body).toContain("/compat/dataflow/openapi.json");

    const valid = (name: string, value: unknown) => expect(documentSchema(doc, name)(value)).toEqual([]);
    valid("DataflowWorkflowRequest", JSON.parse(SEED_WORKFLOW));
    valid("DataflowWorkflowCreated", { workflow_id: "wf-4g7h8j9k" });
    valid("DataflowExecuteRequest", { input: { text: "Hello, world!" }, webhook_url: "https://example.com/webhook" });
    valid("DataflowExecutionStarted", { execution_id: "ex-1a2b3c4d" });
    valid("DataflowExecution", {
      execution_id: "ex-1a2b3c4d",
      workflow_id: "wf-4g7h8j9k",
      status: "RUNNING",
      tasks: [
        {
          task_id: "task-5e6f7g8h",
          type: "StaticTextInput",
          status: "COMPLETED",
          input: text("Hello, world!"),
          output: text("Hello, world!"),
        },
        { task_id: "task-9i0j1k2l", type: "TextOperation.Reverse", status: "RUNNING", input: text("Hello, world!") },
        { task_id: "task-3m4n5o6p", type: "Echo", status: "PENDING" },
      ],
    });
    const times = { created_at: "2024-01-01T00:00:00Z", started_at: "2024-01-01T00:00:00Z", completed_at: "2024-01-01T00:00:00Z" };
    valid("DataflowExecutionList", {
      executions: [
        { execution_id: "ex-1a2b3c4d", status: "RUNNING", ...times },
        { execution_id: "ex-7p8q9r0s", status: "COMPLETED", ...times },
      ],
    });

    const { flow } = await flowApp();
    const workflowId = await created(flow, SEED_WORKFLOW);
    const executionId = await executed(flow, workflowId);
    valid("DataflowExecution", await finished(flow, workflowId, executionId));
    valid("DataflowExecutionList", (await flow("GET", `/workflows/${workflowId}/executions`)).body);
    expect(documentSchema(doc, "DataflowExecution")({ execution_id: "x", workflow_id: "y", status: "WAITING", tasks: [] })).not.toEqual([]);
  });
});
