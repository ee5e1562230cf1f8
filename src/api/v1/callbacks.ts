import { z } from "@hono/zod-openapi";
import { AppError } from "../../domain/errors";
import { receiveCallback } from "../../services/callbacks";
import type { App } from "../env";
import { json, route } from "../schemas";

const callback = route(
  {
    method: "post",
    path: "/v1/callbacks/{token}",
    operationId: "completeCallback",
    tags: ["Callbacks"],
    summary: "Complete a step that waits for a callback",
    description:
      "The URL is handed to a service by an `await_callback` http step or an integration. No key: the token is signed, single-use and expires with the step's timeout. The body (JSON when its Content-Type says so, else text; null when empty) becomes the step's output.",
    security: [],
    request: {
      params: z.object({
        token: z
          .string()
          .max(2000)
          .openapi({ param: { name: "token", in: "path" } }),
      }),
      // Raw schemas, not zod: any body and any content type are accepted.
      body: {
        required: false,
        content: {
          "application/json": { schema: { description: "Any JSON value" } },
          "text/plain": { schema: { type: "string" } },
        },
      },
    },
    responses: {
      200: json(
        z.object({ run_id: z.string(), step_id: z.string(), status: z.literal("accepted") }).openapi("CallbackAccepted"),
        "The step completed",
      ),
    },
  },
  { scope: null, errors: ["NOT_FOUND", "CALLBACK_ALREADY_USED", "CALLBACK_EXPIRED", "RUN_PURGED", "INVALID_JSON"] },
);

/** The callback body as the step's output: JSON when it says so, else text (null when empty). */
async function payload(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === "") return null;
  if (/\bjson\b/i.test(request.headers.get("content-type") ?? "")) {
    try {
      return JSON.parse(text);
    } catch {
      throw new AppError("INVALID_JSON", "The callback body says it is JSON but is not valid JSON");
    }
  }
  return text;
}

export function registerCallbacks(app: App) {
  app.openapi(callback, async (c) => c.json(await receiveCallback(c.env, c.req.valid("param").token, await payload(c.req.raw)), 200));
}
