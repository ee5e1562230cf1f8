import { z } from "@hono/zod-openapi";
import { WebhookUrl } from "../../domain/webhook-url";
import { purgeRunOutputs, updateRun } from "../../services/runs";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { IdParam, json, jsonBody, route, time } from "../schemas";
import { Run } from "./views";

const tags = ["Runs"];

const RunPatchBody = z
  .object({
    webhook_url: WebhookUrl.nullable().optional().openapi({ description: "Where the run's webhooks go from now on; null: none" }),
    metadata: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: "A JSON merge patch (RFC 7386) of the run's metadata: null removes a key" }),
    deleted: z.boolean().optional().openapi({
      description: "Soft delete: the run is left out of lists unless include_deleted=true, and stays readable by id; false restores it",
    }),
  })
  .strict()
  .openapi("RunPatch");

const patch = route(
  {
    method: "patch",
    path: "/v1/runs/{id}",
    operationId: "updateRun",
    tags,
    summary: "Change a run's webhook URL or metadata, or soft-delete it",
    request: { params: IdParam("id"), body: jsonBody(RunPatchBody) },
    responses: { 200: json(Run, "The run") },
  },
  { scope: "write", errors: ["RUN_NOT_FOUND", "RUN_PURGED"] },
);

const purgeOutputs = route(
  {
    method: "delete",
    path: "/v1/runs/{id}/outputs",
    operationId: "purgeRunOutputs",
    tags,
    summary: "Drop an ended run's step inputs and outputs, keeping the run readable",
    description:
      "The run, its steps' statuses, attempts, errors, times and task ids stay; inputs and outputs of steps, the run's output " +
      "and the outputs in its event log are deleted. A failed run whose outputs were purged cannot be resumed.",
    request: { params: IdParam("id") },
    responses: {
      200: json(
        z.object({ id: z.string(), outputs_purged_at: time(), steps: z.array(z.string()) }).openapi("PurgedOutputs"),
        "What was purged: the steps that held an input or output",
      ),
    },
  },
  { scope: "write", errors: ["RUN_NOT_FOUND", "RUN_PURGED", "RUN_NOT_ENDED"] },
);

/** Run attributes that change outside its progress (services/runs.ts updateRun, purgeRunOutputs). */
export function registerRunEdits(app: App) {
  app.openapi(patch, async (c) => c.json(await updateRun(c.env, auditStamp(c), c.req.valid("param").id, c.req.valid("json")), 200));

  app.openapi(purgeOutputs, async (c) => c.json(await purgeRunOutputs(c.env, auditStamp(c), c.req.valid("param").id), 200));
}
