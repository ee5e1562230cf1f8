import { z } from "@hono/zod-openapi";
import { SCOPES } from "../../domain/scopes";
import { getApp } from "../../services/apps";
import { createKey, listKeys, revokeKey } from "../../services/keys";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { afterCursor } from "../paging";
import { IdParam, json, jsonBody, listOf, PageQuery, route } from "../schemas";
import { AppView, CreatedKey, Key, NewKeyBody } from "./admin";

const Whoami = z
  .object({
    ...AppView.shape,
    credential: z
      .object({
        kind: z.enum(["key", "jwt"]),
        key_id: z.string().nullable(),
        name: z.string().nullable(),
        scopes: z.array(z.enum(SCOPES)),
      })
      .openapi({ description: "The credential this request was made with and what it may do" }),
  })
  .openapi("Whoami");

const list = route(
  {
    method: "get",
    path: "/v1/keys",
    operationId: "listKeys",
    tags: ["Keys"],
    summary: "List the app's API keys",
    request: { query: PageQuery },
    responses: { 200: json(listOf(Key, "KeyList"), "A page of keys") },
  },
  { scope: "admin" },
);

const create = route(
  {
    method: "post",
    path: "/v1/keys",
    operationId: "createKey",
    tags: ["Keys"],
    summary: "Create an API key (the secret is shown once)",
    request: { body: jsonBody(NewKeyBody) },
    responses: { 201: json(CreatedKey, "The key") },
  },
  { scope: "admin" },
);

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
  { scope: "admin", errors: ["NOT_FOUND", "CONFLICT"] },
);

const whoami = route(
  {
    method: "get",
    path: "/v1/app",
    operationId: "getApp",
    tags: ["Keys"],
    summary: "The app the credential acts for",
    description: "Its id is the `app_id` the apps dialect's paths name.",
    responses: { 200: json(Whoami, "The app, and the credential's scopes") },
  },
  { scope: "read" },
);

export function registerKeys(app: App) {
  app.openapi(whoami, async (c) => {
    const credential = c.get("credential");
    const actor = credential?.actor;
    return c.json(
      {
        ...(await getApp(c.env, c.get("appId"))),
        credential: {
          kind: actor?.kind === "key" ? ("key" as const) : ("jwt" as const),
          key_id: actor?.kind === "key" ? actor.id : null,
          name: actor?.kind === "key" ? actor.name : null,
          scopes: credential?.scopes ?? [],
        },
      },
      200,
    );
  });
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listKeys(c.env, c.get("appId"), limit, afterCursor(cursor)), 200);
  });
  app.openapi(create, async (c) => c.json(await createKey(c.env, c.get("appId"), c.req.valid("json"), auditStamp(c)), 201));
  app.openapi(revoke, async (c) => c.json(await revokeKey(c.env, auditStamp(c), c.req.valid("param").id), 200));
}
