import { dialectApp } from "../kit";
import { about } from "../titles";
import { registerCommandRoutes } from "./routes/commands";
import { registerReadRoutes } from "./routes/reads";
import { looplyWebhook } from "./webhook";

/** Looply's workflow API at /compat/looply/v2/workflows (docs/dialects/looply.md). */
export const looply = dialectApp({
  ...about("looply"),
  description:
    "Looply's workflow API on Stepline: point a Looply client at this base URL and send a Stepline API key (or JWT) as x-api-key.",
  credential: (c) => c.req.header("x-api-key") ?? null,
  unauthorized: (c) => c.json({ message: "Forbidden" }, 403),
  // Looply answers every error with a message; the native details (which field) ride along.
  error: (c, error) =>
    c.json(
      error.code === "INTERNAL"
        ? { message: "something went wrong" }
        : { message: error.message, ...(error.details ? { details: error.details } : {}) },
      error.status as 400,
    ),
  webhook: looplyWebhook,
  securityScheme: { type: "apiKey", in: "header", name: "x-api-key" },
});

registerCommandRoutes(looply);
registerReadRoutes(looply);
