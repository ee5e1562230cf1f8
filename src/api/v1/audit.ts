import { z } from "@hono/zod-openapi";
import { AUDIT_ACTIONS, listAudit } from "../../services/audit";
import type { App } from "../env";
import { afterCursor } from "../paging";
import { json, listOf, PageQuery, route, time } from "../schemas";

const AuditEntry = z
  .object({
    id: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z
      .object({
        kind: z.enum(["key", "jwt", "admin_token", "service_binding"]),
        id: z.string().nullable().openapi({ description: "The key's id, or the JWT's sub" }),
        name: z.string().nullable().openapi({ description: "The key's name" }),
      })
      .openapi({ description: "Who made the change" }),
    resource: z.object({ type: z.string(), id: z.string() }),
    changes: z.array(z.string()).openapi({ description: "The names of the fields the change set; never their values" }),
    request_id: z.string().nullable(),
    created_at: time(),
  })
  .openapi("AuditEntry");

const AuditQuery = PageQuery.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
  resource_type: z.string().max(50).optional().openapi({ description: "`workflow`, `schedule`, `variable`, `key`, `run`, ..." }),
  resource_id: z.string().max(300).optional(),
  since: z.iso.datetime({ offset: true }).optional().openapi({ description: "Entries at or after this time" }),
  until: z.iso.datetime({ offset: true }).optional().openapi({ description: "Entries at or before this time" }),
});

const list = route(
  {
    method: "get",
    path: "/v1/audit",
    operationId: "listAuditEntries",
    tags: ["Keys"],
    summary: "The app's audit log, newest first",
    description:
      "Every change made through the API: who, what, which resource, when, in which request, and the names of the fields " +
      "it changed. Run starts and events are in each run's event log instead. Entries are kept for `AUDIT_RETENTION` (90 days).",
    request: { query: AuditQuery },
    responses: { 200: json(listOf(AuditEntry, "AuditList"), "A page of entries") },
  },
  { scope: "admin" },
);

const msOf = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));

export function registerAudit(app: App) {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const page = await listAudit(c.env, c.get("appId"), {
      limit: q.limit,
      after: afterCursor(q.cursor),
      action: q.action,
      resourceType: q.resource_type,
      resourceId: q.resource_id,
      since: msOf(q.since),
      until: msOf(q.until),
    });
    return c.json(page, 200);
  });
}
