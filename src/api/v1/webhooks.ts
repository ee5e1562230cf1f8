import { z } from "@hono/zod-openapi";
import { getDelivery, getWebhookSecret, listRunDeliveries, redeliver, rotateWebhookSecret } from "../../services/webhooks";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { afterCursor } from "../paging";
import { IdParam, json, listOf, PageQuery, route, time } from "../schemas";

const tags = ["Webhooks"];

const DeliveryFields = {
  id: z.string().openapi({ description: "Also the webhook-id header of every attempt" }),
  run_id: z.string(),
  event: z.string().openapi({ example: "run.completed" }),
  url: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempt_count: z.number().int(),
  next_attempt_at: time().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: time(),
  updated_at: time(),
  delivered_at: time().nullable(),
};

const Delivery = z.object(DeliveryFields).openapi("WebhookDelivery");

const DeliveryWithAttempts = z
  .object({
    ...DeliveryFields,
    payload: z.unknown().openapi({ description: "The body sent; null once the run was purged" }),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        status_code: z.number().int().nullable(),
        error: z.string().nullable(),
        duration_ms: z.number().int(),
        at: time(),
      }),
    ),
  })
  .openapi("WebhookDeliveryDetail");

const Secret = z
  .object({
    secret: z.string().openapi({ description: "whsec_... : verify webhook-signature with it (Standard Webhooks)" }),
    previous_secret: z.string().nullable(),
    previous_secret_expires_at: time().nullable(),
    rotated_at: time().nullable(),
  })
  .openapi("WebhookSecret");

const runDeliveries = route(
  {
    method: "get",
    path: "/v1/runs/{id}/deliveries",
    operationId: "listRunDeliveries",
    tags,
    summary: "List a run's webhook deliveries",
    request: { params: IdParam("id"), query: PageQuery },
    responses: { 200: json(listOf(Delivery, "DeliveryList"), "A page of deliveries, newest first") },
  },
  { scope: "read", errors: ["RUN_NOT_FOUND", "RUN_PURGED"] },
);

const delivery = route(
  {
    method: "get",
    path: "/v1/deliveries/{id}",
    operationId: "getDelivery",
    tags,
    summary: "Get a delivery with its body and every attempt",
    description: "A delivery of a purged run is gone with the run: 410 RUN_PURGED while its tombstone lasts, then 404.",
    request: { params: IdParam("id") },
    responses: { 200: json(DeliveryWithAttempts, "The delivery") },
  },
  { scope: "read", errors: ["NOT_FOUND", "RUN_PURGED"] },
);

const redeliverRoute = route(
  {
    method: "post",
    path: "/v1/deliveries/{id}/redeliver",
    operationId: "redeliverDelivery",
    tags,
    summary: "Send a delivery again now",
    description: "A delivery of a purged run has nothing left to send: 410 RUN_PURGED.",
    request: { params: IdParam("id") },
    responses: { 200: json(DeliveryWithAttempts, "The delivery, pending again") },
  },
  { scope: "run", errors: ["NOT_FOUND", "RUN_PURGED"] },
);

const secret = route(
  {
    method: "get",
    path: "/v1/webhook-secret",
    operationId: "getWebhookSecret",
    tags,
    summary: "The app's webhook signing secret",
    responses: { 200: json(Secret, "The secret") },
  },
  { scope: "admin" },
);

const rotate = route(
  {
    method: "post",
    path: "/v1/webhook-secret/rotate",
    operationId: "rotateWebhookSecret",
    tags,
    summary: "Rotate the signing secret (the old one keeps signing for 24 h)",
    responses: { 200: json(Secret, "The new secret") },
  },
  { scope: "admin" },
);

export function registerWebhooks(app: App) {
  app.openapi(runDeliveries, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listRunDeliveries(c.env, c.get("appId"), c.req.valid("param").id, limit, afterCursor(cursor)), 200);
  });
  app.openapi(delivery, async (c) => c.json(await getDelivery(c.env, c.get("appId"), c.req.valid("param").id), 200));
  app.openapi(redeliverRoute, async (c) => c.json(await redeliver(c.env, c.get("appId"), c.req.valid("param").id), 200));
  app.openapi(secret, async (c) => c.json(await getWebhookSecret(c.env, c.get("appId")), 200));
  app.openapi(rotate, async (c) => c.json(await rotateWebhookSecret(c.env, auditStamp(c)), 200));
}
