import type { OpenAPIHono } from "@hono/zod-openapi";

export type HonoEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The app the request acts for, set by the auth middleware. */
    appId: string;
    /** The id to give what this request creates, set when it carries an Idempotency-Key. */
    createdId?: string;
  };
};

export type App = OpenAPIHono<HonoEnv>;
