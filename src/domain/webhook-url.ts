import { z } from "@hono/zod-openapi";

/**
 * Where webhooks go, as a request names it: an http(s) URL of at most 2048 characters. Whether
 * Stepline may call its address is checked apart from its shape (net/ssrf.ts).
 */
export const WebhookUrl = z.url({ protocol: /^https?$/ }).max(2048);
