import { bearer } from "../../api/middleware/auth";
import { errorResponse } from "../../api/middleware/errors";
import { AppError } from "../../domain/errors";
import { dialectApp } from "../kit";
import { about } from "../titles";
import { registerDiscoverRoutes } from "./discover-routes";
import { registerRunRoutes } from "./run-routes";
import { appsWebhook } from "./webhook";
import { registerWorkflowRoutes } from "./workflow-routes";

/** The apps platform's workflow and run API at /compat/apps (docs/dialects/apps.md). */
export const apps = dialectApp({
  ...about("apps"),
  description:
    "The apps platform's workflows, versions, runs and discovery on Stepline. Send a Stepline API key or JWT as " +
    "`Authorization: Bearer <key>` (or an API key as `X-Api-Key`); `app_id` in the path is your key's app.",
  credential: (c) => bearer(c.req.header("authorization")) ?? c.req.header("x-api-key") ?? null,
  unauthorized: (c, reason) =>
    errorResponse(c, new AppError("UNAUTHORIZED", `${reason}. Send your Stepline API key as Authorization: Bearer <key> or X-Api-Key`)),
  webhook: appsWebhook,
  securityScheme: { type: "http", scheme: "bearer", description: "A Stepline API key, or an HS256 JWT whose sub is the app id" },
});

// Every path names the caller's app; another app's id is not found, like any other app's object.
apps.app.use("/apps/:app_id/*", async (c, next) => {
  const appId = c.req.param("app_id");
  if (appId !== c.get("appId")) throw new AppError("NOT_FOUND", `app ${appId.slice(0, 100)} was not found`);
  await next();
});

registerDiscoverRoutes(apps);
registerWorkflowRoutes(apps);
registerRunRoutes(apps);
