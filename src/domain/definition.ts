import { z } from "@hono/zod-openapi";
import { isDuration } from "./duration";
import type { ErrorDetail } from "./errors";
import { schemaProblems } from "./json-schema";
import { Limits } from "./limits";
import { WebhookUrl } from "./webhook-url";

export const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/**
 * What a typed step consumes or yields: `text` is `{ text }`, `number` a number; `any` is
 * checked at run time, `none` yields nothing, and a step that produces `same` passes on what
 * its input produces.
 */
export type DataType = "text" | "number" | "none" | "any";

/** What definition checks need to know of one step type; the engine's step registry has it. */
export interface StepTypeFacts {
  /** Creation-time schema of the step's config; strings may still hold templates. */
  config: z.ZodType<unknown>;
  accepts?: DataType;
  produces: DataType | "same";
  waits?: boolean;
}

/**
 * The step-aware checks a definition is validated with, passed in so this module stays below
 * the engine that knows the step types and the expression language (engine/steps/checks.ts).
 */
export interface StepChecks {
  stepType(type: string): StepTypeFacts | undefined;
  stepTypeNames(): string[];
  /** The problems of every template in `value`, with paths under `path`. */
  templateErrors(value: unknown, path: string): ErrorDetail[];
}

const Duration = z
  .union([z.number().int().nonnegative(), z.string().refine(isDuration, 'expected a duration such as "10s", "5m" or "2h"')])
  .openapi({ example: "10s" });

const JsonSchema = z.record(z.string(), z.unknown()).openapi({ description: "A JSON Schema (2020-12)" });

export const RetryPolicy = z
  .object({
    max_attempts: z.number().int().min(1).max(100).optional(),
    backoff: z.enum(["constant", "linear", "exponential"]).optional(),
    delay: Duration.optional(),
    max_delay: Duration.optional(),
    on_status: z.array(z.number().int().min(400).max(499)).optional().openapi({
      description: "4xx statuses to retry; by default only 408 and 429 are",
    }),
  })
  .strict();

export const StepDefinition = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string().max(255).optional(),
    description: z.string().max(10_000).optional(),
    depends_on: z.array(z.string()).max(Limits.stepsPerWorkflow).optional(),
    if: z.union([z.string(), z.boolean()]).optional(),
    for_each: z.union([z.string(), z.array(z.unknown())]).optional(),
    max_concurrency: z.number().int().min(1).max(Limits.forEachConcurrencyMax).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    retry: RetryPolicy.optional(),
    timeout: Duration.optional(),
    on_error: z.enum(["fail", "continue"]).optional(),
    fallback: z
      .object({ type: z.string(), config: z.record(z.string(), z.unknown()).optional() })
      .strict()
      .optional(),
    output_schema: JsonSchema.optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .openapi("Step");

export type StepDefinition = z.infer<typeof StepDefinition>;

export const Retention = z
  .object({
    max_age_seconds: z.number().int().min(1).max(Limits.retentionMaxSeconds),
    preserve_on_failure: z.boolean().optional(),
  })
  .strict()
  .openapi("Retention");

export const Concurrency = z
  .object({
    limit: z.number().int().min(1).max(10_000),
    key: z.string().max(1000).optional().openapi({ description: "A template; runs with the same key share the limit" }),
  })
  .strict();

export const RateLimit = z.object({ limit: z.number().int().min(1).max(1_000_000), period: Duration }).strict();

/** The part of a workflow that is versioned: changing any of it makes a new version. */
export const VersionedFields = {
  steps: z.array(StepDefinition).min(1).max(Limits.stepsPerWorkflow),
  input_schema: JsonSchema.optional(),
  input_default: z.record(z.string(), z.unknown()).optional(),
  output: z.unknown().optional().openapi({ description: "A template; default: the last step's output" }),
  output_schema: JsonSchema.optional(),
};

export const MetadataFields = {
  name: z.string().min(1).max(255),
  description: z.string().max(10_000).optional(),
  webhook_url: WebhookUrl.optional(),
  retention: Retention.optional(),
  concurrency: Concurrency.optional(),
  rate_limit: RateLimit.optional(),
  discoverable: z.boolean().optional(),
};

export const WorkflowDefinition = z
  .object({ ...MetadataFields, ...VersionedFields })
  .strict()
  .openapi("WorkflowDefinition");

export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;

export const VersionDefinition = z.object(VersionedFields).strict().openapi("VersionDefinition");
export type VersionDefinition = z.infer<typeof VersionDefinition>;

/** Path of a zod issue in the `steps[2].config.url` form users read in errors. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out || "(body)";
}

export function zodDetails(error: z.ZodError, prefix = ""): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

type Step = Partial<StepDefinition> & Record<string, unknown>;

/** The ids a step waits for: `depends_on`, or the previous step in the list when omitted. */
export function dependenciesOf(steps: ReadonlyArray<{ id: string; depends_on?: string[] }>, index: number): string[] {
  const step = steps[index];
  if (step.depends_on) return step.depends_on;
  return index === 0 ? [] : [steps[index - 1].id];
}

/**
 * Every semantic problem with the versioned part of a definition: the checks zod cannot make
 * alone (ids, types, configs, edges, cycles, expressions, schemas, typed connections). Runs on
 * whatever structure is present so one answer lists every mistake.
 */
export function definitionProblems(body: Record<string, unknown>, checks: StepChecks): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const rawSteps = Array.isArray(body.steps) ? body.steps : [];
  const steps: Step[] = rawSteps.filter((s): s is Step => !!s && typeof s === "object" && !Array.isArray(s));
  if (steps.length !== rawSteps.length) return problems; // zod names the malformed entries

  const ids = new Map<string, number>();
  steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    if (typeof step.id !== "string") return;
    if (!STEP_ID.test(step.id)) {
      problems.push({ path: `${path}.id`, message: `"${step.id.slice(0, 80)}" must match ${STEP_ID.source}` });
    }
    if (ids.has(step.id)) {
      problems.push({ path: `${path}.id`, message: `"${step.id}" is already the id of steps[${ids.get(step.id)}]` });
    } else ids.set(step.id, i);
  });

  const normalized = steps.map((s) => ({
    id: String(s.id),
    depends_on: Array.isArray(s.depends_on) ? s.depends_on.filter((d): d is string => typeof d === "string") : undefined,
  }));

  steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    problems.push(...configProblems(checks, step.type, step.config, path));
    if (step.fallback && typeof step.fallback === "object") {
      const fallback = step.fallback as { type?: unknown; config?: unknown };
      problems.push(...configProblems(checks, fallback.type, fallback.config, `${path}.fallback`));
    }
    // Zod has already reported a depends_on that is not an array; only an array can be checked here.
    const dependsOn: unknown[] = Array.isArray(step.depends_on) ? step.depends_on : [];
    dependsOn.forEach((dep, j) => {
      if (typeof dep !== "string") return;
      if (!ids.has(dep)) problems.push({ path: `${path}.depends_on[${j}]`, message: `no step has the id "${dep}"` });
      else if (dep === step.id) problems.push({ path: `${path}.depends_on[${j}]`, message: "a step cannot depend on itself" });
    });
    if (new Set(dependsOn).size !== dependsOn.length) {
      problems.push({ path: `${path}.depends_on`, message: "lists a step more than once" });
    }
    for (const key of ["if", "for_each"] as const) {
      if (typeof step[key] === "string") problems.push(...checks.templateErrors(step[key], `${path}.${key}`));
    }
    if (step.output_schema !== undefined) problems.push(...schemaProblems(step.output_schema, `${path}.output_schema`));
  });

  const cycle = findCycle(normalized, ids);
  if (cycle) problems.push({ path: "steps", message: `the steps form a cycle: ${cycle.join(" -> ")}` });

  problems.push(...typeProblems(checks, steps, normalized, ids));
  problems.push(...waitProblems(checks, steps));

  if (body.output !== undefined) problems.push(...checks.templateErrors(body.output, "output"));
  if (body.input_schema !== undefined) problems.push(...schemaProblems(body.input_schema, "input_schema"));
  if (body.output_schema !== undefined) problems.push(...schemaProblems(body.output_schema, "output_schema"));
  return problems;
}

function configProblems(checks: StepChecks, type: unknown, config: unknown, path: string): ErrorDetail[] {
  if (typeof type !== "string") return [];
  const definition = checks.stepType(type);
  if (!definition) {
    return [
      { path: `${path}.type`, message: `unknown step type "${type.slice(0, 80)}"; known types: ${checks.stepTypeNames().join(", ")}` },
    ];
  }
  const problems: ErrorDetail[] = [];
  const parsed = definition.config.safeParse(config ?? {});
  if (!parsed.success) problems.push(...zodDetails(parsed.error, `${path}.config`));
  problems.push(...checks.templateErrors(config, `${path}.config`));
  return problems;
}

/** Depth-first search for a cycle; returns the ids along it, first id repeated at the end. */
function findCycle(steps: Array<{ id: string; depends_on?: string[] }>, ids: Map<string, number>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (index: number): string[] | null => {
    const id = steps[index].id;
    state.set(id, "visiting");
    stack.push(id);
    for (const dep of dependenciesOf(steps, index)) {
      const depIndex = ids.get(dep);
      if (depIndex === undefined) continue;
      const depState = state.get(dep);
      if (depState === "visiting") return [...stack.slice(stack.indexOf(dep)), dep].reverse();
      if (!depState) {
        const found = visit(depIndex);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, "done");
    return null;
  };
  for (let i = 0; i < steps.length; i++) {
    if (!state.has(steps[i].id)) {
      const found = visit(i);
      if (found) return found;
    }
  }
  return null;
}

/** A typed step must be wired to a producer of what it accepts (untyped producers are checked at run time). */
function typeProblems(
  checks: StepChecks,
  steps: Step[],
  normalized: Array<{ id: string; depends_on?: string[] }>,
  ids: Map<string, number>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const produced = producedTypes(checks, steps, normalized, ids);
  steps.forEach((step, i) => {
    const accepts = typeof step.type === "string" ? checks.stepType(step.type)?.accepts : undefined;
    if (!accepts || accepts === "any") return;
    const deps = dependenciesOf(normalized, i);
    if (deps.length > 1) {
      problems.push({
        path: `steps[${i}].depends_on`,
        message: `${step.type} accepts one ${accepts} input but depends on ${deps.length} steps`,
      });
    }
    for (const dep of deps) {
      const j = ids.get(dep);
      if (j === undefined) continue;
      const produces = produced(j);
      if (produces && produces !== "any" && produces !== accepts) {
        problems.push({
          path: `steps[${i}]`,
          message: `${step.type} accepts ${accepts} but its input "${dep}" (steps[${j}], ${String(steps[j].type)}) produces ${produces}`,
        });
      }
    }
  });
  return problems;
}

/**
 * The type each step yields, by index: a pass-through step (Echo) yields what its single
 * input yields, so a mismatch two steps away is still caught at creation.
 */
function producedTypes(
  checks: StepChecks,
  steps: Step[],
  normalized: Array<{ id: string; depends_on?: string[] }>,
  ids: Map<string, number>,
) {
  const known = new Map<number, DataType | undefined>();
  const produced = (index: number): DataType | undefined => {
    if (known.has(index)) return known.get(index);
    known.set(index, "any"); // a cycle (reported on its own) resolves to "checked at run time"
    const type = steps[index]?.type;
    const produces = typeof type === "string" ? checks.stepType(type)?.produces : undefined;
    let result: DataType | undefined = produces === "same" ? "any" : produces;
    if (produces === "same") {
      const deps = dependenciesOf(normalized, index);
      const dep = deps.length === 1 ? ids.get(deps[0]) : undefined;
      if (dep !== undefined) result = produced(dep);
    }
    known.set(index, result);
    return result;
  };
  return produced;
}

function waitProblems(checks: StepChecks, steps: Step[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  steps.forEach((step, i) => {
    const waits = typeof step.type === "string" && checks.stepType(step.type)?.waits;
    if (waits && step.for_each !== undefined) {
      problems.push({ path: `steps[${i}].for_each`, message: `${step.type} waits, so it cannot run for_each` });
    }
  });
  return problems;
}
