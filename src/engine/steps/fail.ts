import { z } from "zod";
import { StepError, type StepType } from "./types";

/** Fails the run on purpose (after an `if`), with a message of the workflow's choosing. */
export const fail: StepType<{ message?: unknown; code?: string }> = {
  type: "fail",
  config: z
    .object({
      message: z.unknown().optional(),
      code: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{0,63}$/)
        .optional(),
    })
    .strict(),
  pure: true,
  produces: "none",
  execute: async (config) => {
    const message = typeof config.message === "string" ? config.message : JSON.stringify(config.message ?? "failed");
    throw new StepError(config.code ?? "STEP_FAILED", message, false);
  },
};
