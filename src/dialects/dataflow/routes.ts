import { auditStamp } from "../../api/middleware/auth";
import { requestDetails } from "../../api/middleware/errors";
import { afterCursor } from "../../api/paging";
import { IdParam, json, jsonBody, optionalJsonBody, PageQuery, route } from "../../api/schemas";
import { definitionProblems, type WorkflowDefinition } from "../../domain/definition";
import { AppError, type ErrorDetail, validationFailed } from "../../domain/errors";
import { stepChecks } from "../../engine/steps/checks";
import { getRun, listRuns, startRun } from "../../services/runs";
import { assertWorkflowVisible, createWorkflow } from "../../services/workflows";
import type { Dialect } from "../kit";
import { DIALECT_SCHEMES } from "../route";
import { dataflowProblems, toExecution, toExecutionSummary, toNativeDefinition } from "./mappers";
import { CreatedWorkflow, CreateWorkflowRequest, ExecuteRequest, Execution, ExecutionList, ExecutionStarted } from "./schemas";

const tags = ["Workflows"];
const WorkflowParam = IdParam("workflow_id");
const ExecutionParams = WorkflowParam.merge(IdParam("execution_id"));

const create = route(
  {
    method: "post",
    path: "/workflows",
    operationId: "createWorkflow",
    tags,
    summary: "Create a workflow",
    description:
      "Each step is checked against its type's configuration and against the type its predecessor produces; " +
      "every problem is listed in one 400. The workflow is not executed.",
    request: { body: jsonBody(CreateWorkflowRequest) },
    responses: { 201: json(CreatedWorkflow, "The workflow was created") },
  },
  { scope: "write", schemes: DIALECT_SCHEMES },
);

const execute = route(
  {
    method: "post",
    path: "/workflows/{workflow_id}/execute",
    operationId: "executeWorkflow",
    tags,
    summary: "Execute a workflow",
    description:
      "Checks the input against the workflow's input schema, then queues the execution. " +
      "Send an Idempotency-Key header to make a retry safe.",
    request: { params: WorkflowParam, body: optionalJsonBody(ExecuteRequest) },
    responses: { 202: json(ExecutionStarted, "The execution was queued") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, idempotent: true, errors: ["WORKFLOW_NOT_FOUND", "INPUT_INVALID"] },
);

const list = route(
  {
    method: "get",
    path: "/workflows/{workflow_id}/executions",
    operationId: "listExecutions",
    tags,
    summary: "List a workflow's executions, newest first",
    request: { params: WorkflowParam, query: PageQuery },
    responses: { 200: json(ExecutionList, "A page of executions") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["WORKFLOW_NOT_FOUND"] },
);

const get = route(
  {
    method: "get",
    path: "/workflows/{workflow_id}/executions/{execution_id}",
    operationId: "getExecution",
    tags,
    summary: "Get an execution with its tasks",
    request: { params: ExecutionParams },
    responses: { 200: json(Execution, "The execution") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["WORKFLOW_NOT_FOUND", "RUN_NOT_FOUND", "RUN_PURGED"] },
);

/**
 * The native definition of a Data Flow workflow, or one 400 listing every problem (those of
 * the request schema and those of the definition) at the paths the client sent.
 */
function nativeDefinition(raw: Record<string, unknown>, schemaProblems: ErrorDetail[] = []): WorkflowDefinition {
  const native = toNativeDefinition(raw);
  const problems = [...schemaProblems, ...dataflowProblems(definitionProblems(native, stepChecks), raw.steps)];
  if (problems.length > 0) throw validationFailed(problems, "The workflow definition is not valid");
  return native as WorkflowDefinition;
}

export function registerDataflowRoutes({ app }: Dialect) {
  /** docs/dialects/dataflow.md#endpoints: creating a workflow. */
  app.openapi(
    create,
    async (c) => {
      const workflow = await createWorkflow(c.env, auditStamp(c), nativeDefinition(c.req.valid("json")));
      return c.json({ workflow_id: workflow.id }, 201);
    },
    (result) => {
      if (result.success) return;
      // On failure the validator passes the raw body along as `data`.
      const data = (result as { data?: unknown }).data;
      const raw = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
      nativeDefinition(raw, requestDetails(result.error, result.target, data));
    },
  );

  /** docs/dialects/dataflow.md#endpoints: executing a workflow, its input and its webhook. */
  app.openapi(execute, async (c) => {
    const body = c.req.valid("json") ?? {};
    const run = await startRun(c.env, c.get("appId"), {
      id: c.get("createdId"),
      workflowId: c.req.valid("param").workflow_id,
      input: body.input,
      webhookUrl: body.webhook_url,
      surface: "dataflow",
    });
    return c.json({ execution_id: run.id }, 202);
  });

  /** docs/dialects/dataflow.md#endpoints: listing executions. */
  app.openapi(list, async (c) => {
    const appId = c.get("appId");
    const workflowId = c.req.valid("param").workflow_id;
    const { limit, cursor } = c.req.valid("query");
    await assertWorkflowVisible(c.env, appId, workflowId);
    const page = await listRuns(c.env, appId, { workflowId, limit, after: afterCursor(cursor) });
    return c.json({ executions: page.data.map(toExecutionSummary), next_cursor: page.next_cursor }, 200);
  });

  /** docs/dialects/dataflow.md#endpoints: an execution's status. */
  app.openapi(get, async (c) => {
    const { workflow_id, execution_id } = c.req.valid("param");
    const run = await getRun(c.env, c.get("appId"), execution_id);
    if (run.workflow_id !== workflow_id) {
      throw new AppError("RUN_NOT_FOUND", `execution ${execution_id} of workflow ${workflow_id} was not found`);
    }
    return c.json(toExecution(run), 200);
  });
}
