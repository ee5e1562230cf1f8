import type { z } from "@hono/zod-openapi";
import type { VersionDefinition } from "../../../domain/definition";
import { validationFailed } from "../../../domain/errors";
import { isInstalled } from "../../../services/installations";
import { getRun, listRuns, shapeOf } from "../../../services/runs";
import { assertWorkflowVisible, getVersion, getWorkflow, listAppVersions } from "../../../services/workflows";
import type { Dialect } from "../../kit";
import { scopedRoute } from "../../route";
import { executionSummaries, readExecution } from "../executions";
import { toWorkflowItem } from "../mappers";
import { sampleOf } from "../sample";
import {
  ExecutionPage,
  ExecutionQuery,
  ExecutionRead,
  HistoryQuery,
  InstallationQuery,
  InstallationStatus,
  OrganizationExecutionsQuery,
  OrganizationWorkflowsQuery,
  WorkflowPage,
  WorkflowQuery,
  WorkflowRead,
  WorkflowSchema,
} from "../schemas";
import { afterExecution, commonErrors, message, pageLimit, versionNumber } from "./shared";

const tags = ["Workflow API"];
const BASE = "/v2/workflows";

const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const read = <Q extends z.ZodObject, R extends z.ZodType>(
  name: string,
  summary: string,
  query: Q,
  answer: R,
  notFound?: string,
  gone?: string,
) =>
  scopedRoute(
    {
      method: "get",
      path: `${BASE}/${name}`,
      operationId: name,
      tags,
      summary,
      request: { query },
      responses: {
        200: ok(answer, "Success"),
        ...commonErrors,
        ...(notFound ? { 404: message(notFound) } : {}),
        ...(gone ? { 410: message(gone) } : {}),
      },
    },
    "read",
  );

const executionById = read(
  "getWorkflowExecutionById",
  "The current state and logs of an execution",
  ExecutionQuery,
  ExecutionRead,
  "Execution does not exist (or is another organization's)",
  "The execution's data was purged by its retention policy",
);
const history = read(
  "getWorkflowExecutionHistory",
  "A workflow's executions, newest first, paged by lastKey",
  HistoryQuery,
  ExecutionPage,
  "Workflow does not exist",
);
const organizationExecutions = read(
  "getOrganizationExecutions",
  "Every execution of the organization, newest first, paged by lastKey",
  OrganizationExecutionsQuery,
  ExecutionPage,
);
const workflowById = read("getWorkflowById", "A workflow version", WorkflowQuery, WorkflowRead, "Workflow or version does not exist");
const organizationWorkflows = read(
  "getOrganizationWorkflows",
  "Every version of every workflow, newest first, paged by lastKey",
  OrganizationWorkflowsQuery,
  WorkflowPage,
);
const schemaById = read(
  "getWorkflowSchemaById",
  "The input schema of a workflow version, with a mock payload",
  WorkflowQuery,
  WorkflowSchema,
  "Workflow or version does not exist",
);
const installation = read(
  "getAppUserInstallationStatus",
  "Whether a user has installed one of the organization's apps (PUT /v1/installations/{app_id}/{email} records it)",
  InstallationQuery,
  InstallationStatus,
);

const MISSING = { message: "Missing required parameters for this request." };

/** The workflow row and one of its versions, as the workflow item needs them. */
async function workflowVersion(env: Env, appId: string, workflowId: string, version: string) {
  const number = versionNumber(version, "query.workflow_version");
  const [workflow, found] = await Promise.all([getWorkflow(env, appId, workflowId), getVersion(env, appId, workflowId, number)]);
  return { workflow, version: found };
}

export function registerReadRoutes({ app }: Dialect) {
  /** docs/dialects/looply.md#endpoints: getWorkflowExecutionById. */
  app.openapi(executionById, async (c) => {
    const { workflow_id, workflow_execution_id } = c.req.valid("query");
    const item = await readExecution(c.env, c.get("appId"), workflow_id, workflow_execution_id);
    if (!item) return c.json({ message: `execution ${workflow_execution_id} of workflow ${workflow_id} does not exist` }, 404);
    return c.json({ message: "success" as const, item }, 200);
  });

  /** docs/dialects/looply.md#endpoints: getWorkflowExecutionHistory. */
  app.openapi(history, async (c) => {
    const q = c.req.valid("query");
    const appId = c.get("appId");
    const limit = pageLimit(q.limit);
    const after = afterExecution(q.workflow_execution_id);
    await assertWorkflowVisible(c.env, appId, q.workflow_id);
    const page = await listRuns(c.env, appId, { workflowId: q.workflow_id, limit, after });
    const items = await executionSummaries(c.env, appId, page.data);
    const last = page.data.at(-1);
    const lastKey = page.next_cursor && last ? { lastKey: { workflow_id: q.workflow_id, workflow_execution_id: last.id } } : {};
    return c.json({ message: "success" as const, count: items.length, items, ...lastKey }, 200);
  });

  /** docs/dialects/looply.md#endpoints: getOrganizationExecutions. `workflow_id` only travels with the lastKey. */
  app.openapi(organizationExecutions, async (c) => {
    const q = c.req.valid("query");
    const appId = c.get("appId");
    const page = await listRuns(c.env, appId, { limit: pageLimit(q.limit), after: afterExecution(q.workflow_execution_id) });
    const items = await executionSummaries(c.env, appId, page.data);
    const last = page.data.at(-1);
    const lastKey = page.next_cursor && last ? { lastKey: { workflow_id: last.workflow_id, workflow_execution_id: last.id } } : {};
    return c.json({ message: "success" as const, count: items.length, items, ...lastKey }, 200);
  });

  /** docs/dialects/looply.md#endpoints: getWorkflowById. */
  app.openapi(workflowById, async (c) => {
    const { workflow_id, workflow_version } = c.req.valid("query");
    const appId = c.get("appId");
    const { workflow, version } = await workflowVersion(c.env, appId, workflow_id, workflow_version);
    return c.json({ message: "success" as const, item: toWorkflowItem(appId, workflow, version) }, 200);
  });

  /** docs/dialects/looply.md#endpoints: getOrganizationWorkflows. One item per workflow version. */
  app.openapi(organizationWorkflows, async (c) => {
    const q = c.req.valid("query");
    const appId = c.get("appId");
    if ((q.workflow_id === undefined) !== (q.workflow_version === undefined)) {
      throw validationFailed([{ path: "query", message: "workflow_id and workflow_version continue a list together (both from lastKey)" }]);
    }
    const after = q.workflow_id
      ? { workflowId: q.workflow_id, version: versionNumber(q.workflow_version as string, "query.workflow_version") }
      : null;
    const page = await listAppVersions(c.env, appId, pageLimit(q.limit), after);
    const items = page.data.map(({ workflow, version }) => toWorkflowItem(appId, workflow, version));
    const last = items.at(-1);
    const lastKey =
      page.more && last
        ? { lastKey: { organization_id: appId, workflow_id: last.workflow_id, workflow_version: last.workflow_version } }
        : {};
    return c.json({ message: "success" as const, count: items.length, items, ...lastKey }, 200);
  });

  /** docs/dialects/looply.md#endpoints: getWorkflowSchemaById. The mock payload is the latest execution's input, else a sample. */
  app.openapi(schemaById, async (c) => {
    const { workflow_id, workflow_version } = c.req.valid("query");
    const appId = c.get("appId");
    const { workflow, version } = await workflowVersion(c.env, appId, workflow_id, workflow_version);
    const latest = (await listRuns(c.env, appId, { workflowId: workflow_id, version: version.version, limit: 1, after: null })).data[0];
    const input = latest && !latest.purged_at ? (await getRun(c.env, appId, latest.id)).input : undefined;
    const schema = (version as VersionDefinition).input_schema as Record<string, unknown> | undefined;
    const mock = input !== undefined ? input : sampleOf(schema ?? { type: "object" });
    const item = {
      workflow_id,
      workflow_version: version.version,
      workflow_mock_payload: mock,
      workflow_schema: schema ?? shapeOf(mock),
      created_by: null,
      modified_by: null,
      created_on: Date.parse(version.created_at as string),
      modified_on: Date.parse(workflow.updated_at as string),
    };
    return c.json({ message: "success" as const, item }, 200);
  });

  /** docs/dialects/looply.md#endpoints: getAppUserInstallationStatus. */
  app.openapi(
    installation,
    async (c) => {
      const { email, app_id } = c.req.valid("query");
      const installed = await isInstalled(c.env, c.get("appId"), app_id, email);
      return c.json({ message: "success" as const, email, app_id, installed: installed ? ("true" as const) : ("false" as const) }, 200);
    },
    (result, c) => {
      if (!result.success) return c.json({ ...MISSING, missing: result.error.issues.map((i) => String(i.path[0])) }, 400);
    },
  );
}
