import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Run, type RunEvent, Stepline, SteplineError } from "@stepline/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typesFromDocument } from "../../packages/client/scripts/openapi-types";
import { newE2eApp, type Receiver, type Stepline as Server, startReceiver, startStepline, startWorker } from "../support/e2e/harness";

/**
 * @stepline/client against a real `wrangler dev`: its types match the document the server
 * serves, and each helper does what it says over real HTTP. A Worker beside it calls Stepline
 * through the typed service binding of examples/consumer-worker.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const GENERATED = path.join(ROOT, "packages/client/src/generated/openapi.ts");

let server: Server;
let consumer: Server | undefined;
let receiver: Receiver;
let stepline: Stepline;
let baseUrl: string;
let apiKey: string;

const greet = {
  name: "Greet after a pause",
  input_schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
  steps: [
    { id: "greeting", type: "transform", config: { value: "Hello, {{ input.name }}!" } },
    { id: "pause", type: "sleep", config: { duration: "500ms" } },
    { id: "answer", type: "transform", config: { value: { message: "{{ steps.greeting.output }}" } } },
  ],
};

const approval = {
  name: "Greet after approval",
  steps: [
    { id: "greeting", type: "transform", config: { value: "Hello, {{ input.name }}!" } },
    { id: "approval", type: "wait_for_event", config: { event: "approved", timeout: "1h" } },
    {
      id: "answer",
      type: "transform",
      config: { value: "{{ steps.greeting.output }} Approved by {{ steps.approval.output.payload.by }}." },
    },
  ],
};

// Stepline and the consumer Worker find each other here, and nowhere else on the machine.
const REGISTRY = path.join(ROOT, ".e2e", `registry-${randomBytes(4).toString("hex")}`);

/**
 * Passes a stream's bytes through until `events` event frames (after the opening `retry:`)
 * and a few bytes of the next one, then aborts the connection and fails the body, as a
 * connection reset mid-frame would.
 */
function dropAfter(events: number, abort: () => void): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let blocks = 0;
  let previous = "";
  return new TransformStream({
    transform(chunk, controller) {
      const text = decoder.decode(chunk, { stream: true });
      for (let i = 0; i < text.length; i++) {
        if (text[i] === "\n" && previous === "\n") blocks += 1;
        previous = text[i];
        if (blocks === events + 1) {
          controller.enqueue(encoder.encode(text.slice(0, i + 9)));
          abort();
          controller.error(new TypeError("the connection was reset"));
          return;
        }
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}

beforeAll(async () => {
  server = await startStepline({ registry: REGISTRY });
  const app = await newE2eApp(server.url, "client");
  baseUrl = server.url;
  apiKey = app.key;
  stepline = new Stepline({ baseUrl, apiKey });
  receiver = await startReceiver();
});

afterAll(async () => {
  await consumer?.stop();
  await server?.stop();
  await receiver?.close();
  for (const folder of [consumer?.persistTo, server?.persistTo, REGISTRY]) if (folder) rmSync(folder, { recursive: true, force: true });
});

it("has types generated from the served document (npm run client:generate writes them)", async () => {
  const document = (await fetch(`${baseUrl}/openapi.json`).then((r) => r.json())) as object;
  const types = await typesFromDocument(document);
  expect(types).toContain('"/v1/runs/{id}/stream"');
  await expect(types, `${path.relative(ROOT, GENERATED)} is stale: run npm run client:generate`).toMatchFileSnapshot(GENERATED);
});

describe("runs", () => {
  it("starts a run with wait and answers it once it has ended, with its output", async () => {
    const workflow = await stepline.workflows.create(greet);
    const run = await stepline.runs.start(workflow.id, { name: "Ada" }, { wait: true });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ message: "Hello, Ada!" });
    expect(run.steps.map((s) => [s.id, s.status])).toEqual([
      ["greeting", "completed"],
      ["pause", "completed"],
      ["answer", "completed"],
    ]);
  });

  it("answers the same run for a repeated idempotency key", async () => {
    const workflow = await stepline.workflows.create(greet);
    const first = await stepline.runs.start(workflow.id, { name: "Grace" }, { idempotencyKey: "client-e2e-1" });
    const again = await stepline.runs.start(workflow.id, { name: "Grace" }, { idempotencyKey: "client-e2e-1" });
    expect(again.id).toBe(first.id);
  });

  it("streams a run's events across two forced disconnects, resuming from Last-Event-ID with none lost or repeated", async () => {
    // Every stream request goes through here, so the test can cut the underlying connection:
    // the first mid-frame after two events, the second while the run waits.
    const connections: Array<{ lastEventId: string | null; cut: () => void }> = [];
    const cuttable: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!new URL(request.url).pathname.endsWith("/stream")) return fetch(request);
      const controller = new AbortController();
      const cut = () => controller.abort();
      connections.push({ lastEventId: request.headers.get("last-event-id"), cut });
      const response = await fetch(request, { signal: controller.signal });
      if (connections.length > 1 || !response.body) return response;
      return new Response(response.body.pipeThrough(dropAfter(2, cut)), response);
    };
    const client = new Stepline({ baseUrl, apiKey, fetch: cuttable });
    const workflow = await client.workflows.create(approval);
    const run = await client.runs.start(workflow.id, { name: "Ada" });

    const seen: RunEvent[] = [];
    for await (const event of client.runs.stream(run.id)) {
      seen.push(event);
      if (event.type === "run.waiting" && connections.length === 2) {
        connections[1].cut();
        await stepline.events.send(run.id, "approved", { by: "Grace" });
      }
    }

    const waitingSeq = seen.find((e) => e.type === "run.waiting")?.seq;
    expect(connections.map((c) => c.lastEventId)).toEqual(["0", "2", String(waitingSeq)]);
    const log = await client.api.GET("/v1/runs/{id}/events", { params: { path: { id: run.id }, query: { after: 0, limit: 100 } } });
    const logged = log.data?.data as RunEvent[];
    expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: logged.length }, (_, i) => i + 1));
    expect(seen).toEqual(logged);
    expect(seen.at(-1)?.type).toBe("run.completed");
    expect((await client.runs.get(run.id)).output).toBe("Hello, Ada! Approved by Grace.");
  });

  it("gives up waiting after the timeout with a TIMEOUT error, leaving the run as it was", async () => {
    const workflow = await stepline.workflows.create(approval);
    const run = await stepline.runs.start(workflow.id, { name: "Alan" });
    const error = await stepline.runs.waitFor(run.id, { timeout: 300 }).catch((e) => e);
    expect(error).toBeInstanceOf(SteplineError);
    expect(error).toMatchObject({ code: "TIMEOUT", status: 0 });
    expect((await stepline.runs.get(run.id)).status).toBe("waiting");
    await stepline.runs.cancel(run.id);
  });
});

describe("errors", () => {
  it("throws a SteplineError with the code, status and request id of a 404", async () => {
    const error = await stepline.runs.get("no-such-run").catch((e) => e);
    expect(error).toBeInstanceOf(SteplineError);
    expect(error).toMatchObject({ code: "RUN_NOT_FOUND", status: 404, details: [] });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("throws a SteplineError listing every problem of a 400", async () => {
    const error = await stepline.workflows
      .create({
        name: "broken",
        steps: [
          { id: "a", type: "transfrom", config: {} },
          { id: "b", type: "transform", depends_on: ["nope"], config: { value: 1 } },
        ],
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SteplineError);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(400);
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(["steps[0].type", "steps[1].depends_on[0]"]);
  });

  it("throws NETWORK_ERROR when nothing answers", async () => {
    const nowhere = new Stepline({ baseUrl: "http://127.0.0.1:9", apiKey });
    await expect(nowhere.runs.get("x")).rejects.toMatchObject({ name: "SteplineError", code: "NETWORK_ERROR", status: 0 });
  });
});

it("verifies a real webhook delivery, and refuses it once tampered with", async () => {
  const workflow = await stepline.workflows.create({ ...greet, steps: [greet.steps[0]], webhook_url: `${receiver.url}/hook` });
  const run = await stepline.runs.start(workflow.id, { name: "Ada" }, { wait: true });
  const [delivery] = await receiver.waitFor(1, { path: "/hook" });
  const { secret } = await stepline.webhooks.secret();

  const event = stepline.webhooks.verify(delivery.body, delivery.headers, secret);
  expect(event.type).toBe("run.completed");
  expect(event.data).toMatchObject({ id: run.id, status: "completed", output: "Hello, Ada!" });

  const tampered = delivery.body.replace("Hello, Ada!", "Hello, Eve!");
  expect(() => stepline.webhooks.verify(tampered, delivery.headers, secret)).toThrow(
    expect.objectContaining({ name: "SteplineError", code: "INVALID_WEBHOOK" }),
  );
});

it("lets a Worker start a run over its typed service binding and await it (examples/consumer-worker)", async () => {
  const app = await stepline.api.GET("/v1/app");
  const example = path.join(ROOT, "examples/consumer-worker");
  // The example's own config, with the app id filled in and its entry point made absolute.
  const config = readFileSync(path.join(example, "wrangler.toml"), "utf8")
    .replace('main = "src/index.ts"', `main = ${JSON.stringify(path.join(example, "src/index.ts"))}`)
    .replace('appId = "<your app id>"', `appId = "${app.data?.id}"`);
  const configFile = path.join(server.persistTo, "consumer.toml");
  writeFileSync(configFile, config);
  consumer = await startWorker(configFile, { registry: REGISTRY });

  const workflow = await stepline.workflows.create(greet);
  const answer = await fetch(consumer.url, { method: "POST", body: JSON.stringify({ workflow_id: workflow.id, input: { name: "Ada" } }) });
  expect(answer.status).toBe(200);
  const run = (await answer.json()) as Run;
  expect(run).toMatchObject({ workflow_id: workflow.id, status: "completed", output: { message: "Hello, Ada!" } });
  expect((await stepline.runs.get(run.id)).status).toBe("completed");

  const missing = await fetch(consumer.url, { method: "POST", body: JSON.stringify({ workflow_id: "no-such-workflow" }) });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: "WORKFLOW_NOT_FOUND" } });
});
