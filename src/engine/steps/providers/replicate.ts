import { callbackOutcome, setPath } from "../http";
import { output, StepError } from "../types";
import { pollUntil } from "./poll";
import { type Provider, recordJob } from "./types";

interface Prediction {
  id: string;
  status: "starting" | "processing" | "succeeded" | "failed" | "canceled";
  error?: unknown;
  urls?: { get?: string };
}

/** A prediction that ended badly fails the step; a transient-looking one may be retried. */
export function predictionResult(prediction: Prediction): Prediction {
  if (prediction.status === "failed" || prediction.status === "canceled") {
    throw new StepError(
      "PROVIDER_FAILED",
      `replicate prediction ${prediction.id} ${prediction.status}: ${JSON.stringify(prediction.error ?? null)}`,
    );
  }
  return prediction;
}

/**
 * Replicate: `predictions.create` is POST /predictions, or POST /models/{owner}/{name}/predictions
 * when pathParams name a model. With wait "callback" (the default) the body's `webhook` is
 * always Stepline's callback URL and the final prediction arrives there; with "poll" the
 * prediction's `urls.get` is polled until it ends.
 */
export const replicate: Provider = {
  credential: "REPLICATE_API_TOKEN",
  baseUrl: "https://api.replicate.com/v1",
  operations: ["predictions.create"],
  authHeader: (token) => ({ authorization: `Bearer ${token}` }),
  async run(call, base, send, ctx) {
    const { owner, name } = call.pathParams;
    const url = owner && name ? `${base}/models/${owner}/${name}/predictions` : `${base}/predictions`;
    if (call.wait !== "poll") {
      const body = setPath(call.body, "webhook_events_filter", ["completed"]);
      return callbackOutcome({ method: "POST", url, body }, { field: "webhook" }, ctx, async (request) => {
        recordJob(ctx, await send(request as Parameters<typeof send>[0]));
      });
    }
    const created = (await send({ method: "POST", url, body: call.body })) as Prediction;
    recordJob(ctx, created);
    const done = await pollUntil(ctx, call.pollIntervalMs, async () => {
      const current = (await send({ method: "GET", url: created.urls?.get ?? `${base}/predictions/${created.id}` })) as Prediction;
      return ["succeeded", "failed", "canceled"].includes(current.status) ? current : undefined;
    });
    return output(predictionResult(done));
  },
  callbackResult: (body) => (body && typeof body === "object" && "status" in body ? predictionResult(body as Prediction) : body),
};
