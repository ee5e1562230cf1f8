import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono, type MiddlewareHandler, type NotFoundHandler } from "hono";
import { DIALECTS } from "../dialects";
import { COMPAT, compatBase, type Dialect } from "../dialects/kit";
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

/** The id the API's middleware gave a request, for the dialect's router that answers it. */
const requestIds = new WeakMap<Request, string>();

/**
 * Each dialect answers through a plain Hono router of its own, made when it loads: mounting an
 * OpenAPIHono directly would merge its routes into the native document, and every dialect has
 * its own. A path under a prefix that no route of the dialect takes is answered as any unknown
 * path is.
 */
function routerFor(name: string, dialect: Dialect, notFound: NotFoundHandler<HonoEnv>): Hono<HonoEnv> {
  const router = new Hono<HonoEnv>();
  router.use("*", async (c, next) => {
    c.set("requestId", requestIds.get(c.req.raw) as string);
    await next();
  });
  router.route(compatBase(name), dialect.app);
  router.notFound(notFound);
  return router;
}

/** Mounts every dialect at its prefix, each loaded on the first request there. */
export function mountDialects(app: App, notFound: NotFoundHandler<HonoEnv>): void {
  for (const { name, load } of DIALECTS) {
    let router: Hono<HonoEnv> | null = null;
    app.all(`${compatBase(name)}/*`, async (c) => {
      if (!router) {
        const dialect = await load();
        router ??= routerFor(name, dialect, notFound);
      }
      requestIds.set(c.req.raw, c.get("requestId"));
      return router.fetch(c.req.raw, c.env, c.executionCtx);
    });
  }
}

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
