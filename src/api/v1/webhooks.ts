import { createRoute, z } from "@hono/zod-openapi";
import { getDelivery, getWebhookSecret, listRunDeliveries, redeliver, rotateWebhookSecret } from "../../services/webhooks";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { errorResponses, IdParam, json, listOf, PageQuery } from "../schemas";

const tags = ["Webhooks"];

const Delivery = z
  .object({
    id: z.string(),
    run_id: z.string(),
    event: z.string(),
    url: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempt_count: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .passthrough()
  .openapi("WebhookDelivery");

const DeliveryWithAttempts = Delivery.extend({
  payload: z.unknown(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      status_code: z.number().int().nullable(),
      error: z.string().nullable(),
      duration_ms: z.number(),
      at: z.string(),
    }),
  ),
}).openapi("WebhookDeliveryDetail");

const Secret = z
  .object({
    secret: z.string().openapi({ description: "whsec_... : verify webhook-signature with it (Standard Webhooks)" }),
    previous_secret: z.string().nullable(),
    previous_secret_expires_at: z.string().nullable(),
    rotated_at: z.string().nullable(),
  })
  .openapi("WebhookSecret");

const runDeliveries = createRoute({
  method: "get",
  path: "/v1/runs/{id}/deliveries",
  tags,
  summary: "List a run's webhook deliveries",
  request: { params: IdParam("id"), query: PageQuery },
  responses: { 200: json(listOf(Delivery, "DeliveryList"), "A page of deliveries, newest first"), ...errorResponses },
});

const delivery = createRoute({
  method: "get",
  path: "/v1/deliveries/{id}",
  tags,
  summary: "Get a delivery with its body and every attempt",
  request: { params: IdParam("id") },
  responses: { 200: json(DeliveryWithAttempts, "The delivery"), ...errorResponses },
});

const redeliverRoute = createRoute({
  method: "post",
  path: "/v1/deliveries/{id}/redeliver",
  tags,
  summary: "Send a delivery again now",
  request: { params: IdParam("id") },
  responses: { 200: json(DeliveryWithAttempts, "The delivery, pending again"), ...errorResponses },
});

const secret = createRoute({
  method: "get",
  path: "/v1/webhook-secret",
  tags,
  summary: "The app's webhook signing secret",
  responses: { 200: json(Secret, "The secret"), ...errorResponses },
});

const rotate = createRoute({
  method: "post",
  path: "/v1/webhook-secret/rotate",
  tags,
  summary: "Rotate the signing secret (the old one keeps signing for 24 h)",
  responses: { 200: json(Secret, "The new secret"), ...errorResponses },
});

export function registerWebhooks(app: App) {
  app.openapi(runDeliveries, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listRunDeliveries(c.env, c.get("appId"), c.req.valid("param").id, limit, afterCursor(cursor)), 200);
  });
  app.openapi(delivery, async (c) => c.json(await getDelivery(c.env, c.get("appId"), c.req.valid("param").id), 200));
  app.openapi(redeliverRoute, async (c) => c.json(await redeliver(c.env, c.get("appId"), c.req.valid("param").id), 200));
  app.openapi(secret, async (c) => c.json(await getWebhookSecret(c.env, c.get("appId")), 200));
  app.openapi(rotate, async (c) => c.json(await rotateWebhookSecret(c.env, c.get("appId")), 200));
}
