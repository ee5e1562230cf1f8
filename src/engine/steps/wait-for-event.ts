import { z } from "zod";
import { parseDuration } from "../../domain/duration";
import { duration } from "./config";
import type { StepType } from "./types";

const eventName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^{}]+$/, "event names are plain text, not templates");

type WaitConfig = { event?: string; any_of?: string[]; timeout?: string | number; schema?: object };

/**
 * Waits for `POST /v1/runs/{id}/events` with a matching name. Names are static so that an
 * event arriving early can be kept for the step that will wait for it.
 */
export const waitForEvent: StepType<WaitConfig> = {
  type: "wait_for_event",
  config: z
    .object({
      event: eventName.optional(),
      any_of: z.array(eventName).min(1).max(20).optional(),
      timeout: duration.optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
    })
    .strict()
    .refine((c) => (c.event === undefined) !== (c.any_of === undefined), "set exactly one of event or any_of"),
  produces: "any",
  waits: true,
  execute: async (config) => ({
    kind: "event",
    names: config.any_of ?? [config.event as string],
    timeoutMs: config.timeout === undefined ? null : parseDuration(config.timeout),
    schema: config.schema ?? null,
  }),
};

/** The event names a wait_for_event config listens for (static: checked at creation). */
export function eventNames(config: unknown): string[] {
  const c = config as WaitConfig | undefined;
  return c?.any_of ?? (c?.event ? [c.event] : []);
}
