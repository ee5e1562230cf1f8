import { expect } from "vitest";
import { type Body, eventually, newApp, request } from "../worker";

/** docs/dialects/dataflow.md. Helpers for talking to /compat/dataflow the way a Data Flow client does. */

// "Workflow Creation", request body, byte for byte.
export const SEED_WORKFLOW = `{
  "name": "Dummy Workflow",
  "steps": [
    { "type": "StaticTextInput", "input": "Hello, world!" },
    { "type": "TextOperation.Reverse" },
    { "type": "Echo" }
  ]
}`;

// "Input Data", request body, byte for byte.
export const SEED_INPUT = `{
  "input": {
    "text": "Hello, world!"
  }
}`;

export const flowCall =
  (key: string) =>
  (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(method, `/compat/dataflow${path}`, body, { "x-api-key": key, ...headers });

export async function flowApp() {
  const app = await newApp("data flow client");
  return { ...app, flow: flowCall(app.key) };
}

export type Flow = ReturnType<typeof flowCall>;

export async function created(flow: Flow, body: unknown): Promise<string> {
  const res = await flow("POST", "/workflows", body);
  if (res.status !== 201) throw new Error(`creating a workflow failed: ${JSON.stringify(res.body)}`);
  return res.body.workflow_id;
}

export async function executed(flow: Flow, workflowId: string, body?: unknown): Promise<string> {
  const res = await flow("POST", `/workflows/${workflowId}/execute`, body);
  if (res.status !== 202) throw new Error(`executing failed: ${JSON.stringify(res.body)}`);
  return res.body.execution_id;
}

const ENDED = ["COMPLETED", "FAILED", "CANCELLED"];

export async function finished(flow: Flow, workflowId: string, executionId: string): Promise<Body> {
  const res = await eventually(
    () => flow("GET", `/workflows/${workflowId}/executions/${executionId}`),
    (r) => r.status !== 200 || ENDED.includes(r.body.status),
  );
  expect(res.status).toBe(200);
  return res.body;
}

export const text = (value: string) => ({ text: value });
