import { callbackOutcome } from "../http";
import { output, StepError } from "../types";
import { pollUntil } from "./poll";
import { type Provider, recordJob } from "./types";

/** The body fal POSTs to a webhook: the result is in `payload`, or the failure in `error`. */
interface Envelope {
  request_id?: string;
  status: string;
  payload?: unknown;
  error?: unknown;
}

const isEnvelope = (body: unknown): body is Envelope =>
  !!body && typeof body === "object" && typeof (body as Envelope).status === "string" && ("payload" in body || "error" in body);

interface Submitted {
  request_id: string;
  status_url?: string;
  response_url?: string;
}

/**
 * fal's queue API: submit with POST /{app_id}, poll the status URL until COMPLETED, then read
 * the result from the response URL. With wait "callback" fal's `fal_webhook` query parameter is
 * Stepline's callback URL and the result arrives there, in fal's envelope, which is unwrapped. The app id comes from pathParams.app_id
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
        recordJob(ctx, await send(request as Parameters<typeof send>[0]), "request_id");
      });
    }
    const submitted = (await send({ method: "POST", url, body: call.body })) as Submitted;
    recordJob(ctx, submitted, "request_id");
    const requestUrl = `${base}/${appId}/requests/${submitted.request_id}`;
    await pollUntil(ctx, call.pollIntervalMs, async () => {
      const status = (await send({ method: "GET", url: submitted.status_url ?? `${requestUrl}/status` })) as { status: string };
      if (status.status === "ERROR" || status.status === "FAILED")
        throw new StepError("PROVIDER_FAILED", `fal request ${submitted.request_id} failed`);
      return status.status === "COMPLETED" ? true : undefined;
    });
    return output(await send({ method: "GET", url: submitted.response_url ?? requestUrl }));
  },
  callbackResult(body) {
    if (!isEnvelope(body)) return body;
    if (body.status === "OK") return body.payload ?? null;
    const reason = typeof body.error === "string" ? body.error : JSON.stringify(body.error ?? body.payload ?? null);
    throw new StepError("PROVIDER_FAILED", `fal request ${body.request_id ?? ""} ended ${body.status}: ${reason}`, true, {
      payload: body.payload ?? null,
    });
  },
};
