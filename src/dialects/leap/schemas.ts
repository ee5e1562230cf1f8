import { z } from "@hono/zod-openapi";

/**
 * Leap's shapes: the start request and the run object (docs/dialects/leap.md#the-run-object).
 */

export const LeapStatus = z.enum(["completed", "running", "failed"]);

export const LeapRun = z
  .object({
    id: z.string().openapi({ description: "Unique ID of the workflow run" }),
    version_id: z.string().openapi({ description: "Version of the workflow being run" }),
    status: LeapStatus.openapi({ description: "Current status of the workflow" }),
    created_at: z.string().openapi({ description: "Date and time when the workflow was initiated" }),
    started_at: z.string().nullable().openapi({ description: "Date and time when the workflow actually started, if applicable" }),
    ended_at: z.string().nullable().openapi({ description: "Date and time when the workflow ended, if applicable" }),
    workflow_id: z.string().openapi({ description: "ID of the workflow" }),
    error: z.string().nullable().openapi({ description: "Any error that occurred during the workflow, or null" }),
    input: z.record(z.string(), z.unknown()).openapi({ description: "Inputs used in the workflow" }),
    output: z.unknown().openapi({ description: "Output of the workflow, or null unless it completed" }),
  })
  .strict()
  .openapi("LeapWorkflowRun");

export type LeapRun = z.infer<typeof LeapRun>;

const RunVariables = z.record(z.string(), z.unknown());

const sendsBoth = (body: unknown): boolean => {
  const fields = (body ?? {}) as Record<string, unknown>;
  return fields.input !== undefined && fields.inputs !== undefined;
};

/**
 * Leap's prose names the run's variables `inputs`; its published SDK (`@leap-ai/workflows`,
 * `RunWorkflowDto`) sends `input`. Both are taken; a request with both is refused rather than
 * silently dropping one of them.
 */
export const StartLeapRun = z
  .object({
    workflow_id: z.string().min(1).max(100).openapi({ description: "Unique ID of the workflow you want to run", example: "123" }),
    webhook_url: z
      .string()
      .max(2048)
      .optional()
      .openapi({ description: "Optional: the URL to receive notifications of workflow completion or failure" }),
    inputs: RunVariables.optional().openapi({
      description: "Inputs you want to pass to the workflow (the name in Leap's API guide). Send `inputs` or `input`, not both.",
    }),
    input: RunVariables.optional().openapi({
      description:
        "Variables that the workflow can use globally and their values (the name Leap's SDK sends). Send `input` or `inputs`, not both.",
    }),
  })
  .refine((body) => !sendsBoth(body), {
    path: ["input"],
    message: "send the run's variables as input or as inputs, not both",
    // Checked even when another field fails, so one answer names every problem.
    when: ({ value }) => sendsBoth(value),
  })
  // `properties` repeated inside `not` only so linters see the two required names defined.
  .openapi("LeapRunRequest", { not: { properties: { input: {}, inputs: {} }, required: ["input", "inputs"] } });

export type StartLeapRun = z.infer<typeof StartLeapRun>;

/** The run's variables from whichever field carried them (the schema refuses both). */
export const runVariables = (body: StartLeapRun): Record<string, unknown> => body.input ?? body.inputs ?? {};
