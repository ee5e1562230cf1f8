import { bearer } from "../../api/middleware/auth";
import type { AppError } from "../../domain/errors";
import { type DialectContext, dialectApp } from "../kit";
import { about } from "../titles";
import { registerLifecycleRoutes } from "./lifecycle-routes";
import { registerWorkflowRoutes } from "./routes";
import { detailErrors, unprocessable, zodValidationErrors } from "./validation";
import { pipelinesWebhook } from "./webhook";

const NOT_FOUND = new Set(["RUN_NOT_FOUND", "WORKFLOW_NOT_FOUND"]);

/** FastAPI's bodies: `{"detail": "..."}` for HTTP errors, the 422 list for validation problems. */
function answer(c: DialectContext, error: AppError): Response {
  if (error.code === "VALIDATION_FAILED" || error.code === "INPUT_INVALID")
    return unprocessable(c, detailErrors(error.details, error.message));
  if (error.code === "INVALID_JSON") return unprocessable(c, [{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }]);
  const detail = NOT_FOUND.has(error.code) ? "Workflow not found" : error.message;
  return c.json({ detail }, error.status as 400);
}

/** The pipelines service's workflows API at /compat/pipelines (docs/dialects/pipelines.md). */
export const pipelines = dialectApp({
  ...about("pipelines"),
  description:
    "The pipelines service's workflows API on Stepline: provider task DAGs with input mappings, retries, fallback providers, " +
    "resume and cleanup. Point a pipelines client at this base URL and send a Stepline API key or JWT as its bearer token.",
  credential: (c) => bearer(c.req.header("authorization")),
  unauthorized: (c, reason) => {
    c.header("www-authenticate", "Bearer");
    return c.json({ detail: reason === "Missing credentials" ? "Not authenticated" : reason }, 401);
  },
  error: answer,
  invalid: (c, issues, target, data) => unprocessable(c, zodValidationErrors(issues, target, data)),
  webhook: pipelinesWebhook,
  securityScheme: { type: "http", scheme: "bearer", description: "A Stepline API key, or an HS256 JWT whose sub is the app id" },
});

registerWorkflowRoutes(pipelines);
registerLifecycleRoutes(pipelines);
