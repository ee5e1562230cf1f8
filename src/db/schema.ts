import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { WorkflowDefinition } from "../domain/definition";
import type { Scope } from "../domain/scopes";

// Times are epoch milliseconds; the API renders them as ISO strings.
// Every list query pages by (scope, id DESC) and has an index that starts with its filters,
// so a page never scans a whole table. UUIDv7 ids sort by creation time.

export const apps = sqliteTable("apps", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  webhookSecret: text("webhook_secret").notNull(),
  previousWebhookSecret: text("previous_webhook_secret"),
  webhookSecretRotatedAt: integer("webhook_secret_rotated_at"),
  createdAt: integer("created_at").notNull(),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    // Keys made before scopes existed could do everything, so they stay `admin`.
    scopes: text("scopes", { mode: "json" }).$type<Scope[]>().notNull().default(sql`'["admin"]'`),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
    expiresAt: integer("expires_at"),
    // Written at most once an hour per key, so a busy key costs no write per request.
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.hash), index("api_keys_app").on(t.appId, t.id)],
);

export const workflows = sqliteTable(
  "workflows",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    currentVersion: integer("current_version").notNull(),
    latestVersion: integer("latest_version").notNull(),
    webhookUrl: text("webhook_url"),
    retention: text("retention", { mode: "json" }).$type<WorkflowDefinition["retention"]>(),
    concurrency: text("concurrency", { mode: "json" }).$type<WorkflowDefinition["concurrency"]>(),
    rateLimit: text("rate_limit", { mode: "json" }).$type<WorkflowDefinition["rate_limit"]>(),
    discoverable: integer("discoverable", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [
    index("workflows_app").on(t.appId, t.id),
    index("workflows_app_name").on(t.appId, t.name, t.id),
    index("workflows_discoverable").on(t.id).where(sql`${t.discoverable} = 1 AND ${t.deletedAt} IS NULL`),
  ],
);

export const workflowVersions = sqliteTable(
  "workflow_versions",
  {
    workflowId: text("workflow_id").notNull(),
    version: integer("version").notNull(),
    appId: text("app_id").notNull(),
    definition: text("definition", { mode: "json" }).notNull(),
    hash: text("hash").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.version] })],
);

/** Metadata keys of pipelines runs that lists filter by, each with its own index. */
export const PIPELINES_METADATA_FILTERS = ["origin_instance", "origin_tenant_id"] as const;

export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    workflowId: text("workflow_id").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    trigger: text("trigger").notNull(),
    surface: text("surface").notNull().default("native"),
    scheduleId: text("schedule_id"),
    parentRunId: text("parent_run_id"),
    profile: text("profile").notNull().default("default"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    errorCode: text("error_code"),
    // Monotonic counter from the run's object: an older summary never overwrites a newer one.
    stateSeq: integer("state_seq").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    startedAt: integer("started_at"),
    endedAt: integer("ended_at"),
    updatedAt: integer("updated_at").notNull(),
    purgedAt: integer("purged_at"),
    // Soft delete: hidden from lists unless they ask for deleted runs.
    deletedAt: integer("deleted_at"),
    // The caller's name for the run (a business key); several runs may share one.
    processId: text("process_id"),
  },
  (t) => [
    index("runs_app").on(t.appId, t.id),
    index("runs_app_surface").on(t.appId, t.surface, t.id),
    // The pipelines dialect filters its runs by these metadata values; partial, so no other run pays for them.
    ...PIPELINES_METADATA_FILTERS.map((key) =>
      index(`runs_pipelines_${key}`)
        .on(t.appId, sql`${t.metadata} ->> ${sql.raw(`'$.${key}'`)}`, t.id)
        .where(sql.raw(`"surface" = 'pipelines'`)),
    ),
    index("runs_app_status").on(t.appId, t.status, t.id),
    index("runs_workflow").on(t.workflowId, t.id),
    index("runs_workflow_status").on(t.workflowId, t.status, t.id),
    index("runs_status").on(t.status, t.id),
    index("runs_app_process").on(t.appId, t.processId, t.id).where(sql`${t.processId} IS NOT NULL`),
  ],
);

export const schedules = sqliteTable(
  "schedules",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    workflowId: text("workflow_id").notNull(),
    cron: text("cron").notNull(),
    timezone: text("timezone").notNull(),
    input: text("input", { mode: "json" }),
    profile: text("profile").notNull().default("default"),
    version: integer("version"),
    overlap: text("overlap").notNull().default("allow"),
    paused: integer("paused", { mode: "boolean" }).notNull().default(false),
    nextRunAt: integer("next_run_at"),
    lastRunAt: integer("last_run_at"),
    lastRunId: text("last_run_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("schedules_app").on(t.appId, t.id), index("schedules_workflow").on(t.workflowId, t.id)],
);

export const variables = sqliteTable(
  "variables",
  {
    appId: text("app_id").notNull(),
    profile: text("profile").notNull(),
    name: text("name").notNull(),
    // Plain text for ordinary variables; AES-GCM ciphertext (base64, iv first) for secrets.
    value: text("value").notNull(),
    secret: integer("secret", { mode: "boolean" }).notNull().default(false),
    // Host patterns a secret may be sent to; null: any host.
    allowedHosts: text("allowed_hosts", { mode: "json" }).$type<string[]>(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.profile, t.name] })],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    runId: text("run_id").notNull(),
    event: text("event").notNull(),
    url: text("url").notNull(),
    payload: text("payload").notNull(),
    status: text("status").notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    leaseExpiresAt: integer("lease_expires_at"),
    // The one queue message that may act on this delivery; older copies are dropped.
    messageId: text("message_id"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [index("webhook_deliveries_run").on(t.runId, t.id), index("webhook_deliveries_due").on(t.status, t.nextAttemptAt)],
);

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    deliveryId: text("delivery_id").notNull(),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    // null while the first request is still being handled
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    // The id of what the request creates (a run), so purging it can redact the stored answer.
    resourceId: text("resource_id"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.key] }),
    index("idempotency_keys_expiry").on(t.expiresAt),
    index("idempotency_keys_resource").on(t.resourceId),
  ],
);

/** Which users have installed which of the app's own apps (`/v1/installations`). */
export const installations = sqliteTable(
  "installations",
  {
    appId: text("app_id").notNull(),
    installedAppId: text("installed_app_id").notNull(),
    email: text("email").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.installedAppId, t.email] })],
);

/**
 * The runs index's shard directory: which months of an app's runs have a shard object. A row is
 * written when an app's first run of a month is indexed and deleted when that shard empties,
 * so it is written at most twice a month per app, never per run.
 */
export const runIndexShards = sqliteTable(
  "run_index_shards",
  {
    appId: text("app_id").notNull(),
    month: text("month").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.month] })],
);

/**
 * One row per change made through the API: who, what, to which resource, in which request, and
 * the names of the fields it changed (never their values). Written in the same D1 batch as the
 * change wherever the change is a D1 write; kept for AUDIT_RETENTION.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    // key, jwt or admin_token; a key's id and name, a JWT's sub
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id").notNull(),
    requestId: text("request_id"),
    changes: text("changes", { mode: "json" }).$type<string[]>(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("audit_log_app").on(t.appId, t.id),
    index("audit_log_app_action").on(t.appId, t.action, t.id),
    index("audit_log_app_resource").on(t.appId, t.resourceType, t.resourceId, t.id),
    index("audit_log_created").on(t.createdAt),
  ],
);
