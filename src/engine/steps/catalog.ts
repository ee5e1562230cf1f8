import { z } from "zod";
import type { DataType } from "../../domain/definition";
import { providerOperations } from "./integration";
import { stepType, stepTypeNames } from "./registry";
import type { StepType } from "./types";

/**
 * What an editor needs to know about each registered step type: what it does, its config as
 * JSON Schema (generated from the zod schema the validator applies, so the two cannot
 * disagree), what its output looks like and, for the typed steps, the data types it takes
 * and gives.
 */
export interface StepTypeInfo {
  type: string;
  description: string;
  config_schema: Record<string, unknown>;
  output: { description: string; schema: Record<string, unknown> };
  data_types: { accepts: DataType | null; produces: DataType | "same" } | null;
  waits: boolean;
}

const ANY_OUTPUT = { description: "Whatever the step's rendered config or the called service gives", schema: {} };

const DESCRIPTIONS: Record<string, { description: string; output?: { description: string; schema: Record<string, unknown> } }> = {
  transform: { description: "Shapes data: renders its value (templates included) and outputs it." },
  http: {
    description: "Calls an HTTP endpoint; retries 5xx, 408 and 429, or waits for a callback (await_callback).",
    output: {
      description: "The response: status, headers and body (JSON parsed when the response says it is JSON)",
      schema: {
        type: "object",
        properties: { status: { type: "integer" }, headers: { type: "object" }, body: {} },
        required: ["status", "headers", "body"],
      },
    },
  },
  integration: { description: "Calls a provider's API (openai, replicate, astria, fal) with the profile's credential." },
  sleep: {
    description: "Pauses this branch for a duration, or until a time, on a durable timer.",
    output: { description: "null", schema: { type: "null" } },
  },
  wait_for_event: { description: "Waits for an event sent to the run (POST /v1/runs/{id}/events); its output is the event's data." },
  workflow: { description: "Runs another workflow as a child run and waits for it; its output is the child's output." },
  note: { description: "Documentation on the canvas; does nothing.", output: { description: "null", schema: { type: "null" } } },
  fail: {
    description: "Fails the run on purpose with a message and code (usually behind an if).",
    output: { description: "none", schema: {} },
  },
  StaticTextInput: { description: "Gives a fixed text as { text }." },
  Echo: { description: "Passes on what it receives (its dependency's output, or the run input)." },
};

const OPERATION_DESCRIPTIONS: Record<string, string> = {
  Reverse: "Reverses the incoming text, one code point at a time.",
  Uppercase: "Upper-cases the incoming text.",
  Lowercase: "Lower-cases the incoming text.",
  Trim: "Trims white space from both ends of the incoming text.",
  Length: "Counts the code points of the incoming text.",
};

const DATA_SCHEMAS: Record<DataType, { description: string; schema: Record<string, unknown> }> = {
  text: {
    description: "{ text }",
    schema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
  },
  number: { description: "a number", schema: { type: "number" } },
  none: { description: "nothing (null)", schema: { type: "null" } },
  any: ANY_OUTPUT,
};

function describe(type: string): string {
  const known = DESCRIPTIONS[type]?.description;
  if (known) return known;
  const operation = type.startsWith("TextOperation.") ? OPERATION_DESCRIPTIONS[type.slice("TextOperation.".length)] : undefined;
  if (operation) return operation;
  const operations = providerOperations(type);
  if (operations) return `Calls ${type} with the profile's credential; operations: ${operations.join(", ")}.`;
  throw new Error(`step type ${type} has no description`);
}

function outputOf(step: StepType): StepTypeInfo["output"] {
  const declared = DESCRIPTIONS[step.type]?.output;
  if (declared) return declared;
  if (step.produces === "same") return { description: "What its input gives", schema: {} };
  return DATA_SCHEMAS[step.produces];
}

/** The config's JSON Schema as a request may send it; cross-field rules stay with the validator. */
export function configJsonSchema(step: StepType): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(step.config, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return schema;
}

/** The typed steps are the ones that declare what they accept or give something other than "any". */
const isTyped = (step: StepType) => step.accepts !== undefined || (step.produces !== "any" && step.produces !== "none");

export function stepTypeInfo(step: StepType): StepTypeInfo {
  return {
    type: step.type,
    description: describe(step.type),
    config_schema: configJsonSchema(step),
    output: outputOf(step),
    data_types: isTyped(step) ? { accepts: step.accepts ?? null, produces: step.produces } : null,
    waits: step.waits ?? false,
  };
}

let cached: StepTypeInfo[] | null = null;

/** Every registered step type, in registration order; computed once per isolate. */
export function stepCatalog(): StepTypeInfo[] {
  cached ??= stepTypeNames().map((name) => stepTypeInfo(stepType(name) as StepType));
  return cached;
}
