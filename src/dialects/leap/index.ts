import { bearer } from "../../api/middleware/auth";
import { errorResponse } from "../../api/middleware/errors";
import { AppError } from "../../domain/errors";
import { dialectApp } from "../kit";
import { about } from "../titles";
import { registerLeapRoutes } from "./routes";
import { leapWebhook } from "./webhook";

/** Leap's workflows API at /compat/leap (docs/dialects/leap.md). */
export const leap = dialectApp({
  ...about("leap"),
  description: "Leap's workflows API on Stepline: point a Leap client at this base URL and keep its API key header.",
  credential: (c) => c.req.header("x-api-key") ?? bearer(c.req.header("authorization")),
  unauthorized: (c, reason) => errorResponse(c, new AppError("UNAUTHORIZED", `${reason}. Send your Stepline API key as X-Api-Key`)),
  webhook: leapWebhook,
  securityScheme: { type: "apiKey", in: "header", name: "X-Api-Key" },
});

registerLeapRoutes(leap);
