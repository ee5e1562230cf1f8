import { expect } from "vitest";
import { type Body, type Call, eventually, newApp, request } from "../worker";
import { counter, documentSchema, setVariables } from "./common";
import seedSchemas from "./pipelines-seed-schemas.json";

/** docs/dialects/pipelines.md. Helpers for tests that talk to /compat/pipelines as a pipelines client does. */

export const BASE = "/api/v1/workflows/";

/** The seed's example request body ("POST /api/v1/workflows/"), word for word. */
export const SEED_EXAMPLE = `{
"description": "Generate and refine fashion images",
"name": "Fashion Image Pipeline",
"origin_instance": "api-prod",
"steps": [
{
"config": {
"height": 1024,
"prompt": "fashion model wearing elegant dress",
"width": 1024
},
"id": "generate",
"task_type": "GENERATION"
},
{
"config": {
"upscale_factor": 2.0
},
"depends_on": [
"generate"
],
"id": "refine",
"input_mappings": [
{
"from_field": "result_image_path",
"from_step": "generate",
"to_field": "base_image_url"
}
],
"task_type": "REFINE"
}
]
}`;

const validators = Object.fromEntries(
  ["WorkflowPublic", "WorkflowListResponse", "WorkflowCleanupResponse", "HTTPValidationError"].map((name) => [
    name,
    documentSchema(seedSchemas as Body, name),
  ]),
);

/** Asserts that a body validates against one of the seed's schemas, and returns it. */
export function expectSeedShape(
  body: Body,
  schema: "WorkflowPublic" | "WorkflowListResponse" | "WorkflowCleanupResponse" | "HTTPValidationError",
) {
  expect(validators[schema](body), JSON.stringify(body).slice(0, 400)).toEqual([]);
  return body;
}

/** A fal provider config for the fake fal apps (test/support/counter-server.ts). */
export const fal = (app: string, extra: Record<string, unknown> = {}) => ({
  provider_type: "fal",
  fal_app_id: `pipelines/${app}`,
  poll_interval: "10ms",
  ...extra,
});

/** An app whose default profile reaches the fake fal, with providers for GENERATION and REFINE. */
export async function pipelinesApp(name = "pipelines client") {
  const app = await newApp(name);
  await setVariables(app.call, {
    FAL_KEY: "fal-test-key",
    FAL_BASE_URL: `${counter}/fake/fal`,
    PIPELINES_TASK_GENERATION: JSON.stringify(fal("generate")),
    PIPELINES_TASK_REFINE: JSON.stringify(fal("refine")),
  });
  const pl: Call = (method, path, body, headers = {}) =>
    request(method, `/compat/pipelines${path}`, body, { authorization: `Bearer ${app.key}`, ...headers });
  return { ...app, pl };
}

/** Polls the workflow until `done` holds. */
export async function waitForWorkflow(pl: Call, id: string, done: (w: Body) => boolean, ms = 8000): Promise<Body> {
  return (
    await eventually(
      () => pl("GET", `${BASE}${id}`),
      (r) => r.status === 200 && done(r.body),
      ms,
    )
  ).body;
}

export const ended = (w: Body) => ["COMPLETED", "FAILED", "CANCELLED"].includes(w.status);

/** A one-step workflow body with its own provider config. */
export const oneStep = (step: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: "one step",
  origin_instance: "tests",
  steps: [{ id: "only", task_type: "GENERATION", config: { prompt: "x" }, ...step }],
  ...extra,
});
