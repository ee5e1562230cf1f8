import { createRoute, z } from "@hono/zod-openapi";
import { createKey, getApp, listKeys, revokeKey } from "../../services/apps";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { errorResponses, IdParam, json, jsonBody, listOf, PageQuery } from "../schemas";
import { AppView, CreatedKey, NameBody } from "./admin";

const Key = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), created_at: z.string(), revoked_at: z.string().nullable() })
  .openapi("ApiKey");

const list = createRoute({
  method: "get",
  path: "/v1/keys",
  tags: ["Keys"],
  summary: "List the app's API keys",
  request: { query: PageQuery },
  responses: { 200: json(listOf(Key, "KeyList"), "A page of keys"), ...errorResponses },
});

const create = createRoute({
  method: "post",
  path: "/v1/keys",
  tags: ["Keys"],
  summary: "Create an API key (the secret is shown once)",
  request: { body: jsonBody(NameBody) },
  responses: { 201: json(CreatedKey, "The key"), ...errorResponses },
});

const revoke = createRoute({
  method: "delete",
  path: "/v1/keys/{id}",
  tags: ["Keys"],
  summary: "Revoke an API key",
  request: { params: IdParam("id") },
  responses: { 200: json(Key, "The revoked key"), ...errorResponses },
});

const whoami = createRoute({
  method: "get",
  path: "/v1/app",
  tags: ["Keys"],
  summary: "The app the credential acts for",
  description: "Its id is the `app_id` the apps dialect's paths name.",
  responses: { 200: json(AppView, "The app"), ...errorResponses },
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
