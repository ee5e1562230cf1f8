import { callbackOutcome } from "../http";
import { StepError } from "../types";
import { type Provider, recordJob } from "./types";

/**
 * Astria: `tunes.create` (POST /tunes, callback in tune[callback]) and `prompts.create`
 * (POST /tunes/{tune_id}/prompts, callback in prompt[callback]); the step waits for Astria's
 * callback, whose body is the output.
 */
export const astria: Provider = {
  credential: "ASTRIA_API_KEY",
  baseUrl: "https://api.astria.ai",
  operations: ["tunes.create", "prompts.create"],
  authHeader: (key) => ({ authorization: `Bearer ${key}` }),
  async run(call, base, send, ctx) {
    const prompts = call.operation === "prompts.create";
    if (prompts && !call.pathParams.tune_id) throw new StepError("INVALID_CONFIG", "prompts.create needs pathParams.tune_id", false);
    const url = prompts ? `${base}/tunes/${call.pathParams.tune_id}/prompts` : `${base}/tunes`;
    return callbackOutcome(
      { method: "POST", url, body: call.body },
      { field: prompts ? "prompt.callback" : "tune.callback" },
      ctx,
      async (request) => {
        recordJob(ctx, await send(request as Parameters<typeof send>[0]));
      },
    );
  },
};
