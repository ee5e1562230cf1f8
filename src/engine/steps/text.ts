import { z } from "zod";
import { output, type StepContext, StepError, type StepType } from "./types";

/**
 * The typed text steps of the dataflow dialect. Each produces `{ text }`; the operations and
 * Echo accept `{ text }` from their dependency (or the run input when they have none), and
 * workflow creation refuses one wired to a step that produces something else.
 */

function incomingText(ctx: StepContext, type: string): string {
  const source = ctx.prev === undefined ? ctx.input : ctx.prev;
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

const operations: Record<string, (text: string) => string> = {
  Reverse: (text) => Array.from(text).reverse().join(""),
  Uppercase: (text) => text.toUpperCase(),
  Lowercase: (text) => text.toLowerCase(),
  Trim: (text) => text.trim(),
};

export const textOperations: StepType[] = Object.entries(operations).map(([name, apply]) => ({
  type: `TextOperation.${name}`,
  config: z.object({}).strict(),
  accepts: "text",
  produces: "text",
  pure: true,
  execute: async (_config, ctx) => output({ text: apply(incomingText(ctx, `TextOperation.${name}`)) }),
}));

export const echo: StepType<Record<string, never>> = {
  type: "Echo",
  config: z.object({}).strict(),
  accepts: "text",
  produces: "text",
  pure: true,
  execute: async (_config, ctx) => output({ text: incomingText(ctx, "Echo") }),
};
