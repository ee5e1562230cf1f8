import { z } from "zod";
import { templated } from "./config";
import { StepError, type StepType } from "./types";

type ChildConfig = { workflow_id: string; version?: number | string; input?: unknown };

/** Runs another workflow as a child run and waits for it; its output is the child's output. */
export const workflow: StepType<ChildConfig> = {
  type: "workflow",
  config: z
    .object({
      workflow_id: z.string().min(1),
      version: templated(z.number().int().positive()).optional(),
      input: z.unknown().optional(),
    })
    .strict(),
  produces: "any",
  waits: true,
  execute: async (config) => {
    const version = config.version === undefined ? null : Number(config.version);
    if (version !== null && !Number.isInteger(version)) {
      throw new StepError("INVALID_CONFIG", `version "${config.version}" is not a version number`, false);
    }
    return { kind: "child", workflowId: config.workflow_id, version, input: config.input ?? {} };
  },
};
