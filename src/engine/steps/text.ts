import { z } from "zod";
import type { DataType } from "../../domain/definition";
import { output, type StepContext, StepError, type StepType } from "./types";

/**
 * The typed text steps of the dataflow dialect. Text travels as `{ text }`; a number as the
 * number itself. The operations accept `{ text }` from their dependency (or the run input
 * when they have none), Echo passes on whatever it gets, and workflow creation refuses a
 * step wired to a producer of another type.
 */

/** What a step consumes: its dependency's output, or the run input for a step without one. */
const incoming = (ctx: StepContext): unknown => (ctx.prev === undefined ? ctx.input : ctx.prev);

function incomingText(ctx: StepContext, type: string): string {
  const source = incoming(ctx);
  const text = (source as { text?: unknown } | null)?.text;
  if (typeof text !== "string") {
    const from = ctx.prev === undefined ? "the run input" : "its dependency";
    throw new StepError(
      "TYPE_MISMATCH",
      `${type} accepts { text: string } but ${from} gave ${JSON.stringify(source)?.slice(0, 100)}`,
      false,
    );
  }
  return text;
}

export const staticTextInput: StepType<{ text: string }> = {
  type: "StaticTextInput",
  config: z.object({ text: z.string().max(1_000_000) }).strict(),
  produces: "text",
  pure: true,
  execute: async (config) => output({ text: config.text }),
};

// Lengths and reversal count code points, so an emoji is one character, not two.
const operations: Record<string, { produces: DataType; apply: (text: string) => unknown }> = {
  Reverse: { produces: "text", apply: (text) => ({ text: Array.from(text).reverse().join("") }) },
  Uppercase: { produces: "text", apply: (text) => ({ text: text.toUpperCase() }) },
  Lowercase: { produces: "text", apply: (text) => ({ text: text.toLowerCase() }) },
  Trim: { produces: "text", apply: (text) => ({ text: text.trim() }) },
  Length: { produces: "number", apply: (text) => Array.from(text).length },
};

export const textOperations: StepType[] = Object.entries(operations).map(([name, { produces, apply }]) => ({
  type: `TextOperation.${name}`,
  config: z.object({}).strict(),
  accepts: "text",
  produces,
  pure: true,
  execute: async (_config, ctx) => output(apply(incomingText(ctx, `TextOperation.${name}`))),
}));

export const echo: StepType<Record<string, never>> = {
  type: "Echo",
  config: z.object({}).strict(),
  accepts: "any",
  produces: "same",
  pure: true,
  execute: async (_config, ctx) => output(incoming(ctx) ?? null),
};
