import { z } from "@hono/zod-openapi";
import { deleteVariable, getVariable, listProfiles, listVariables, putVariable, setAllowedHosts } from "../../services/variables";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { afterCursor } from "../paging";
import { json, jsonBody, listOf, PageQuery, route, time } from "../schemas";

const tags = ["Profiles"];

const Variable = z
  .object({
    profile: z.string(),
    name: z.string(),
    secret: z.boolean(),
    value: z.string().nullable().openapi({ description: "null for secrets: they are write-only" }),
    allowed_hosts: z
      .array(z.string())
      .nullable()
      .openapi({ description: "The hosts a secret may be sent to; null: any host (a provider's credential: its provider's)" }),
    created_at: time(),
    updated_at: time(),
  })
  .openapi("Variable");

const ProfileParams = z.object({
  profile: z
    .string()
    .max(64)
    .openapi({ param: { name: "profile", in: "path" } }),
});
const VariableParams = ProfileParams.extend({
  name: z
    .string()
    .max(128)
    .openapi({ param: { name: "name", in: "path" } }),
});

const PutBody = z
  .object({
    value: z.string(),
    secret: z.boolean().optional().openapi({ description: "Encrypted at rest, never returned, masked as *** in runs" }),
    allowed_hosts: z
      .array(z.string())
      .nullable()
      .optional()
      .openapi({
        description:
          "Secrets only: the hosts a request carrying it may go to (`api.example.com`, `*.example.com`, `127.0.0.1:8080`), checked on every redirect too; absent or null: any host",
        example: ["api.openai.com"],
      }),
  })
  .strict()
  .openapi("PutVariable");

const PatchBody = z
  .object({
    allowed_hosts: z
      .array(z.string())
      .nullable()
      .openapi({
        description: "The hosts the secret may be sent to from now on; null: any host",
        example: ["api.openai.com"],
      }),
  })
  .strict()
  .openapi("PatchVariable");

const profiles = route(
  {
    method: "get",
    path: "/v1/profiles",
    operationId: "listProfiles",
    tags,
    summary: "List the app's profiles (default always exists)",
    responses: {
      200: json(
        z.object({ data: z.array(z.object({ name: z.string(), variable_count: z.number().int() })) }).openapi("ProfileList"),
        "Profiles",
      ),
    },
  },
  { scope: "read" },
);

const list = route(
  {
    method: "get",
    path: "/v1/profiles/{profile}/variables",
    operationId: "listVariables",
    tags,
    summary: "List a profile's variables",
    request: { params: ProfileParams, query: PageQuery },
    responses: { 200: json(listOf(Variable, "VariableList"), "Variables by name") },
  },
  { scope: "read", errors: ["NOT_FOUND"] },
);

const get = route(
  {
    method: "get",
    path: "/v1/profiles/{profile}/variables/{name}",
    operationId: "getVariable",
    tags,
    summary: "Get a variable (a secret's value is never shown)",
    request: { params: VariableParams },
    responses: { 200: json(Variable, "The variable") },
  },
  { scope: "read", errors: ["NOT_FOUND"] },
);

const put = route(
  {
    method: "put",
    path: "/v1/profiles/{profile}/variables/{name}",
    operationId: "setVariable",
    tags,
    summary: "Set a variable",
    request: { params: VariableParams, body: jsonBody(PutBody) },
    responses: { 200: json(Variable, "The variable") },
  },
  { scope: "write" },
);

const patch = route(
  {
    method: "patch",
    path: "/v1/profiles/{profile}/variables/{name}",
    operationId: "updateVariable",
    tags,
    summary: "Change where a secret may be sent, without sending the secret again",
    request: { params: VariableParams, body: jsonBody(PatchBody) },
    responses: { 200: json(Variable, "The variable") },
  },
  { scope: "write", errors: ["NOT_FOUND"] },
);

const remove = route(
  {
    method: "delete",
    path: "/v1/profiles/{profile}/variables/{name}",
    operationId: "deleteVariable",
    tags,
    summary: "Delete a variable",
    request: { params: VariableParams },
    responses: { 200: json(Variable, "The deleted variable") },
  },
  { scope: "write", errors: ["NOT_FOUND"] },
);

export function registerProfiles(app: App) {
  app.openapi(profiles, async (c) => c.json(await listProfiles(c.env, c.get("appId")), 200));
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listVariables(c.env, c.get("appId"), c.req.valid("param").profile, limit, afterCursor(cursor)), 200);
  });
  app.openapi(get, async (c) => {
    const { profile, name } = c.req.valid("param");
    return c.json(await getVariable(c.env, c.get("appId"), profile, name), 200);
  });
  app.openapi(put, async (c) => {
    const { profile, name } = c.req.valid("param");
    return c.json(await putVariable(c.env, auditStamp(c), profile, name, c.req.valid("json")), 200);
  });
  app.openapi(patch, async (c) => {
    const { profile, name } = c.req.valid("param");
    return c.json(await setAllowedHosts(c.env, auditStamp(c), profile, name, c.req.valid("json").allowed_hosts), 200);
  });
  app.openapi(remove, async (c) => {
    const { profile, name } = c.req.valid("param");
    return c.json(await deleteVariable(c.env, auditStamp(c), profile, name), 200);
  });
}
