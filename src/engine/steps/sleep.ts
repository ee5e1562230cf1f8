import { z } from "zod";
import { parseDuration } from "../../domain/duration";
import { duration, templated } from "./config";
import { StepError, type StepType } from "./types";

type SleepConfig = { duration?: string | number; until?: string };

/** Pauses the branch on a durable timer; the run is `waiting` meanwhile. */
export const sleep: StepType<SleepConfig> = {
  type: "sleep",
  config: z
    .object({ duration: templated(duration).optional(), until: z.string().optional() })
    .strict()
    .refine((c) => (c.duration === undefined) !== (c.until === undefined), "set exactly one of duration or until"),
  produces: "any",
  waits: true,
  execute: async (config, ctx) => {
    if (config.until !== undefined) {
      const until = Date.parse(config.until);
      if (Number.isNaN(until)) throw new StepError("INVALID_CONFIG", `until "${config.until}" is not an ISO time`, false);
      return { kind: "sleep", until };
    }
    const ms = parseDuration(config.duration);
    if (ms === null) throw new StepError("INVALID_CONFIG", `duration "${config.duration}" is not a duration`, false);
    return { kind: "sleep", until: ctx.now() + ms };
  },
};
