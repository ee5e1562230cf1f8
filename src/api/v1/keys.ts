import { z } from "@hono/zod-openapi";
import { createKey, getApp, listKeys, revokeKey } from "../../services/apps";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { IdParam, json, jsonBody, listOf, PageQuery, route, time } from "../schemas";
import { AppView, CreatedKey, NameBody } from "./admin";

const Key = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), created_at: time(), revoked_at: time().nullable() })
  .openapi("ApiKey");

const list = route({
  method: "get",
  path: "/v1/keys",
  operationId: "listKeys",
  tags: ["Keys"],
  summary: "List the app's API keys",
  request: { query: PageQuery },
  responses: { 200: json(listOf(Key, "KeyList"), "A page of keys") },
});

const create = route({
  method: "post",
  path: "/v1/keys",
  operationId: "createKey",
  tags: ["Keys"],
  summary: "Create an API key (the secret is shown once)",
  request: { body: jsonBody(NameBody) },
  responses: { 201: json(CreatedKey, "The key") },
});

const revoke = route(
  {
    method: "delete",
    path: "/v1/keys/{id}",
    operationId: "revokeKey",
    tags: ["Keys"],
    summary: "Revoke an API key",
    description: "Stops working at once in this isolate and within 5 seconds everywhere. Revoking a revoked key is a 409.",
    request: { params: IdParam("id") },
    responses: { 200: json(Key, "The revoked key") },
  },
  { errors: ["NOT_FOUND", "CONFLICT"] },
);

const whoami = route({
  method: "get",
  path: "/v1/app",
  operationId: "getApp",
  tags: ["Keys"],
  summary: "The app the credential acts for",
  description: "Its id is the `app_id` the apps dialect's paths name.",
  responses: { 200: json(AppView, "The app") },
});

export function registerKeys(app: App) {
  app.openapi(whoami, async (c) => c.json(await getApp(c.env, c.get("appId")), 200));
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listKeys(c.env, c.get("appId"), limit, afterCursor(cursor)), 200);
  });
  app.openapi(create, async (c) => c.json(await createKey(c.env, c.get("appId"), c.req.valid("json").name), 201));
  app.openapi(revoke, async (c) => c.json(await revokeKey(c.env, c.get("appId"), c.req.valid("param").id), 200));
}
