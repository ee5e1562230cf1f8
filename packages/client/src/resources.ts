import type { SteplineApi } from "./api.js";
import { type CallOptions, unwrap } from "./call.js";
import type {
  AuditQuery,
  NewKey,
  PageQuery,
  ScheduleListQuery,
  SentEvent,
  VariableChange,
  WebhookEvent,
  WorkflowDefinition,
  WorkflowListQuery,
} from "./types.js";
import { verifyWebhook, type WebhookHeaders } from "./webhooks.js";

export const workflowsOf = (api: SteplineApi) => ({
  list: (query: WorkflowListQuery = {}, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/workflows", { params: { query }, signal }), signal),
  get: (workflowId: string, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/workflows/{id}", { params: { path: { id: workflowId } }, signal }), signal),
  /** Creates a workflow (version 1); a definition with mistakes is one VALIDATION_FAILED listing them all. */
  create: (definition: WorkflowDefinition, { signal }: CallOptions = {}) =>
    unwrap(api.POST("/v1/workflows", { body: definition, signal }), signal),
  versions: (workflowId: string, query: PageQuery = {}, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/workflows/{id}/versions", { params: { path: { id: workflowId }, query }, signal }), signal),
  /** Every problem creating the workflow would meet, with nothing stored. */
  validate: (definition: WorkflowDefinition, { signal }: CallOptions = {}) =>
    unwrap(api.POST("/v1/workflows/validate", { body: definition, signal }), signal),
  /** The step types a definition may use, each with its config's JSON Schema. */
  stepTypes: ({ signal }: CallOptions = {}) => unwrap(api.GET("/v1/step-types", { signal }), signal),
});

export const eventsOf = (api: SteplineApi) => ({
  /** Sends an event to a run's `wait_for_event` step; `status` says whether it was applied now or kept for a later step. */
  send: (runId: string, name: string, payload?: unknown, options: CallOptions & { id?: string } = {}): Promise<SentEvent> =>
    unwrap(
      api.POST("/v1/runs/{id}/events", {
        params: { path: { id: runId } },
        body: { name, payload, ...(options.id === undefined ? {} : { id: options.id }) },
        signal: options.signal,
      }),
      options.signal,
    ),
});

export const schedulesOf = (api: SteplineApi) => ({
  list: (query: ScheduleListQuery = {}, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/schedules", { params: { query }, signal }), signal),
  pause: (scheduleId: string, { signal }: CallOptions = {}) =>
    unwrap(api.PATCH("/v1/schedules/{id}", { params: { path: { id: scheduleId } }, body: { paused: true }, signal }), signal),
  resume: (scheduleId: string, { signal }: CallOptions = {}) =>
    unwrap(api.PATCH("/v1/schedules/{id}", { params: { path: { id: scheduleId } }, body: { paused: false }, signal }), signal),
});

export const deliveriesOf = (api: SteplineApi) => ({
  /** A run's webhook deliveries, newest first. */
  list: (runId: string, query: PageQuery = {}, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/runs/{id}/deliveries", { params: { path: { id: runId }, query }, signal }), signal),
  /** One delivery with its body and every attempt. */
  get: (deliveryId: string, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/deliveries/{id}", { params: { path: { id: deliveryId } }, signal }), signal),
  /** Sends a delivery again now. */
  redeliver: (deliveryId: string, { signal }: CallOptions = {}) =>
    unwrap(api.POST("/v1/deliveries/{id}/redeliver", { params: { path: { id: deliveryId } }, signal }), signal),
});

export const variablesOf = (api: SteplineApi) => ({
  /** The app's profiles (`default` always exists) with how many variables each holds. */
  profiles: ({ signal }: CallOptions = {}) => unwrap(api.GET("/v1/profiles", { signal }), signal),
  /** A profile's variables by name; a secret's value is null. */
  list: (profile: string, query: PageQuery = {}, { signal }: CallOptions = {}) =>
    unwrap(api.GET("/v1/profiles/{profile}/variables", { params: { path: { profile }, query }, signal }), signal),
  /** Sets a variable as a whole: a secret without `allowed_hosts` may be sent to any host. */
  set: (profile: string, name: string, change: VariableChange, { signal }: CallOptions = {}) =>
    unwrap(api.PUT("/v1/profiles/{profile}/variables/{name}", { params: { path: { profile, name } }, body: change, signal }), signal),
  /** Changes where a secret may be sent (null: any host) without sending its value again. */
  setAllowedHosts: (profile: string, name: string, allowedHosts: string[] | null, { signal }: CallOptions = {}) =>
    unwrap(
      api.PATCH("/v1/profiles/{profile}/variables/{name}", {
        params: { path: { profile, name } },
        body: { allowed_hosts: allowedHosts },
        signal,
      }),
      signal,
    ),
  remove: (profile: string, name: string, { signal }: CallOptions = {}) =>
    unwrap(api.DELETE("/v1/profiles/{profile}/variables/{name}", { params: { path: { profile, name } }, signal }), signal),
});

export const webhooksOf = (api: SteplineApi) => ({
  /** The app's `whsec_` signing secret (and the previous one while it still signs). */
  secret: ({ signal }: CallOptions = {}) => unwrap(api.GET("/v1/webhook-secret", { signal }), signal),
  /** See verifyWebhook. */
  verify: <T = WebhookEvent>(body: string, headers: WebhookHeaders, secret: string): T => verifyWebhook<T>(body, headers, secret),
});

export const keysOf = (api: SteplineApi) => ({
  /** The app's keys with their scopes, expiry and last use; never their secrets. Needs `admin`. */
  list: (query: PageQuery = {}, { signal }: CallOptions = {}) => unwrap(api.GET("/v1/keys", { params: { query }, signal }), signal),
  /** A new key; its secret (`key`) is in this answer only. Needs `admin`. */
  create: (key: NewKey, { signal }: CallOptions = {}) => unwrap(api.POST("/v1/keys", { body: key, signal }), signal),
  /** Stops a key at once. Needs `admin`. */
  revoke: (keyId: string, { signal }: CallOptions = {}) =>
    unwrap(api.DELETE("/v1/keys/{id}", { params: { path: { id: keyId } }, signal }), signal),
  /** The app, and the scopes of the key the client signs in with. */
  whoami: ({ signal }: CallOptions = {}) => unwrap(api.GET("/v1/app", { signal }), signal),
});

export const auditOf = (api: SteplineApi) => ({
  /** The app's audit log, newest first. Needs `admin`. */
  list: (query: AuditQuery = {}, { signal }: CallOptions = {}) => unwrap(api.GET("/v1/audit", { params: { query }, signal }), signal),
});
