import { Hono } from "hono";

/**
 * The floor the startup phase compares Stepline with: a Hono app with one route and nothing
 * else, built by the same wrangler and measured the same way.
 */
const app = new Hono();
app.get("/", (c) => c.text("ok"));

export default app;
