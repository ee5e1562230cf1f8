import { describe, expect, it } from "vitest";
import { literal, mappedValue, nativeWorkflow } from "../../../src/dialects/pipelines/definition";
import { pipelinesStatus, stepUuid, toWorkflowPublic } from "../../../src/dialects/pipelines/mappers";
import { CreateWorkflow } from "../../../src/dialects/pipelines/schemas";
import type { StepDefinition } from "../../../src/domain/definition";
import { render } from "../../../src/engine/expressions";
import { createRunRecord } from "../../../src/engine/run-factory";
import { runView } from "../../../src/engine/run-view";
import { expectSeedShape, fal, SEED_EXAMPLE } from "../../support/dialects/pipelines";

/** docs/dialects/pipelines.md. The pure translations, built from the example of the pipelines reference. */

const seed = CreateWorkflow.parse(JSON.parse(SEED_EXAMPLE));
const vars = { PIPELINES_TASK_GENERATION: JSON.stringify(fal("generate")), PIPELINES_TASK_REFINE: JSON.stringify(fal("refine")) };

/** The keys of the seed's example WorkflowPublic and WorkflowStepPublic responses. */
const SEED_WORKFLOW_KEYS = [
  "id",
  "name",
  "description",
  "status",
  "total_steps",
  "completed_steps",
  "progress",
  "current_step",
  "final_step_id",
  "final_step_result",
  "canvas_task_id",
  "config",
  "suppress_subtask_events",
  "origin_instance",
  "origin_zone",
  "origin_tenant_id",
  "origin_reference",
  "webhook_url",
  "error_message",
  "errors",
  "started_at",
  "completed_at",
  "created_at",
  "updated_at",
  "is_deleted",
  "deleted_at",
  "steps",
];
const SEED_STEP_KEYS = [
  "id",
  "step_id",
  "task_type",
  "config",
  "provider_config",
  "active_provider_capabilities",
  "fallback_provider_type",
  "fallback_provider_config",
  "fallback_provider_capabilities",
  "dependencies",
  "input_mappings",
  "status",
  "task_id",
  "result",
  "error_message",
  "started_at",
  "completed_at",
  "retry_count",
  "max_retries",
  "created_at",
  "updated_at",
];

function queuedView(steps: StepDefinition[]) {
  const { run, steps: records } = createRunRecord({
    id: "01900000-0000-7000-8000-000000000001",
    appId: "app",
    workflowId: "01900000-0000-7000-8000-000000000002",
    version: 1,
    definition: { steps },
    input: {},
    trigger: "api",
    surface: "pipelines",
    profile: "default",
    scheduleId: null,
    parent: null,
    webhookUrl: null,
    retention: { maxAgeSeconds: 60, preserveOnFailure: false },
    metadata: { name: seed.name, description: seed.description, origin_instance: seed.origin_instance, suppress_subtask_events: true },
    options: {},
    limiter: null,
    start: false,
    reuse: null,
  });
  return runView(run, records);
}

describe("the seed's example as a native workflow", () => {
  it("makes one integration step per task, wired by depends_on and the mapping", () => {
    const built = nativeWorkflow(seed, vars);
    expect(built.problems).toEqual([]);
    const [generate, refine] = built.workflow?.steps ?? [];
    expect(generate).toMatchObject({
      id: "generate",
      type: "integration",
      depends_on: [],
      retry: { max_attempts: 4 },
      config: {
        provider: "fal",
        operation: "queue.submit",
        pathParams: { app_id: "pipelines/generate" },
        poll_interval: "10ms",
        body: { height: 1024, prompt: "fashion model wearing elegant dress", width: 1024 },
      },
    });
    expect(refine.depends_on).toEqual(["generate"]);
    expect((refine.config!.body as Record<string, unknown>).upscale_factor).toBe(2);
    expect((refine.config!.body as Record<string, unknown>).base_image_url).toBe(
      mappedValue("generate", seed.steps[1].input_mappings?.[0] as never),
    );
    expect(refine.meta?.pipelines).toMatchObject({ step_id: "refine", task_type: "REFINE", dependencies: ["generate"], max_retries: 3 });
  });

  it("names every task type without a provider", () => {
    const built = nativeWorkflow(seed, {});
    expect(built.workflow).toBeNull();
    expect(built.problems.map((p) => [p.loc, p.msg.includes(`PIPELINES_TASK_${p.loc[2] === 0 ? "GENERATION" : "REFINE"}`)])).toEqual([
      [["body", "steps", 0, "provider_config"], true],
      [["body", "steps", 1, "provider_config"], true],
    ]);
  });

  it("gives step ids that are not native ids native ones, keeping the client's in meta", () => {
    const body = CreateWorkflow.parse({
      ...JSON.parse(SEED_EXAMPLE),
      steps: [
        { id: "1 generate", task_type: "GENERATION", config: {} },
        { id: "step_0", task_type: "REFINE", config: {}, depends_on: ["1 generate"] },
      ],
    });
    const steps = nativeWorkflow(body, vars).workflow?.steps ?? [];
    expect(steps.map((s) => [s.id, s.depends_on, (s.meta!.pipelines as { step_id: string }).step_id])).toEqual([
      ["_step_0", [], "1 generate"],
      ["step_0", ["_step_0"], "step_0"],
    ]);
  });

  it("reads the mapped field from the source's result, and fails clearly when it is missing", async () => {
    const mapping = { from_step: "generate", from_field: "result image", to_field: "x" };
    const template = mappedValue("generate", mapping);
    expect(await render(template, { steps: { generate: { output: { "result image": { url: "a" } } } } })).toEqual({ url: "a" });
    await expect(render(template, { steps: { generate: { output: {} } } })).rejects.toThrow(
      'step "generate" has no result field "result image"',
    );
  });

  it("keeps config strings literal, whatever braces they hold", async () => {
    const config = { a: "{{ input.x }}", b: ["{{{", "}}{{", "plain"], c: { d: "x {{ y" }, n: 1 };
    expect(await render(literal(config), { input: { x: "evaluated" } })).toEqual(config);
  });
});

describe("a run as WorkflowPublic", () => {
  it("has exactly the seed's fields, validates against its schema, and maps every status", () => {
    const steps = nativeWorkflow(seed, vars).workflow?.steps ?? [];
    const workflow = expectSeedShape(toWorkflowPublic(queuedView(steps), steps), "WorkflowPublic");
    expect(Object.keys(workflow)).toEqual(SEED_WORKFLOW_KEYS);
    expect(Object.keys(workflow.steps[0])).toEqual(SEED_STEP_KEYS);
    expect(workflow).toMatchObject({
      status: "PENDING",
      name: "Fashion Image Pipeline",
      origin_instance: "api-prod",
      final_step_id: "refine",
      final_step_result: null,
      progress: 0,
      is_deleted: false,
    });
    expect(workflow.steps[1]).toMatchObject({
      step_id: "refine",
      dependencies: ["generate"],
      provider_config: fal("refine"),
      max_retries: 3,
    });
    const statuses = ["queued", "running", "waiting", "paused", "completed", "failed", "cancelled"] as const;
    expect(statuses.map(pipelinesStatus)).toEqual(["PENDING", "RUNNING", "RUNNING", "PAUSED", "COMPLETED", "FAILED", "CANCELLED"]);
  });

  it("gives each step a stable UUID of its own", () => {
    const a = stepUuid("01900000-0000-7000-8000-000000000001", "generate");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stepUuid("01900000-0000-7000-8000-000000000001", "generate")).toBe(a);
    expect(stepUuid("01900000-0000-7000-8000-000000000001", "refine")).not.toBe(a);
    expect(stepUuid("01900000-0000-7000-8000-000000000002", "generate")).not.toBe(a);
  });
});
