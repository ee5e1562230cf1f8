import { expect, it } from "vitest";
import { createWorkflow, newApp, request } from "../support/worker";

const MiB = 1024 * 1024;

it("refuses a body over 1 MiB on every dialect with a 413 in that dialect's own error body, creating nothing", async () => {
  const { call, id: appId, key } = await newApp();
  const wf = await createWorkflow(call, { steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  const big = JSON.stringify({ inputs: { blob: "x".repeat(MiB) }, input: { blob: "x".repeat(MiB) } });
  const headers = { "x-api-key": key, authorization: `Bearer ${key}` };
  const posts: Array<[string, (body: unknown) => boolean]> = [
    ["/compat/leap/v1/runs", (b) => (b as { error: { code: string } }).error.code === "PAYLOAD_TOO_LARGE"],
    [`/compat/apps/apps/${appId}/workflows/${wf}/runs`, (b) => (b as { error: { code: string } }).error.code === "PAYLOAD_TOO_LARGE"],
    [`/compat/dataflow/workflows/${wf}/execute`, (b) => (b as { error: { code: string } }).error.code === "PAYLOAD_TOO_LARGE"],
    [`/compat/looply/v2/workflows/triggerworkflow/${wf}`, (b) => typeof (b as { message: string }).message === "string"],
    ["/compat/pipelines/api/v1/workflows/", (b) => typeof (b as { detail: string }).detail === "string"],
  ];
  for (const [path, shaped] of posts) {
    const res = await request("POST", path, big, headers);
    expect(res.status, path).toBe(413);
    expect(shaped(res.body), `${path}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(true);
  }
  expect((await call("GET", "/v1/runs")).body.data).toEqual([]);
});
