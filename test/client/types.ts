import type { WorkerEntrypoint } from "cloudflare:workers";
import type { RunStatus, Stepline, SteplineService } from "@stepline/client";
import type { Stepline as SteplineEntrypoint } from "../../src/rpc";

/**
 * Compile-time checks of @stepline/client, run by `tsc -p test/tsconfig.json` (npm run check).
 * The calls without a directive must compile; each `@ts-expect-error` line must fail to, or tsc
 * fails on the unused directive. Nothing here runs.
 */
declare const stepline: Stepline;
declare const binding: SteplineService;

export async function rawCalls() {
  const { data } = await stepline.api.GET("/v1/runs/{id}", { params: { path: { id: "r" } } });
  data?.status satisfies RunStatus | undefined;
  await stepline.api.POST("/v1/workflows/{id}/runs", { params: { path: { id: "w" } }, body: { input: { name: "Ada" }, version: 2 } });
  await stepline.api.GET("/v1/runs", { params: { query: { status: "running", limit: 10 } } });

  // @ts-expect-error a path the API does not have
  await stepline.api.GET("/v1/run/{id}", { params: { path: { id: "r" } } });
  // @ts-expect-error a misspelt path parameter
  await stepline.api.GET("/v1/runs/{id}", { params: { path: { runId: "r" } } });
  // @ts-expect-error a misspelt body field
  await stepline.api.POST("/v1/workflows/{id}/runs", { params: { path: { id: "w" } }, body: { inptu: { name: "Ada" } } });
  // @ts-expect-error a body field of the wrong type
  await stepline.api.POST("/v1/workflows/{id}/runs", { params: { path: { id: "w" } }, body: { version: "2" } });
  // @ts-expect-error a misspelt query parameter
  await stepline.api.GET("/v1/runs", { params: { query: { workflowId: "w" } } });
  // @ts-expect-error a method the route does not have
  await stepline.api.PUT("/v1/runs/{id}", { params: { path: { id: "r" } } });
  // @ts-expect-error a field the answer does not have
  data?.steps[0].outptu;
}

export async function helpers() {
  const run = await stepline.runs.start("w", { name: "Ada" }, { wait: true, timeout: 60_000, idempotencyKey: "k" });
  run.steps[0].status satisfies string;
  await stepline.runs.list({ status: ["running", "waiting"], workflow_id: "w" });
  await stepline.workflows.create({ name: "hello", steps: [{ id: "a", type: "transform", config: { value: 1 } }] });
  await stepline.events.send("r", "approved", { by: "Grace" }, { id: "e-1" });
  for await (const event of stepline.runs.stream("r", { lastEventId: 3 })) event.seq satisfies number;

  // @ts-expect-error a misspelt option
  await stepline.runs.start("w", { name: "Ada" }, { wiat: true });
  // @ts-expect-error a misspelt definition field (and the steps it lacks)
  await stepline.workflows.create({ name: "hello", stpes: [] });
  // @ts-expect-error a step field of the wrong type
  await stepline.workflows.create({ name: "hello", steps: [{ id: "a", type: "transform", depends_on: "b" }] });
  // @ts-expect-error a status that does not exist
  await stepline.runs.list({ status: "done" });
  // @ts-expect-error lastEventId is a sequence number
  stepline.runs.stream("r", { lastEventId: "3" });
  // @ts-expect-error replay takes from_step, not fromStep
  await stepline.runs.replay("r", { fromStep: "b" });
}

export async function serviceBinding() {
  const run = await binding.startRun("w", { input: { name: "Ada" }, version: 1 });
  run.status satisfies RunStatus;
  // @ts-expect-error a misspelt option of startRun
  await binding.startRun("w", { inputs: { name: "Ada" } });
  // @ts-expect-error listRuns takes statuses as a list
  await binding.listRuns({ status: "running" });
}

// The type the client publishes for bindings is the entrypoint Stepline deploys: the same
// methods, accepting what the type lets callers send, answering what it promises, with the
// same option names.
export const entrypointHasTheClientType = (entrypoint: Pick<SteplineEntrypoint, keyof SteplineService>): SteplineService => entrypoint;
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type OptionNames<F, I extends number> = F extends (...args: infer A) => unknown ? keyof NonNullable<A[I]> : never;
export const sameMethodsAndOptions: [
  Equal<Exclude<keyof SteplineEntrypoint, keyof WorkerEntrypoint<Env>>, keyof SteplineService>,
  Equal<OptionNames<SteplineService["startRun"], 1>, OptionNames<SteplineEntrypoint["startRun"], 1>>,
  Equal<OptionNames<SteplineService["listRuns"], 0>, OptionNames<SteplineEntrypoint["listRuns"], 0>>,
  Equal<OptionNames<SteplineService["sendEvent"], 1>, OptionNames<SteplineEntrypoint["sendEvent"], 1>>,
] = [true, true, true, true];
