import type { ErrorDetail } from "../../domain/errors";
import type { RunStatus, StepStatus } from "../../engine/events";
import type { RunView, runListView } from "../../engine/run-view";
import { stepType } from "../../engine/steps/registry";
import { UPPERCASE_STEP_STATUS } from "../statuses";
import type { DataflowValue, Execution, ExecutionSummary, Task } from "./schemas";

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);

// ---- definitions ------------------------------------------------------------------------

/** The id a step without one gets: its position, from 1, in the seed's `task-` style. */
export const generatedStepId = (index: number) => `task-${index + 1}`;

/** What a first step that consumes text requires of the execution input. */
export const TEXT_INPUT_SCHEMA = {
  type: "object",
  required: ["text"],
  properties: { text: { type: "string" } },
} as const;

/**
 * A Data Flow step as a native one: `{ type, id?, ...config }` becomes `{ id, type, config }`,
 * with StaticTextInput's `input` as its `text`. Malformed entries pass through untouched so
 * the definition checks can name them.
 */
function toNativeStep(step: unknown, index: number): unknown {
  if (!isObject(step)) return step;
  const { id, type, ...config } = step;
  if (type === "StaticTextInput" && "input" in config && !("text" in config)) {
    config.text = config.input;
    delete config.input;
  }
  return { id: id ?? generatedStepId(index), type, config };
}

/** The input schema: the one given, else `{ text: string }` when the first step consumes text. */
function inputSchemaFor(steps: unknown[], given: unknown): unknown {
  if (given !== undefined) return given;
  const first = steps[0];
  const type = isObject(first) && typeof first.type === "string" ? stepType(first.type) : undefined;
  return type?.accepts === "text" ? TEXT_INPUT_SCHEMA : undefined;
}

/** A Data Flow workflow request (possibly malformed) as a native workflow definition. */
export function toNativeDefinition(body: Record<string, unknown>): Record<string, unknown> {
  const steps = Array.isArray(body.steps) ? body.steps.map(toNativeStep) : body.steps;
  const inputSchema = inputSchemaFor(Array.isArray(body.steps) ? body.steps : [], body.input_schema);
  return { name: body.name, steps, ...(inputSchema === undefined ? {} : { input_schema: inputSchema }) };
}

const CONFIG_PATH = /^steps\[(\d+)\]\.config/;
const TEXT_KEY = /^\.text(?=$|[.[])/;

/**
 * A native problem's path as the client wrote the step: a step's config fields are its own
 * fields, and StaticTextInput's `text` is the seed's `input` unless the client sent `text`.
 */
export function dataflowPath(path: string, steps: unknown): string {
  const match = CONFIG_PATH.exec(path);
  if (!match) return path;
  let rest = path.slice(match[0].length);
  const step = Array.isArray(steps) ? steps[Number(match[1])] : undefined;
  if (TEXT_KEY.test(rest) && isObject(step) && !("text" in step)) rest = `.input${rest.slice(".text".length)}`;
  return `steps[${match[1]}]${rest}`;
}

export const dataflowProblems = (problems: ErrorDetail[], steps: unknown): ErrorDetail[] =>
  problems.map((problem) => ({ ...problem, path: dataflowPath(problem.path, steps) }));

// ---- executions -------------------------------------------------------------------------

const STATUS: Record<RunStatus, Execution["status"]> = {
  queued: "PENDING",
  running: "RUNNING",
  waiting: "RUNNING",
  paused: "RUNNING",
  completed: "COMPLETED",
  failed: "FAILED",
  cancelled: "CANCELLED",
};

const TASK_STATUS: Record<StepStatus, Task["status"]> = UPPERCASE_STEP_STATUS;

/** Text travels as `{ text }`; any other value (a number, an http response) is shown as `{ value }`. */
export function dataflowValue(value: unknown): DataflowValue {
  if (isObject(value) && typeof value.text === "string" && Object.keys(value).length === 1) return { text: value.text };
  return { value: value ?? null };
}

type StepView = RunView["steps"][number];

/** A step as a task: its input once it has started, its output once it has completed. */
function toTask(step: StepView): Task {
  return {
    task_id: step.id,
    type: step.type,
    status: TASK_STATUS[step.status],
    ...(step.attempts > 0 ? { input: dataflowValue(step.input) } : {}),
    ...(step.status === "completed" ? { output: dataflowValue(step.output) } : {}),
    ...(step.error ? { error: { code: step.error.code, message: step.error.message } } : {}),
  };
}

/** The execution object of a run: its status, times, output or error, and its tasks in order. */
export function toExecution(run: RunView): Execution {
  return {
    execution_id: run.id,
    workflow_id: run.workflow_id,
    status: STATUS[run.status],
    created_at: run.created_at as string,
    started_at: run.started_at,
    completed_at: run.ended_at,
    output: run.status === "completed" ? dataflowValue(run.output) : null,
    error: run.error ? { code: run.error.code, message: run.error.message, task_id: run.error.step_id } : null,
    tasks: run.steps.map(toTask),
  };
}

/** An entry of the executions list. */
export function toExecutionSummary(row: ReturnType<typeof runListView>): ExecutionSummary {
  return {
    execution_id: row.id,
    status: STATUS[row.status],
    created_at: row.created_at as string,
    started_at: row.started_at,
    completed_at: row.ended_at,
  };
}
