import { z } from "@hono/zod-openapi";
import { deleteInstallation, getInstallation, putInstallation } from "../../services/installations";
import type { App } from "../env";
import { auditStamp } from "../middleware/auth";
import { json, route, time } from "../schemas";

const tags = ["Installations"];

const Installation = z
  .object({
    app_id: z.string().openapi({ description: "Your id of the installed app", example: "teams-approvals" }),
    email: z.string().openapi({ description: "The user's email, lower-cased", example: "user@organization.com" }),
    installed: z.boolean(),
    installed_at: time(),
  })
  .openapi("Installation");

const Params = z.object({
  app_id: z
    .string()
    .max(128)
    .openapi({ param: { name: "app_id", in: "path" }, description: "Your id of the installed app (not a Stepline app id)" }),
  email: z
    .string()
    .max(254)
    .openapi({ param: { name: "email", in: "path" }, description: "The user's email address" }),
});

const path = "/v1/installations/{app_id}/{email}";

const put = route(
  {
    method: "put",
    path,
    operationId: "putInstallation",
    tags,
    summary: "Record that a user installed one of your apps (repeating it changes nothing)",
    request: { params: Params },
    responses: { 200: json(Installation, "Already recorded"), 201: json(Installation, "Recorded") },
  },
  { scope: "write", errors: [] },
);

const get = route(
  {
    method: "get",
    path,
    operationId: "getInstallation",
    tags,
    summary: "Whether a user installed one of your apps (404 when not)",
    request: { params: Params },
    responses: { 200: json(Installation, "Installed") },
  },
  { scope: "read", errors: ["NOT_FOUND"] },
);

const remove = route(
  {
    method: "delete",
    path,
    operationId: "deleteInstallation",
    tags,
    summary: "Record that a user uninstalled one of your apps",
    request: { params: Params },
    responses: { 200: json(Installation, "Removed; installed is false") },
  },
  { scope: "write", errors: ["NOT_FOUND"] },
);

export function registerInstallations(app: App) {
  app.openapi(put, async (c) => {
    const { app_id, email } = c.req.valid("param");
    const { created, installation } = await putInstallation(c.env, auditStamp(c), app_id, email);
    return c.json(installation, created ? 201 : 200);
  });
  app.openapi(get, async (c) => {
    const { app_id, email } = c.req.valid("param");
    return c.json(await getInstallation(c.env, c.get("appId"), app_id, email), 200);
  });
  app.openapi(remove, async (c) => {
    const { app_id, email } = c.req.valid("param");
    return c.json(await deleteInstallation(c.env, auditStamp(c), app_id, email), 200);
  });
}
