import { z } from "zod";
import { output, type StepType } from "./types";

/** Documentation on the canvas; does nothing and never fails. */
export const note: StepType<{ text?: unknown }> = {
  type: "note",
  config: z.object({ text: z.unknown().optional() }).strict(),
  pure: true,
  produces: "none",
  execute: async () => output(null),
};
