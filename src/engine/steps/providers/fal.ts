import { callbackOutcome } from "../http";
import { output, StepError } from "../types";
import { pollUntil } from "./poll";
import type { Provider } from "./types";

interface Submitted {
  request_id: string;
  status_url?: string;
  response_url?: string;
}

/**
 * fal's queue API: submit with POST /{app_id}, poll the status URL until COMPLETED, then read
 * the result from the response URL. With wait "callback" fal's `fal_webhook` query parameter is
 * Stepline's callback URL and the result arrives there. The app id comes from pathParams.app_id
 * (or fal_app_id).
 */
export const fal: Provider = {
  credential: "FAL_KEY",
  baseUrl: "https://queue.fal.run",
  operations: ["queue.submit"],
  authHeader: (key) => ({ authorization: `Key ${key}` }),
  async run(call, base, send, ctx) {
    const appId = call.pathParams.app_id ?? call.pathParams.fal_app_id;
    if (!appId) throw new StepError("INVALID_CONFIG", "fal needs pathParams.app_id, such as fal-ai/flux/dev", false);
    const url = `${base}/${appId}`;
    if (call.wait === "callback") {
      return callbackOutcome({ method: "POST", url, body: call.body }, { query: "fal_webhook" }, ctx, async (request) => {
        await send(request as Parameters<typeof send>[0]);
      });
    }
    const submitted = (await send({ method: "POST", url, body: call.body })) as Submitted;
    const requestUrl = `${base}/${appId}/requests/${submitted.request_id}`;
    await pollUntil(ctx, call.pollIntervalMs, async () => {
      const status = (await send({ method: "GET", url: submitted.status_url ?? `${requestUrl}/status` })) as { status: string };
      if (status.status === "ERROR" || status.status === "FAILED")
        throw new StepError("PROVIDER_FAILED", `fal request ${submitted.request_id} failed`);
      return status.status === "COMPLETED" ? true : undefined;
    });
    return output(await send({ method: "GET", url: submitted.response_url ?? requestUrl }));
  },
};
