import { z } from "@hono/zod-openapi";
import { json, jsonBody, route } from "../../api/schemas";
import { getRun, startRun } from "../../services/runs";
import type { Dialect } from "../kit";
import { DIALECT_SCHEMES } from "../route";
import { toLeapRun } from "./mappers";
import { LeapRun, runVariables, StartLeapRun } from "./schemas";

const tags = ["Runs"];

const start = route(
  {
    method: "post",
    path: "/v1/runs",
    operationId: "createRun",
    tags,
    summary: "Initiate a workflow run",
    description:
      "Starts a run of the workflow's current version and answers at once with the run object. " +
      "With a `webhook_url`, the run object is POSTed there when the run completes or fails.",
    request: {
      body: jsonBody(StartLeapRun),
    },
    responses: { 201: json(LeapRun, "The workflow run object") },
  },
  { scope: "run", schemes: DIALECT_SCHEMES, idempotent: true, errors: ["WORKFLOW_NOT_FOUND", "INPUT_INVALID"] },
);

const get = route(
  {
    method: "get",
    path: "/v1/runs/{workflow_run_id}",
    operationId: "getRun",
    tags,
    summary: "Get a workflow run",
    request: {
      // Named as in Leap's SDK, so a client generated from this document calls it the same.
      params: z.object({
        workflow_run_id: z
          .string()
          .max(100)
          .openapi({ param: { name: "workflow_run_id", in: "path" }, description: "The ID of the workflow run to retrieve" }),
      }),
    },
    responses: { 200: json(LeapRun, "The workflow run object") },
  },
  { scope: "read", schemes: DIALECT_SCHEMES, errors: ["RUN_NOT_FOUND", "RUN_PURGED"] },
);

/** docs/dialects/leap.md#endpoints: starting a run and reading its run object. */
export function registerLeapRoutes({ app }: Dialect) {
  app.openapi(start, async (c) => {
    const body = c.req.valid("json");
    const run = await startRun(c.env, c.get("appId"), {
      id: c.get("createdId"),
      workflowId: body.workflow_id,
      input: runVariables(body),
      // Leap's own example sends "" for "no webhook".
      webhookUrl: body.webhook_url ? body.webhook_url : undefined,
      surface: "leap",
    });
    return c.json(toLeapRun(run), 201);
  });

  app.openapi(get, async (c) => c.json(toLeapRun(await getRun(c.env, c.get("appId"), c.req.valid("param").workflow_run_id)), 200));
}
