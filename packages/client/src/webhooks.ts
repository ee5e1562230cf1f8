import { Webhook } from "standardwebhooks";
import { SteplineError } from "./errors.js";
import type { WebhookEvent } from "./types.js";

/** Request headers as fetch (`Headers`) or Node (`IncomingHttpHeaders`) hand them over. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

const NAMES = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

function signatureHeaders(headers: WebhookHeaders): Record<string, string> {
  const read = (name: string): string => {
    if (headers instanceof Headers) return headers.get(name) ?? "";
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return Array.isArray(value) ? value.join(" ") : (value ?? "");
  };
  return Object.fromEntries(NAMES.map((name) => [name, read(name)]));
}

/**
 * Checks a webhook delivery's Standard Webhooks signature (any of the signatures in the header,
 * so it holds across a secret rotation) and its timestamp (5 minutes of tolerance), and answers
 * the parsed body. `body` must be the raw text received, before any JSON parsing.
 *
 * @example
 *   const event = verifyWebhook(await request.text(), request.headers, "whsec_...");
 *   if (event.type === "run.completed") console.log(event.data.output);
 */
export function verifyWebhook<T = WebhookEvent>(body: string, headers: WebhookHeaders, secret: string): T {
  try {
    return new Webhook(secret).verify(body, signatureHeaders(headers)) as T;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SteplineError("INVALID_WEBHOOK", `The webhook is not authentic: ${message}`, { cause: error });
  }
}
