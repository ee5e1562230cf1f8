import type { OpenAPIHono } from "@hono/zod-openapi";

export type HonoEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The app the request acts for, set by the auth middleware. */
    appId: string;
  };
};

export type App = OpenAPIHono<HonoEnv>;
