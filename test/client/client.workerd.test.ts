import { env, SELF } from "cloudflare:test";
import { Stepline, SteplineError, serviceError, verifyWebhook } from "@stepline/client";
import { expect, it } from "vitest";
import { readSse, type SseFrame } from "../../packages/client/src/sse";
import { signatureHeader } from "../../src/webhooks/sign";
import { newApp } from "../support/worker";

/**
 * @stepline/client inside workerd, as a Worker would use it: its fetch is the Worker's, its
 * stream parser reads workerd's streams, and it checks signatures Stepline's own signer makes.
 */
const clientFor = (apiKey: string) =>
  new Stepline({ baseUrl: "http://stepline.test", apiKey, fetch: (input, init) => SELF.fetch(input as Request, init) });

it("starts a run with wait, streams its log and throws typed errors inside workerd", async () => {
  const stepline = clientFor((await newApp()).key);
  const workflow = await stepline.workflows.create({
    name: "in workerd",
    steps: [
      { id: "double", type: "transform", config: { value: "{{ input.x * 2 }}" } },
      { id: "more", type: "transform", config: { value: "{{ prev + 1 }}" } },
    ],
  });
  const run = await stepline.runs.start(workflow.id, { x: 20 }, { wait: true });
  expect(run).toMatchObject({ status: "completed", output: 41 });

  const events = [];
  for await (const event of stepline.runs.stream(run.id)) events.push(event);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.filter((e) => e.type === "step.completed").map((e) => e.step_id)).toEqual(["double", "more"]);
  expect(events.at(-1)?.type).toBe("run.completed");

  const missing = await stepline.runs.get("no-such-run").catch((e) => e);
  expect(missing).toBeInstanceOf(SteplineError);
  expect(missing).toMatchObject({ code: "RUN_NOT_FOUND", status: 404 });
});

it("sends the key as X-Api-Key alone when asked to, and as a bearer token by default", async () => {
  const { key } = await newApp();
  const sent: Headers[] = [];
  const recording = (keyHeader?: "x-api-key") =>
    new Stepline({
      baseUrl: "http://stepline.test",
      apiKey: key,
      keyHeader,
      fetch: (input, init) => {
        sent.push(new Headers((input as Request).headers));
        return SELF.fetch(input as Request, init);
      },
    });
  expect((await recording("x-api-key").workflows.list()).data).toEqual([]);
  expect(sent[0].get("x-api-key")).toBe(key);
  expect(sent[0].has("authorization")).toBe(false);
  expect((await recording().workflows.list()).data).toEqual([]);
  expect(sent[1].get("authorization")).toBe(`Bearer ${key}`);
  expect(sent[1].has("x-api-key")).toBe(false);
});

it("verifies what Stepline's signer signs, with either secret across a rotation, and nothing tampered with", () => {
  const current = "whsec_Y3VycmVudC1zZWNyZXQtb2YtdGhpcnR5LXR3by1ieXRlcw==";
  const previous = "whsec_cHJldmlvdXMtc2VjcmV0LW9mLXRoaXJ0eS10d28tYnl0ZQ==";
  const body = JSON.stringify({ type: "run.completed", timestamp: new Date().toISOString(), data: { id: "r1", output: 1 } });
  const now = new Date();
  const headers = new Headers({
    "webhook-id": "msg_1",
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signatureHeader({ current, previous, rotatedAt: now.getTime() }, "msg_1", now, body),
  });
  expect(verifyWebhook(body, headers, current)).toMatchObject({ type: "run.completed", data: { id: "r1" } });
  expect(verifyWebhook(body, Object.fromEntries(headers), previous)).toMatchObject({ data: { id: "r1" } });
  expect(() => verifyWebhook(body.replace('"output":1', '"output":2'), headers, current)).toThrow(SteplineError);
  expect(() => verifyWebhook(body, headers, "whsec_b3RoZXItc2VjcmV0LW9mLXRoaXJ0eS10d28tYnl0ZXM=")).toThrow(/not authentic/);
});

it("reads an error thrown across the service binding back into its code and details", async () => {
  const viaBinding = async (method: string, ...args: unknown[]) => {
    const res = await (env as unknown as { CALLER: Fetcher }).CALLER.fetch(`http://caller/${method}`, {
      method: "POST",
      body: JSON.stringify(args),
    });
    const answer = (await res.json()) as { ok: boolean; error: string };
    return serviceError(new Error(answer.error));
  };
  const invalid = await viaBinding("createWorkflow", { name: "broken", steps: [{ id: "a", type: "transfrom" }] });
  expect(invalid).toMatchObject({ code: "VALIDATION_FAILED", status: 0, details: [{ path: "steps[0].type" }] });
  expect(invalid.message).toMatch(/^The workflow definition is not valid/);
  expect(await viaBinding("getRun", "no-such-run")).toMatchObject({ code: "RUN_NOT_FOUND", details: [] });
});

it("parses Server-Sent Events however the bytes are split: any line ending, comments, multi-line data, a BOM", async () => {
  const text =
    '\uFEFFretry: 1500\n\n: keep-alive\r\nid: 1\r\nevent: run.created\r\ndata: {"seq":1}\r\n\r\n' +
    "id: 2\revent: step.completed\rdata: line one\rdata:line two\r\r" +
    "data: no id or event\n\nid: 3\ndata: cut off before its blank line\n";
  const expected: SseFrame[] = [
    { id: "1", event: "run.created", data: '{"seq":1}' },
    { id: "2", event: "step.completed", data: "line one\nline two" },
    { id: "2", event: "message", data: "no id or event" },
  ];
  const bytes = new TextEncoder().encode(text);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const chunks = [bytes.slice(0, cut), bytes.slice(cut)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const control: { retryMs?: number } = {};
    const frames: SseFrame[] = [];
    for await (const frame of readSse(body, control)) frames.push(frame);
    expect(frames, `split at byte ${cut}`).toEqual(expected);
    expect(control.retryMs).toBe(1500);
  }
});

it("validates a definition and lists the step types, as the dashboard's builder does", async () => {
  const stepline = clientFor((await newApp()).key);
  const checked = await stepline.workflows.validate({
    name: "mismatched",
    steps: [
      { id: "count", type: "TextOperation.Length" },
      { id: "flip", type: "TextOperation.Reverse", depends_on: ["count"] },
    ],
  });
  expect(checked.valid).toBe(false);
  expect(checked.problems).toEqual([{ path: "steps[1]", message: expect.stringContaining("produces number") }]);
  const types = await stepline.workflows.stepTypes();
  expect(types.data.find((t) => t.type === "TextOperation.Length")?.data_types).toEqual({ accepts: "text", produces: "number" });
});
