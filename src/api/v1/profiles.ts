import { createRoute, z } from "@hono/zod-openapi";
import { deleteVariable, getVariable, listProfiles, listVariables, putVariable } from "../../services/variables";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { errorResponses, json, jsonBody, PageQuery } from "../schemas";

const tags = ["Profiles"];

const Variable = z
  .object({
    profile: z.string(),
    name: z.string(),
    secret: z.boolean(),
    value: z.string().nullable().openapi({ description: "null for secrets: they are write-only" }),
    created_at: z.string(),
    updated_at: z.string(),
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
  })
  .strict()
  .openapi("PutVariable");

const profiles = createRoute({
  method: "get",
  path: "/v1/profiles",
  tags,
  summary: "List the app's profiles (default always exists)",
  responses: {
    200: json(z.object({ data: z.array(z.object({ name: z.string(), variable_count: z.number() })) }), "Profiles"),
    ...errorResponses,
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/profiles/{profile}/variables",
  tags,
  summary: "List a profile's variables",
  request: { params: ProfileParams, query: PageQuery },
  responses: {
    200: json(z.object({ data: z.array(Variable), next_cursor: z.string().nullable() }), "Variables by name"),
    ...errorResponses,
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/profiles/{profile}/variables/{name}",
  tags,
  summary: "Get a variable (a secret's value is never shown)",
  request: { params: VariableParams },
  responses: { 200: json(Variable, "The variable"), ...errorResponses },
});

const put = createRoute({
  method: "put",
  path: "/v1/profiles/{profile}/variables/{name}",
  tags,
  summary: "Set a variable",
  request: { params: VariableParams, body: jsonBody(PutBody) },
  responses: { 200: json(Variable, "The variable"), ...errorResponses },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/profiles/{profile}/variables/{name}",
  tags,
  summary: "Delete a variable",
  request: { params: VariableParams },
  responses: { 200: json(Variable, "The deleted variable"), ...errorResponses },
});

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
    return c.json(await putVariable(c.env, c.get("appId"), profile, name, c.req.valid("json")), 200);
  });
  app.openapi(remove, async (c) => {
    const { profile, name } = c.req.valid("param");
    return c.json(await deleteVariable(c.env, c.get("appId"), profile, name), 200);
  });
}
