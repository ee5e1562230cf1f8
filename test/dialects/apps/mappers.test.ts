import { describe, expect, it } from "vitest";
import { nativeStatuses, purgedRunFacts, type RunFacts, toAppsRun, toAppsSteps } from "../../../src/dialects/apps/mappers";
import { AppsRun } from "../../../src/dialects/apps/schemas";
import type { StepDefinition } from "../../../src/domain/definition";
import { RUN_FIELDS, SEED_RUN_RESPONSE } from "../../support/dialects/apps";

/** docs/dialects/apps.md#the-run-object: the run object and its steps. */

const owner = { app_id: "app-owner", id: "wf-1", name: "Summarise", description: "Summarises a page" };
const version = {
  version: 3,
  created_at: "2026-11-20T10:00:00.000Z",
  input_schema: { type: "object" },
  steps: [{ id: "a", type: "transform", config: { value: 1 } }],
};

function runFacts(overrides: Partial<RunFacts> = {}): RunFacts {
  return {
    id: "run-1",
    workflow_id: "wf-1",
    version: 3,
    status: "completed",
    input: { url: "https://example.com" },
    output: { summary: "short" },
    error: null,
    started_at: "2026-11-22T10:00:00.000Z",
    ended_at: "2026-11-22T10:00:01.000Z",
    created_at: "2026-11-22T10:00:00.000Z",
    updated_at: "2026-11-22T10:00:01.000Z",
    steps: [
      { id: "a", attempts: 2 },
      { id: "b", attempts: 0 },
    ],
    usage: { steps_executed: 2 },
    retention: { max_age_seconds: 3600, preserve_on_failure: true, due_at: "2026-11-22T11:00:01.000Z" },
    ...overrides,
  };
}

describe("the run object", () => {
  it("parses the seed's own response example", () => {
    const parsed = AppsRun.safeParse(JSON.parse(SEED_RUN_RESPONSE));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("has exactly the seed's fields, the output as result, nulls where Stepline has no value", () => {
    const run = toAppsRun(runFacts(), "app-owner", owner, version);
    expect(Object.keys(run).sort()).toEqual(RUN_FIELDS);
    expect(AppsRun.safeParse(run).success).toBe(true);
    expect(run).toMatchObject({
      status: "COMPLETED",
      origin: "WORKFLOW",
      app_id: "app-owner",
      workflow_app_id: "app-owner",
      result: { summary: "short" },
      output: { summary: "short" },
      version: 3,
      collection_id: null,
      record_id: null,
      workflow_version_draft: null,
      retention: { max_age_in_seconds: 3600, preserve_on_failure: true },
      retention_due_at: "2026-11-22T11:00:01.000Z",
      usage: { total: 2, calls: [], steps: { a: 2 } },
    });
    expect(run.workflow_version).toMatchObject({
      id: "wf-1:v3",
      app_id: "app-owner",
      workflow_id: "wf-1",
      description: "Summarises a page",
      key: "Summarise",
      version: 3,
      created_at: "2026-11-20T10:00:00.000Z",
      input: { type: "object" },
      input_default: null,
      rollback_version: null,
      notes: null,
      created_by: null,
      input_options: null,
    });
  });

  it("names a discovered run DISCOVER, in the caller's app, with the owner as workflow_app_id", () => {
    const run = toAppsRun(runFacts({ status: "failed", output: null, error: { message: "no luck" } }), "app-caller", owner, version);
    expect(run).toMatchObject({
      origin: "DISCOVER",
      app_id: "app-caller",
      workflow_app_id: "app-owner",
      status: "FAILED",
      error: "no luck",
    });
    expect(run.result).toBeNull();
  });

  it("shows a purged run from its index row with what was purged as null", () => {
    const facts = purgedRunFacts({
      id: "run-9",
      workflow_id: "wf-1",
      version: 3,
      status: "failed",
      error_code: "STEP_FAILED",
      created_at: "2026-11-22T10:00:00.000Z",
      started_at: "2026-11-22T10:00:00.000Z",
      ended_at: "2026-11-22T10:00:01.000Z",
      updated_at: "2026-11-22T10:00:01.000Z",
    });
    const run = toAppsRun(facts, "app-owner", owner, version);
    expect(AppsRun.safeParse(run).success).toBe(true);
    expect(run).toMatchObject({ input: null, output: null, usage: null, retention: null, retention_due_at: null, error: "STEP_FAILED" });
  });

  it("maps every native status, and RUNNING back to running and waiting", () => {
    const statuses = ["queued", "running", "waiting", "paused", "completed", "failed", "cancelled"] as const;
    expect(statuses.map((status) => toAppsRun(runFacts({ status }), "app-owner", owner, version).status)).toEqual([
      "PENDING",
      "RUNNING",
      "RUNNING",
      "PAUSED",
      "COMPLETED",
      "FAILED",
      "CANCELLED",
    ]);
    expect(nativeStatuses("RUNNING")).toEqual(["running", "waiting"]);
    expect(nativeStatuses("PENDING")).toEqual(["queued"]);
  });
});

describe("steps", () => {
  const steps: StepDefinition[] = [
    { id: "start", type: "transform", config: { value: "{{ input }}" }, meta: { position: [10, 20], size: { width: 300, height: 120 } } },
    {
      id: "check",
      type: "transform",
      if: "{{ input.enabled }}",
      on_error: "continue",
      config: { value: 1 },
      meta: { display: "expanded" },
    },
    { id: "each", type: "transform", depends_on: ["start"], for_each: "{{ input.items }}", config: { value: "{{ item }}" } },
    { id: "join", type: "transform", depends_on: ["check", "each"], if: true, for_each: [1, 2], config: { value: "{{ prev }}" } },
    { id: "memo", type: "note", depends_on: [], config: { text: "read me" }, meta: { position: { x: 5, y: 6 }, auto: { model: "m" } } },
  ];

  it("shows id, if, for_each, on_error and meta as key, conditional, loop, throw_on_error and the canvas fields", () => {
    const [start, check, each, join, memo] = toAppsSteps(steps);
    expect(start).toEqual({
      value: "{{ input }}",
      type: "transform",
      key: "start",
      display: null,
      conditional: null,
      loop: null,
      throw_on_error: true,
      input_connected: false,
      destinations: ["check", "each"],
      position: [10, 20],
      size: [300, 120],
      auto: null,
      note: null,
    });
    expect(check).toMatchObject({ key: "check", conditional: "{{ input.enabled }}", throw_on_error: false, display: "expanded" });
    expect(check).toMatchObject({ input_connected: true, destinations: ["join"] });
    expect(each).toMatchObject({ loop: "{{ input.items }}", destinations: ["join"], value: "{{ item }}" });
    expect(join).toMatchObject({ conditional: "true", loop: "[1,2]", destinations: [], input_connected: true });
    expect(memo).toMatchObject({ type: "note", note: "read me", text: "read me", position: [5, 6], auto: { model: "m" } });
    expect(memo).toMatchObject({ input_connected: false, destinations: [] });
  });

  it("never lets a config field hide one of the platform's fields", () => {
    const [step] = toAppsSteps([{ id: "a", type: "transform", config: { key: "mine", type: "other", value: 1 } }]);
    expect(step).toMatchObject({ key: "a", type: "transform", value: 1 });
  });
});
