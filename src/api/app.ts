import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { mountDialects } from "../dialects";
import { COMPAT } from "../dialects/kit";
import { registerDocs } from "./docs";
import type { App, HonoEnv } from "./env";
import { requireAdmin, requireApp } from "./middleware/auth";
import { limitBody } from "./middleware/body-limit";
import { emptyBodyIsNoBody } from "./middleware/empty-body";
import { handleError, handleNotFound, validationHook } from "./middleware/errors";
import { requestId } from "./middleware/request-id";
import { securityHeaders } from "./middleware/security-headers";
import { serveDocument } from "./openapi";
import { registerAdmin } from "./v1/admin";
import { registerAudit } from "./v1/audit";
import { registerCallbacks } from "./v1/callbacks";
import { registerDiscover } from "./v1/discover";
import { registerInstallations } from "./v1/installations";
import { registerKeys } from "./v1/keys";
import { registerProfiles } from "./v1/profiles";
import { registerRunEdits } from "./v1/run-edits";
import { registerRuns } from "./v1/runs";
import { registerSchedules } from "./v1/schedules";
import { registerStepTypes } from "./v1/step-types";
import { registerWebhooks } from "./v1/webhooks";
import { registerWorkflowStats } from "./v1/workflow-stats";
import { registerWorkflows } from "./v1/workflows";

const PUBLIC_PREFIXES = ["/v1/callbacks/"];

/** Admin routes take the admin token; callbacks carry their own signed token; the rest need an app. */
const authenticate: MiddlewareHandler<HonoEnv> = (c, next) => {
  const path = c.req.path;
  if (path.startsWith("/v1/admin/")) return requireAdmin()(c, next);
  if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
  return requireApp()(c, next);
};

/**
 * The HTTP app, built by the Worker on its first request (src/index.ts). The native routes are
 * built together: one router and one document hold them, a Hono router takes no route once it
 * has matched one, and a 405 names the methods of every route on a path. The dialects and the
 * documents wait for their own first request.
 */
export function buildApp(): App {
  const app = new OpenAPIHono<HonoEnv>({ defaultHook: validationHook });
  app.use("*", requestId());
  app.use("*", securityHeaders());
  // Dialects refuse a large body themselves, so the answer has their error body.
  const limit = limitBody();
  app.use("*", (c, next) => (c.req.path.startsWith(`${COMPAT}/`) ? next() : limit(c, next)));
  app.use("*", emptyBodyIsNoBody());
  app.onError(handleError);
  const notFound = handleNotFound(app);
  app.notFound(notFound);

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.use("/v1/*", authenticate);

  registerAdmin(app);
  registerKeys(app);
  registerAudit(app);
  registerWorkflows(app);
  registerWorkflowStats(app);
  registerStepTypes(app);
  registerRuns(app);
  registerRunEdits(app);
  registerWebhooks(app);
  registerProfiles(app);
  registerCallbacks(app);
  registerDiscover(app);
  registerSchedules(app);
  registerInstallations(app);
  mountDialects(app, notFound);

  serveDocument(app);
  registerDocs(app);
  return app;
}
