import { Hono, type NotFoundHandler } from "hono";
import type { App, HonoEnv } from "../api/env";
import { compatBase, type Dialect } from "./kit";

/**
 * Every vendor API Stepline speaks, each at /compat/<name> (docs/dialects/README.md). Only the names and titles
 * live here, which is all the docs page needs: a dialect's routes, schemas and document are
 * built when its module loads, on the first request under its prefix.
 */
export const DIALECTS = [
  { name: "leap", title: "Stepline: Leap workflows API", load: async () => (await import("./leap")).leap },
  { name: "apps", title: "Stepline: apps platform workflows API", load: async () => (await import("./apps")).apps },
  { name: "dataflow", title: "Stepline: Data Flow workflows API", load: async () => (await import("./dataflow")).dataflow },
  { name: "looply", title: "Stepline: Looply workflow API", load: async () => (await import("./looply")).looply },
  { name: "pipelines", title: "Stepline: pipelines workflows API", load: async () => (await import("./pipelines")).pipelines },
] as const satisfies { name: string; title: string; load: () => Promise<Dialect> }[];

export type DialectName = (typeof DIALECTS)[number]["name"];

/** A dialect's name and title, for its spec. */
export function about(name: DialectName): { name: string; title: string } {
  const { title } = DIALECTS.find((dialect) => dialect.name === name) as { title: string };
  return { name, title };
}

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
