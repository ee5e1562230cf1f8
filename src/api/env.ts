import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Credential } from "../domain/credential";

export type HonoEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The app the request acts for, set by the auth middleware. */
    appId: string;
    /** Who the request acts as and its scopes, set with appId; absent on admin-token and public routes. */
    credential?: Credential;
    /** The id to give what this request creates, set when it carries an Idempotency-Key. */
    createdId?: string;
  };
};

export type App = OpenAPIHono<HonoEnv>;
