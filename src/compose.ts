import { dialectWebhook } from "./dialects";
import { RunObject } from "./engine/run-object";

/**
 * The run object as this Worker deploys it: the engine's object with the dialects' webhook
 * formats, which only the composition root may know (docs/layers.md). src/index.ts loads it
 * with the first run object of an isolate.
 */
export class StepRunObject extends RunObject {
  protected dialectWebhook(surface: string) {
    return dialectWebhook(surface);
  }
}
