import { type Body, type Call, createWorkflow, newApp, request, waitForRun } from "../worker";

/** docs/dialects/looply.md. Helpers for tests that talk to /compat/looply the way a Looply client does. */

export const BASE = "/compat/looply/v2/workflows";

export const looplyCall =
  (key: string): Call =>
  (method, path, body, headers = {}) =>
    request(method, `${BASE}${path}`, body, { "x-api-key": key, ...headers });

export async function looplyApp(name = "looply client") {
  const app = await newApp(name);
  return { ...app, looply: looplyCall(app.key) };
}

/** Approval flow: waits for an event whose name the Looply client never sends, then answers with what came. */
export const approvalFlow = (after: Array<Record<string, unknown>> = []) => ({
  steps: [
    { id: "prepare", type: "transform", config: { value: "{{ input.order }}" } },
    { id: "wait_for_response_state", type: "wait_for_event", config: { event: "approval-decision" } },
    ...after,
    { id: "answer", type: "transform", config: { value: "{{ steps.wait_for_response_state.output.payload }}" } },
  ],
});

/** Triggers the workflow and returns the execution id. */
export async function trigger(looply: Call, workflowId: string, body: unknown = {}, query = ""): Promise<string> {
  const res = await looply("POST", `/triggerworkflow/${workflowId}/1${query}`, body);
  if (res.status !== 200) throw new Error(`trigger failed (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body.looply_execution_id;
}

export async function waitingAt(call: Call, runId: string, stepId: string): Promise<Body> {
  return waitForRun(call, runId, (r) => r.steps.some((s: Body) => s.id === stepId && s.status === "waiting"));
}

export { createWorkflow };
