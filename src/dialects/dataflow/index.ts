import { bearer } from "../../api/middleware/auth";
import { errorResponse } from "../../api/middleware/errors";
import { AppError } from "../../domain/errors";
import { dialectApp } from "../kit";
import { about } from "../titles";
import { registerDataflowRoutes } from "./routes";
import { dataflowWebhook } from "./webhook";

/**
 * Data Flow's workflows API at /compat/dataflow (docs/dialects/dataflow.md). Data Flow
 * documents no credential header, so both of Stepline's are taken.
 */
export const dataflow = dialectApp({
  ...about("dataflow"),
  description:
    "Data Flow's workflows API on Stepline: create typed step pipelines, execute them and follow their tasks. " +
    "Send a Stepline API key as X-Api-Key or Authorization: Bearer.",
  credential: (c) => c.req.header("x-api-key") ?? bearer(c.req.header("authorization")),
  unauthorized: (c, reason) =>
    errorResponse(c, new AppError("UNAUTHORIZED", `${reason}. Send your Stepline API key as X-Api-Key or Authorization: Bearer`)),
  webhook: dataflowWebhook,
  securityScheme: { type: "apiKey", in: "header", name: "X-Api-Key" },
});

registerDataflowRoutes(dataflow);
