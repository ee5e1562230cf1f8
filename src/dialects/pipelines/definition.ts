import { STEP_ID, type StepDefinition, type WorkflowDefinition } from "../../domain/definition";
import { integrationConfig, type ProviderConfig, providerName, providerProblems } from "./providers";
import type { CreateWorkflow, FieldMapping, ValidationError, WorkflowStepDefinition } from "./schemas";
import { type Loc, valueError } from "./validation";

/**
 * A pipelines DAG as a native workflow: one `integration` step per task, its request the
 * task's `config` plus its `input_mappings`, `max_retries + 1` attempts, then the fallback
 * provider once. The task as the client wrote it is kept in the step's `meta.pipelines`,
 * which is what the pipelines views show.
 */

export const DEFAULT_MAX_RETRIES = 3;

/** What a pipelines client sees of a step; stored in the native step's `meta.pipelines`. */
export interface PipelinesTask {
  step_id: string;
  task_type: string;
  config: Record<string, unknown>;
  /** The provider config the task runs with: its own, or the one from PIPELINES_TASK_<TYPE>. */
  provider_config: Record<string, unknown>;
  active_provider_capabilities: string[] | null;
  fallback_provider_type: string | null;
  fallback_provider_config: Record<string, unknown> | null;
  fallback_provider_capabilities: string[] | null;
  /** Declared dependencies, then the steps its mappings read from. */
  dependencies: string[];
  input_mappings: Array<FieldMapping & { transform: string | null }>;
  max_retries: number;
}

/** The profile variable holding the provider config of a task type without one. */
export const taskVariable = (taskType: string) => `PIPELINES_TASK_${taskType.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}`;

/** Variables to read: those of task types some step gives no provider_config for. */
export const variablesNeeded = (steps: WorkflowStepDefinition[]): string[] => [
  ...new Set(steps.filter((s) => !s.provider_config).map((s) => taskVariable(s.task_type))),
];

/** Step ids as native ids: the same where they are valid and unique, `step_<n>` otherwise. */
function nativeIds(steps: WorkflowStepDefinition[]): Map<string, string> {
  const taken = new Set(steps.map((s) => s.id).filter((id) => STEP_ID.test(id)));
  const ids = new Map<string, string>();
  steps.forEach((step, i) => {
    if (ids.has(step.id)) return;
    if (STEP_ID.test(step.id)) ids.set(step.id, step.id);
    else {
      let id = `step_${i}`;
      while (taken.has(id)) id = `_${id}`;
      taken.add(id);
      ids.set(step.id, id);
    }
  });
  return ids;
}

/**
 * Pipelines configs are static, while native config strings may hold `{{ expressions }}`:
 * every `{{` in a config string becomes an expression that yields `{{`, so it is sent as written.
 */
export function literal(value: unknown): unknown {
  if (typeof value === "string") return value.includes("{{") ? value.split("{{").join('{{ "{{" }}') : value;
  if (Array.isArray(value)) return value.map(literal);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literal(v)]));
  return value;
}

/** The value of a mapped input: the field of the source step's result, or a clear failure when it has none. */
export function mappedValue(sourceNativeId: string, mapping: FieldMapping): string {
  const missing = JSON.stringify(`step "${mapping.from_step}" has no result field "${mapping.from_field}"`);
  return `{{ ($v := $lookup(steps.\`${sourceNativeId}\`.output, ${JSON.stringify(mapping.from_field)}); $exists($v) ? $v : $error(${missing})) }}`;
}

interface Edge {
  to: number;
  loc: Loc;
}

/** Ids, dependencies, mappings and cycles: every problem, each at its `loc`. */
function dagProblems(steps: WorkflowStepDefinition[]): { problems: ValidationError[]; edges: Edge[][] } {
  const problems: ValidationError[] = [];
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    if (index.has(step.id))
      problems.push(valueError(["body", "steps", i, "id"], `duplicate step id "${step.id}" (also steps[${index.get(step.id)}])`));
    else index.set(step.id, i);
  });
  const edges: Edge[][] = steps.map((step, i) => {
    const out: Edge[] = [];
    const add = (id: string, loc: Loc, what: string) => {
      const to = index.get(id);
      if (to === undefined) problems.push(valueError(loc, `${what} "${id}" is not a step of this workflow`));
      else if (to === i) problems.push(valueError(loc, `step "${step.id}" cannot depend on itself`));
      else if (!out.some((e) => e.to === to)) out.push({ to, loc });
    };
    (step.depends_on ?? []).forEach((id, j) => {
      add(id, ["body", "steps", i, "depends_on", j], "unknown dependency:");
    });
    (step.input_mappings ?? []).forEach((m, j) => {
      add(m.from_step, ["body", "steps", i, "input_mappings", j, "from_step"], "input mapping from an unknown step:");
      if (m.transform !== undefined && m.transform !== null) {
        problems.push(
          valueError(["body", "steps", i, "input_mappings", j, "transform"], "transforms are not supported; map the field as it is"),
        );
      }
    });
    return out;
  });
  const cycle = findCycle(steps, edges);
  if (cycle) problems.push(valueError(cycle.loc, `the steps form a cycle: ${cycle.path.join(" -> ")}`));
  return { problems, edges };
}

/** A depth-first search; the cycle is reported at the edge that closes it. */
function findCycle(steps: WorkflowStepDefinition[], edges: Edge[][]): { loc: Loc; path: string[] } | null {
  const state: Array<"visiting" | "done" | undefined> = [];
  const stack: number[] = [];
  const visit = (i: number): { loc: Loc; path: string[] } | null => {
    state[i] = "visiting";
    stack.push(i);
    for (const edge of edges[i]) {
      if (state[edge.to] === "visiting") {
        const path = [...stack.slice(stack.indexOf(edge.to)), edge.to].map((n) => steps[n].id);
        return { loc: edge.loc, path: path.reverse() };
      }
      if (!state[edge.to]) {
        const found = visit(edge.to);
        if (found) return found;
      }
    }
    stack.pop();
    state[i] = "done";
    return null;
  };
  for (let i = 0; i < steps.length; i++) {
    const found = state[i] ? null : visit(i);
    if (found) return found;
  }
  return null;
}

/** The step's provider config: its own, else the profile variable of its task type. */
function primaryProvider(
  step: WorkflowStepDefinition,
  i: number,
  vars: Record<string, string>,
): { config: ProviderConfig | null; problems: ValidationError[] } {
  const loc: Loc = ["body", "steps", i, "provider_config"];
  if (step.provider_config) {
    const config = step.provider_config as ProviderConfig;
    return { config, problems: providerProblems(config, loc, [...loc, "provider_type"]) };
  }
  const variable = taskVariable(step.task_type);
  const raw = vars[variable];
  if (raw === undefined) {
    return {
      config: null,
      problems: [
        valueError(loc, `no provider for task type ${step.task_type}: send provider_config, or set the profile variable ${variable}`),
      ],
    };
  }
  let config: unknown;
  try {
    config = JSON.parse(raw);
  } catch {
    config = null;
  }
  if (!config || typeof config !== "object" || Array.isArray(config)) {
    return { config: null, problems: [valueError(loc, `the profile variable ${variable} is not a JSON object`)] };
  }
  const problems = providerProblems(config as Record<string, unknown>, loc, loc).map((p) => ({
    ...p,
    msg: `${p.msg} (in the profile variable ${variable})`,
  }));
  return { config: config as ProviderConfig, problems };
}

function fallbackProvider(step: WorkflowStepDefinition, i: number): { config: ProviderConfig | null; problems: ValidationError[] } {
  const typeLoc: Loc = ["body", "steps", i, "fallback_provider_type"];
  if (!step.fallback_provider_type) {
    const problems = step.fallback_provider_config ? [valueError(typeLoc, "is required with fallback_provider_config")] : [];
    return { config: null, problems };
  }
  const config = { ...(step.fallback_provider_config ?? {}), provider_type: step.fallback_provider_type };
  return { config, problems: providerProblems(config, ["body", "steps", i, "fallback_provider_config"], typeLoc) };
}

/**
 * The native workflow for a pipelines definition, or every problem with it. `vars` holds the
 * PIPELINES_TASK_<TYPE> variables of the task types that give no provider_config.
 */
export function nativeWorkflow(
  body: CreateWorkflow,
  vars: Record<string, string>,
): { workflow: WorkflowDefinition; problems: [] } | { workflow: null; problems: ValidationError[] } {
  const { problems, edges } = dagProblems(body.steps);
  const ids = nativeIds(body.steps);
  const steps: StepDefinition[] = body.steps.map((step, i) => {
    const primary = primaryProvider(step, i, vars);
    const fallback = fallbackProvider(step, i);
    problems.push(...primary.problems, ...fallback.problems);
    const mappings = (step.input_mappings ?? []).map((m) => ({ ...m, transform: m.transform ?? null }));
    const request: Record<string, unknown> = literal(step.config) as Record<string, unknown>;
    for (const mapping of mappings) {
      const source = ids.get(mapping.from_step);
      if (source) request[mapping.to_field] = mappedValue(source, mapping);
    }
    const dependencies = edges[i].map((e) => body.steps[e.to].id);
    const maxRetries = step.max_retries ?? DEFAULT_MAX_RETRIES;
    const task: PipelinesTask = {
      step_id: step.id,
      task_type: step.task_type,
      config: step.config,
      provider_config: primary.config ? { ...primary.config, provider_type: providerName(primary.config) } : {},
      active_provider_capabilities: step.active_provider_capabilities ?? null,
      fallback_provider_type: fallback.config ? providerName(fallback.config) : null,
      fallback_provider_config: step.fallback_provider_config ?? null,
      fallback_provider_capabilities: step.fallback_provider_capabilities ?? null,
      dependencies,
      input_mappings: mappings,
      max_retries: maxRetries,
    };
    return {
      id: ids.get(step.id) as string,
      type: "integration",
      name: `${step.task_type} ${step.id}`.slice(0, 255),
      depends_on: dependencies.map((id) => ids.get(id) as string),
      config: primary.config && primary.problems.length === 0 ? integrationConfig(primary.config, request) : {},
      retry: { max_attempts: maxRetries + 1 },
      ...(fallback.config && fallback.problems.length === 0
        ? { fallback: { type: "integration", config: integrationConfig(fallback.config, request) } }
        : {}),
      meta: { pipelines: task },
    };
  });
  if (problems.length > 0) return { workflow: null, problems };
  return {
    workflow: { name: body.name, ...(body.description ? { description: body.description } : {}), steps },
    problems: [],
  };
}
