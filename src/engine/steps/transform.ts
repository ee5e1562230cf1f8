import { z } from "zod";
import { output, type StepType } from "./types";

/** Shapes data: the rendered `value` is the output. */
export const transform: StepType<{ value?: unknown }> = {
  type: "transform",
  config: z.object({ value: z.unknown().optional() }).strict(),
  pure: true,
  produces: "any",
  execute: async (config) => output(config.value ?? null),
};
