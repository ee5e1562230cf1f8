import { Limits } from "../domain/limits";
import type { App } from "./env";
import { ErrorEnvelope, errorResponse } from "./schemas";

const TAGS = [
  { name: "Workflows", description: "Definitions and their immutable numbered versions." },
  { name: "Runs", description: "Start, follow, control, replay and purge runs of a workflow." },
  { name: "Schedules", description: "Cron schedules (five fields, IANA timezones) that start runs." },
  { name: "Webhooks", description: "Signed deliveries of run events (Standard Webhooks), their attempts, and the signing secret." },
  { name: "Profiles", description: "Variables and write-only secrets that runs read as `vars`." },
  { name: "Callbacks", description: "One-time URLs that services call to complete a waiting step. No key: the token is signed." },
  { name: "Discover", description: "Workflows other apps made discoverable; runs of them belong to the caller." },
  { name: "Keys", description: "The app's own API keys, and the app a credential acts for." },
  { name: "Installations", description: "Which users installed which of your own apps (read by the Looply dialect)." },
  { name: "Admin", description: "Bootstrap apps and keys, and diagnose runs, with the admin token." },
];

const DESCRIPTION = `Durable workflow runs on Cloudflare Workers.

Every operation has an \`operationId\` meant as a client method name (\`startRun\`, \`getRun\`, ...).
Errors share one envelope (\`Error\`); each response lists the codes it can carry. Every answer
has an \`X-Request-Id\` header (a sane one you send is kept). A method a path does not support is
a \`405\` with an \`Allow\` header naming the ones it does; a path that does not exist is a \`404\`.
Lists page with \`limit\` (at most ${Limits.pageSize}) and the \`next_cursor\` of the previous page.`;

/** Stepline declares no licence of its own yet; this names it in one place for the document. */
const LICENSE = { name: "Proprietary", identifier: "LicenseRef-Proprietary" };

/**
 * What routes built with `route()` refer to by name: the error envelope, the request id and
 * idempotency headers, the shared 401 and 500. Every document with such routes registers
 * them: the native one, and the dialects that keep the native envelope.
 */
export function registerSharedComponents(registry: App["openAPIRegistry"]): void {
  // Error responses refer to the envelope by name rather than through a zod schema.
  registry.register("Error", ErrorEnvelope);
  registry.registerComponent("headers", "RequestId", {
    description: "The request's id: yours when you sent a sane one, else a new one. Error bodies repeat it.",
    required: true,
    schema: { type: "string" },
  });
  registry.registerComponent("headers", "IdempotentReplayed", {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
    schema: { type: "string", enum: ["true"] },
  });
  registry.registerComponent("parameters", "RequestId", {
    name: "X-Request-Id",
    in: "header",
    required: false,
    description: "Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced",
    schema: { type: "string", maxLength: 128 },
  });
  registry.registerComponent("parameters", "IdempotencyKey", {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Makes the call safe to retry for 24 hours: the same key and body (compared as canonical JSON) return the first answer with `Idempotent-Replayed: true`; another body is a 422; a retry while the first is in progress is a 409.",
    schema: { type: "string", minLength: 1, maxLength: Limits.idempotencyKeyLength },
  });
  registry.registerComponent("responses", "Unauthorized", errorResponse(401, ["UNAUTHORIZED"]));
  registry.registerComponent("responses", "InternalError", errorResponse(500, ["INTERNAL"]));
}

function registerComponents(app: App): void {
  const registry = app.openAPIRegistry;
  registerSharedComponents(registry);
  registry.registerComponent("securitySchemes", "ApiKey", { type: "apiKey", in: "header", name: "X-Api-Key" });
  registry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key, or an HS256 JWT whose sub is the app id",
  });
  registry.registerComponent("securitySchemes", "AdminToken", { type: "http", scheme: "bearer", description: "ADMIN_TOKEN" });
}

/**
 * Serves the native API's OpenAPI 3.1 document at /openapi.json. Its one server is relative,
 * so it always names the deployment that served it, whatever its domain. The document is built
 * once per isolate (routes do not change once the app is built): building it takes longer than
 * any API call.
 */
export function serveDocument(app: App): void {
  registerComponents(app);
  let document: ReturnType<App["getOpenAPI31Document"]> | null = null;
  app.get("/openapi.json", (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Stepline", version: "1.0.0", description: DESCRIPTION, license: LICENSE },
      servers: [{ url: "/", description: "The deployment serving this document" }],
      tags: TAGS,
      security: [{ ApiKey: [] }, { Bearer: [] }],
    });
    return c.json(document);
  });
}
