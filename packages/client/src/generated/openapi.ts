/**
 * The types of the OpenAPI document Stepline serves at /openapi.json, made by openapi-typescript.
 * Do not edit: `npm run client:generate` writes it again, and test/e2e/client.test.ts fails
 * when it no longer matches the served document.
 */

export interface paths {
    "/v1/admin/backfill/runs-index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy the runs index of an earlier version (D1's runs table) into the index shards
         * @description One page per call, oldest first. Call again with `cursor` set to the answer's `next_cursor` until it is null. Resumable and idempotent: a run copied twice, or after its object wrote a newer summary, is unchanged.
         */
        post: operations["backfillRunsIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/runs/{id}/diagnostics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run's status, alarm, timers and waits, and whether it is stuck */
        get: operations["getRunDiagnostics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/diagnostics/stuck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unfinished runs with no alarm and nothing open-ended to wait for (should be none) */
        get: operations["listStuckRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an app */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/apps/{app_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API key for an app */
        post: operations["createAppKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app the credential acts for
         * @description Its id is the `app_id` the apps dialect's paths name.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the app's API keys
         * @description Scope: `admin`.
         */
        get: operations["listKeys"];
        put?: never;
        /**
         * Create an API key (the secret is shown once)
         * @description Scope: `admin`.
         */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Stops working at once in this isolate and within 5 seconds everywhere. Revoking a revoked key is a 409.
         *
         *     Scope: `admin`.
         */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's audit log, newest first
         * @description Every change made through the API: who, what, which resource, when, in which request, and the names of the fields it changed. Run starts and events are in each run's event log instead. Entries are kept for `AUDIT_RETENTION` (90 days).
         *
         *     Scope: `admin`.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workflows
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listWorkflows"];
        put?: never;
        /**
         * Create a workflow (version 1)
         * @description Every problem with the definition comes back in one 400, each with the path of the field. Send an Idempotency-Key header to make retries safe.
         *
         *     Scope: `write` (or `admin`).
         */
        post: operations["createWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a definition without storing it
         * @description Answers 200 with every problem `POST /v1/workflows` would refuse the same body for (the same checks, in the same order); nothing is stored. Needs only the read scope, since nothing changes.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        post: operations["validateWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/versions/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a new version without storing it
         * @description Answers 200 with every problem `POST /v1/workflows/{id}/versions` would refuse the same body for; nothing is stored.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        post: operations["validateWorkflowVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a workflow with its current version's definition
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getWorkflow"];
        put?: never;
        post?: never;
        /**
         * Soft-delete a workflow
         * @description Scope: `write` (or `admin`).
         */
        delete: operations["deleteWorkflow"];
        options?: never;
        head?: never;
        /**
         * Change metadata, make a new version, or move current_version
         * @description Changing steps, schemas or output makes a new version; metadata changes do not.
         *
         *     Scope: `write` (or `admin`).
         */
        patch: operations["updateWorkflow"];
        trace?: never;
    };
    "/v1/workflows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List versions, newest first
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listWorkflowVersions"];
        put?: never;
        /**
         * Add a version and make it current
         * @description Scope: `write` (or `admin`).
         */
        post: operations["createWorkflowVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one version
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getWorkflowVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the workflow's runs went in a window: counts, success rate, durations, failures and a time series
         * @description Counts the runs created in the window from the runs index: only the index shards of the months the window meets are read, and in each only the window's id range.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getWorkflowStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/step-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every step type a definition may use
         * @description Each type's config schema is generated from the rules creation applies, except the ones JSON Schema cannot state (a field needed when another is absent, a provider's operations), which `POST /v1/workflows/validate` reports.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listStepTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a workflow's runs
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listWorkflowRuns"];
        put?: never;
        /**
         * Start a run
         * @description Send an Idempotency-Key header to make retries safe.
         *
         *     Scope: `run` (or `write`, `admin`).
         */
        post: operations["startRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List runs
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a run with its steps, progress and usage
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        /**
         * Purge an ended run's data now
         * @description Removes the input, outputs, errors, metadata and event log, redacts the bodies of the run's webhook deliveries (pending ones stop) and the stored answer of the Idempotency-Key that created it. The run stays listed; reading it answers 410 RUN_PURGED.
         *
         *     Scope: `write` (or `admin`).
         */
        delete: operations["purgeRun"];
        options?: never;
        head?: never;
        /**
         * Change a run's webhook URL or metadata, or soft-delete it
         * @description Scope: `write` (or `admin`).
         */
        patch: operations["updateRun"];
        trace?: never;
    };
    "/v1/runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the run's event log
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listRunEvents"];
        put?: never;
        /**
         * Send an event to a waiting step
         * @description Applied at once to a waiting step (200), or kept for a step that will wait for it (202). A payload that breaks the step's schema is a 400.
         *
         *     Scope: `run` (or `write`, `admin`).
         */
        post: operations["sendRunEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the event log live (Server-Sent Events)
         * @description Replays the log after `after` (or `Last-Event-ID`), then follows the run live and closes when it ends. Each event's `id:` is its sequence number and `event:` its type.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["streamRunEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a run created with start: false
         * @description Scope: `run` (or `write`, `admin`).
         */
        post: operations["startQueuedRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a run (steps in flight finish; no new step starts)
         * @description Scope: `run` (or `write`, `admin`).
         */
        post: operations["pauseRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused run, or re-run a failed run's failed steps
         * @description Scope: `run` (or `write`, `admin`).
         */
        post: operations["resumeRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a run (in-flight calls are aborted), optionally saying why
         * @description Scope: `run` (or `write`, `admin`).
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a new run from this run's version and input
         * @description With from_step, steps that neither are that step nor depend on it reuse their outputs.
         *
         *     Scope: `run` (or `write`, `admin`).
         */
        post: operations["replayRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change how long the run's data is kept
         * @description Scope: `write` (or `admin`).
         */
        patch: operations["updateRunRetention"];
        trace?: never;
    };
    "/v1/workflows/{id}/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Input schema, a sample input and the output shape from the last completed run
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getWorkflowSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/outputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Drop an ended run's step inputs and outputs, keeping the run readable
         * @description The run, its steps' statuses, attempts, errors, times and task ids stay; inputs and outputs of steps, the run's output and the outputs in its event log are deleted. A failed run whose outputs were purged cannot be resumed.
         *
         *     Scope: `write` (or `admin`).
         */
        delete: operations["purgeRunOutputs"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a run's webhook deliveries
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listRunDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery with its body and every attempt
         * @description A delivery of a purged run is gone with the run: 410 RUN_PURGED while its tombstone lasts, then 404.
         *
         *     Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now
         * @description A delivery of a purged run has nothing left to send: 410 RUN_PURGED.
         *
         *     Scope: `run` (or `write`, `admin`).
         */
        post: operations["redeliverDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's webhook signing secret
         * @description Scope: `admin`.
         */
        get: operations["getWebhookSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret (the old one keeps signing for 24 h)
         * @description Scope: `admin`.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the app's profiles (default always exists)
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listProfiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{profile}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a profile's variables
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listVariables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{profile}/variables/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a variable (a secret's value is never shown)
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getVariable"];
        /**
         * Set a variable
         * @description Scope: `write` (or `admin`).
         */
        put: operations["setVariable"];
        post?: never;
        /**
         * Delete a variable
         * @description Scope: `write` (or `admin`).
         */
        delete: operations["deleteVariable"];
        options?: never;
        head?: never;
        /**
         * Change where a secret may be sent, without sending the secret again
         * @description Scope: `write` (or `admin`).
         */
        patch: operations["updateVariable"];
        trace?: never;
    };
    "/v1/callbacks/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a step that waits for a callback
         * @description The URL is handed to a service by an `await_callback` http step or an integration. No key: the token is signed, single-use and expires with the step's timeout. The body (JSON when its Content-Type says so, else text; null when empty) becomes the step's output.
         */
        post: operations["completeCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discover/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workflows any app may run
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listDiscoverableWorkflows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discover/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A discoverable workflow with its current definition
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getDiscoverableWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discover/workflows/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a discoverable workflow
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getDiscoverableWorkflowVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/discover/workflows/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a discoverable workflow in your own app
         * @description The run is yours: it uses your profile's variables, never the owner's, and is listed, followed and cancelled like any of your runs.
         *
         *     Scope: `run` (or `write`, `admin`).
         */
        post: operations["startDiscoverableRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/schedules/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause every schedule of a workflow
         * @description Each schedule's alarm is dropped: nothing fires until it is resumed.
         *
         *     Scope: `write` (or `admin`).
         */
        post: operations["pauseWorkflowSchedules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/schedules/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume every schedule of a workflow
         * @description Each schedule fires next at its first slot from now; slots missed while paused are not fired.
         *
         *     Scope: `write` (or `admin`).
         */
        post: operations["resumeWorkflowSchedules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a workflow on a cron schedule
         * @description Scope: `write` (or `admin`).
         */
        post: operations["createSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List schedules
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["listSchedules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a schedule
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getSchedule"];
        put?: never;
        post?: never;
        /**
         * Delete a schedule
         * @description Scope: `write` (or `admin`).
         */
        delete: operations["deleteSchedule"];
        options?: never;
        head?: never;
        /**
         * Pause, resume, or change the cron, timezone, input, profile or version
         * @description Scope: `write` (or `admin`).
         */
        patch: operations["updateSchedule"];
        trace?: never;
    };
    "/v1/installations/{app_id}/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a user installed one of your apps (404 when not)
         * @description Scope: `read` (or `run`, `write`, `admin`).
         */
        get: operations["getInstallation"];
        /**
         * Record that a user installed one of your apps (repeating it changes nothing)
         * @description Scope: `write` (or `admin`).
         */
        put: operations["putInstallation"];
        post?: never;
        /**
         * Record that a user uninstalled one of your apps
         * @description Scope: `write` (or `admin`).
         */
        delete: operations["deleteInstallation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /**
                 * @description Stable; the message may change
                 * @example VALIDATION_FAILED
                 */
                code: string;
                message: string;
                /** @description Every field that failed, where the request names several */
                details?: {
                    /** @example steps[2].config.url */
                    path: string;
                    message: string;
                }[];
                request_id: string | null;
            };
        };
        BackfillPage: {
            copied: number;
            next_cursor: string | null;
        };
        RunDiagnosis: {
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "paused" | "completed" | "failed" | "cancelled";
            /** Format: date-time */
            alarm_at: string | null;
            timers: {
                kind: string;
                step_id: string | null;
                /** Format: date-time */
                due_at: string;
            }[];
            waiting: {
                step_id: string;
                kind: string | null;
                until: number | null;
            }[];
            /** @description Steps running in this instance */
            in_flight: string[];
            alarm_failures: number;
            /** @description Why the run is stuck, or null */
            stuck: string | null;
        };
        App: {
            id: string;
            name: string;
            /** Format: date-time */
            created_at: string;
        };
        CreatedKey: {
            id: string;
            name: string;
            prefix: string;
            /** @description What the key may do: `read` < `run` < `write` < `admin`, each including the ones before it */
            scopes: ("read" | "run" | "write" | "admin")[];
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description After it the key is refused with 401; null: never
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @description Within the hour: written at most once an hour
             */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description The secret; shown only in this answer */
            key: string;
        };
        NewAppKey: components["schemas"]["NewKey"] & {
            /**
             * @description What the key may do: `read` < `run` < `write` < `admin`, each including the ones before it
             * @default [
             *       "admin"
             *     ]
             */
            scopes: ("read" | "run" | "write" | "admin")[];
        };
        NewKey: {
            name: string;
            /** @description What the key may do: `read` < `run` < `write` < `admin`, each including the ones before it */
            scopes: ("read" | "run" | "write" | "admin")[];
            /**
             * Format: date-time
             * @description When the key stops working: in the future, at most 2 years away; absent or null: never
             */
            expires_at?: string | null;
        };
        Whoami: {
            id: string;
            name: string;
            /** Format: date-time */
            created_at: string;
            /** @description The credential this request was made with and what it may do */
            credential: {
                /** @enum {string} */
                kind: "key" | "jwt";
                key_id: string | null;
                name: string | null;
                scopes: ("read" | "run" | "write" | "admin")[];
            };
        };
        KeyList: {
            data: components["schemas"]["ApiKey"][];
            next_cursor: string | null;
        };
        ApiKey: {
            id: string;
            name: string;
            prefix: string;
            /** @description What the key may do: `read` < `run` < `write` < `admin`, each including the ones before it */
            scopes: ("read" | "run" | "write" | "admin")[];
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description After it the key is refused with 401; null: never
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @description Within the hour: written at most once an hour
             */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
        };
        AuditList: {
            data: components["schemas"]["AuditEntry"][];
            next_cursor: string | null;
        };
        AuditEntry: {
            id: string;
            /** @enum {string} */
            action: "workflow.created" | "workflow.updated" | "workflow.deleted" | "workflow.version_created" | "schedule.created" | "schedule.updated" | "schedule.paused" | "schedule.resumed" | "schedule.deleted" | "variable.set" | "variable.deleted" | "installation.created" | "installation.deleted" | "key.created" | "key.revoked" | "webhook_secret.rotated" | "run.updated" | "run.retention_changed" | "run.outputs_purged" | "run.purged" | "run.deleted";
            /** @description Who made the change */
            actor: {
                /** @enum {string} */
                kind: "key" | "jwt" | "admin_token" | "service_binding";
                /** @description The key's id, or the JWT's sub */
                id: string | null;
                /** @description The key's name */
                name: string | null;
            };
            resource: {
                type: string;
                id: string;
            };
            /** @description The names of the fields the change set; never their values */
            changes: string[];
            request_id: string | null;
            /** Format: date-time */
            created_at: string;
        };
        WorkflowWithDefinition: {
            id: string;
            name: string;
            description: string | null;
            current_version: number;
            latest_version: number;
            webhook_url: string | null;
            retention: components["schemas"]["Retention"];
            concurrency: {
                limit: number;
                /** @description A template; runs with the same key share the limit */
                key?: string;
            } | null;
            rate_limit: {
                limit: number;
                /** @example 10s */
                period: number | string;
            } | null;
            discoverable: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
            steps: components["schemas"]["Step"][];
            /** @description A JSON Schema (2020-12) */
            input_schema?: {
                [key: string]: unknown;
            };
            input_default?: {
                [key: string]: unknown;
            };
            /** @description A template; default: the last step's output */
            output?: unknown;
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
        };
        Retention: {
            max_age_seconds: number;
            preserve_on_failure?: boolean;
        } | null;
        Step: {
            id: string;
            type: string;
            name?: string;
            description?: string;
            depends_on?: string[];
            if?: string | boolean;
            for_each?: string | unknown[];
            max_concurrency?: number;
            config?: {
                [key: string]: unknown;
            };
            retry?: {
                max_attempts?: number;
                /** @enum {string} */
                backoff?: "constant" | "linear" | "exponential";
                /** @example 10s */
                delay?: number | string;
                /** @example 10s */
                max_delay?: number | string;
                /** @description 4xx statuses to retry; by default only 408 and 429 are */
                on_status?: number[];
            };
            /** @example 10s */
            timeout?: number | string;
            /** @enum {string} */
            on_error?: "fail" | "continue";
            fallback?: {
                type: string;
                config?: {
                    [key: string]: unknown;
                };
            };
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
            meta?: {
                [key: string]: unknown;
            };
        };
        WorkflowDefinition: {
            name: string;
            description?: string;
            /** Format: uri */
            webhook_url?: string;
            retention?: components["schemas"]["Retention"];
            concurrency?: {
                limit: number;
                /** @description A template; runs with the same key share the limit */
                key?: string;
            };
            rate_limit?: {
                limit: number;
                /** @example 10s */
                period: number | string;
            };
            discoverable?: boolean;
            steps: components["schemas"]["Step"][];
            /** @description A JSON Schema (2020-12) */
            input_schema?: {
                [key: string]: unknown;
            };
            input_default?: {
                [key: string]: unknown;
            };
            /** @description A template; default: the last step's output */
            output?: unknown;
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
        };
        Validation: {
            valid: boolean;
            problems: {
                /** @example steps[2].config.url */
                path: string;
                message: string;
            }[];
        };
        VersionDefinition: {
            steps: components["schemas"]["Step"][];
            /** @description A JSON Schema (2020-12) */
            input_schema?: {
                [key: string]: unknown;
            };
            input_default?: {
                [key: string]: unknown;
            };
            /** @description A template; default: the last step's output */
            output?: unknown;
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
        };
        WorkflowList: {
            data: components["schemas"]["Workflow"][];
            next_cursor: string | null;
        };
        Workflow: {
            id: string;
            name: string;
            description: string | null;
            current_version: number;
            latest_version: number;
            webhook_url: string | null;
            retention: components["schemas"]["Retention"];
            concurrency: {
                limit: number;
                /** @description A template; runs with the same key share the limit */
                key?: string;
            } | null;
            rate_limit: {
                limit: number;
                /** @example 10s */
                period: number | string;
            } | null;
            discoverable: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        WorkflowPatch: {
            name?: string;
            description?: string;
            /** Format: uri */
            webhook_url?: string | null;
            retention?: components["schemas"]["Retention"];
            concurrency?: {
                limit: number;
                /** @description A template; runs with the same key share the limit */
                key?: string;
            };
            rate_limit?: {
                limit: number;
                /** @example 10s */
                period: number | string;
            };
            discoverable?: boolean;
            steps?: components["schemas"]["Step"][];
            /** @description A JSON Schema (2020-12) */
            input_schema?: {
                [key: string]: unknown;
            };
            input_default?: {
                [key: string]: unknown;
            };
            /** @description A template; default: the last step's output */
            output?: unknown;
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
            /** @description Move the current version (rollback) */
            current_version?: number;
        };
        WorkflowVersion: {
            workflow_id: string;
            version: number;
            steps: components["schemas"]["Step"][];
            /** @description A JSON Schema (2020-12) */
            input_schema?: {
                [key: string]: unknown;
            };
            input_default?: {
                [key: string]: unknown;
            };
            /** @description A template; default: the last step's output */
            output?: unknown;
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
        };
        VersionList: {
            data: components["schemas"]["WorkflowVersion"][];
            next_cursor: string | null;
        };
        WorkflowStats: {
            workflow_id: string;
            /** @enum {string} */
            window: "24h" | "7d" | "30d";
            /**
             * Format: date-time
             * @description The start of the first bucket: the window is whole UTC hours (24h) or days
             */
            from: string;
            /**
             * Format: date-time
             * @description The end of the last bucket, which holds the time of the call
             */
            to: string;
            /** @enum {string} */
            bucket: "hour" | "day";
            /** @description The window's runs by their status now (soft-deleted runs left out) */
            runs: {
                /** @description Runs created in the window */
                started: number;
                completed: number;
                failed: number;
                cancelled: number;
                queued: number;
                running: number;
                waiting: number;
                paused: number;
            };
            /** @description completed / (completed + failed + cancelled); null when no run of the window has ended */
            success_rate: number | null;
            /** @description Durations of the window's ended runs */
            duration_ms: {
                /** @description Median duration of the ended runs, start to end; null when none ended */
                p50: number | null;
                /** @description 95th percentile (nearest rank); exact below a second, within 1% above */
                p95: number | null;
                /** @description The longest, exact */
                max: number | null;
            };
            failures: {
                /** @description Failed runs by the step that failed them, most first; null: failed by the run's output */
                by_step: {
                    step_id: string | null;
                    count: number;
                }[];
                by_error_code: {
                    error_code: string | null;
                    count: number;
                }[];
            };
            /** @description The newest run of the window */
            last_run: {
                id: string;
                /** @enum {string} */
                status: "queued" | "running" | "waiting" | "paused" | "completed" | "failed" | "cancelled";
            } | null;
            /** @description Every bucket of the window, oldest first, empty ones included */
            series: {
                /** Format: date-time */
                start: string;
                completed: number;
                failed: number;
                cancelled: number;
                /** @description queued, running, waiting or paused */
                in_progress: number;
            }[];
        };
        StepTypeList: {
            data: components["schemas"]["StepType"][];
        };
        StepType: {
            /** @example TextOperation.Reverse */
            type: string;
            description: string;
            /** @description JSON Schema of the step's `config` */
            config_schema: {
                [key: string]: unknown;
            };
            output: {
                description: string;
                /** @description JSON Schema of the step's output */
                schema: {
                    [key: string]: unknown;
                };
            };
            /** @description For typed steps: the data type it takes from its dependency and gives (`same`: what its input gives); creation refuses a connection whose types differ */
            data_types: {
                /** @enum {string|null} */
                accepts: "text" | "number" | "none" | "any" | null;
                produces: ("text" | "number" | "none" | "any") | "same";
            } | null;
            /** @description Waits (a timer, an event, a child run): no timeout by default, no for_each */
            waits: boolean;
        };
        Run: {
            id: string;
            workflow_id: string;
            version: number;
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "paused" | "completed" | "failed" | "cancelled";
            /** @enum {string} */
            trigger: "api" | "schedule" | "rpc" | "discover" | "replay" | "child" | "dialect";
            /** @description `native`, or the dialect the run was started through */
            surface: string;
            profile: string;
            schedule_id: string | null;
            /** @description Your name for the run, given when it was started */
            process_id: string | null;
            parent_run_id: string | null;
            metadata: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: date-time
             * @description When the run was soft-deleted (hidden from lists)
             */
            deleted_at: string | null;
            input?: unknown;
            output?: unknown;
            error: components["schemas"]["RunError"];
            progress: number;
            total_steps: number;
            completed_steps: number;
            current_steps: string[];
            steps: components["schemas"]["RunStep"][];
            usage: {
                steps_executed: number;
                http_calls: number;
                duration_ms: number;
            };
            webhook_url: string | null;
            retention: {
                max_age_seconds: number;
                preserve_on_failure: boolean;
                /** Format: date-time */
                due_at: string | null;
            };
            /**
             * Format: date-time
             * @description When the step inputs and outputs were dropped
             */
            outputs_purged_at: string | null;
        };
        RunError: {
            code: string;
            message: string;
            step_id: string | null;
            /** @description What the step reported: an HTTP status and body, schema problems, ... */
            details?: unknown;
        } | null;
        RunStep: {
            id: string;
            type: string;
            name: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "waiting" | "completed" | "failed" | "skipped" | "cancelled";
            attempts: number;
            input?: unknown;
            output?: unknown;
            error: components["schemas"]["RunError"];
            waiting_for: components["schemas"]["WaitingFor"];
            /**
             * Format: date-time
             * @description When a step that failed an attempt tries again
             */
            next_attempt_at: string | null;
            used_fallback: boolean;
            /** @description The provider's job id (integration steps) */
            task_id: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
        };
        WaitingFor: {
            /** @enum {string} */
            kind: "sleep";
            /** Format: date-time */
            until: string;
        } | {
            /** @enum {string} */
            kind: "event";
            events: string[];
            /** Format: date-time */
            timeout_at: string | null;
        } | {
            /** @enum {string} */
            kind: "child";
            run_id: string;
        } | {
            /** @enum {string} */
            kind: "callback";
            /** Format: date-time */
            timeout_at: string | null;
        } | null;
        StartRun: {
            input?: unknown;
            version?: number;
            /** Format: uri */
            webhook_url?: string | null;
            profile?: string;
            /** @description false: create the run queued; start it with POST /v1/runs/{id}/start */
            start?: boolean;
            retention?: components["schemas"]["Retention"];
            metadata?: {
                [key: string]: unknown;
            };
            /**
             * @description Your name for the run (an order number, a ticket id); several runs may share one
             * @example PO-4711
             */
            process_id?: string;
        };
        RunList: {
            data: components["schemas"]["RunSummary"][];
            next_cursor: string | null;
        };
        RunSummary: {
            id: string;
            workflow_id: string;
            version: number;
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "paused" | "completed" | "failed" | "cancelled";
            /** @enum {string} */
            trigger: "api" | "schedule" | "rpc" | "discover" | "replay" | "child" | "dialect";
            /** @description `native`, or the dialect the run was started through */
            surface: string;
            profile: string;
            schedule_id: string | null;
            /** @description Your name for the run, given when it was started */
            process_id: string | null;
            parent_run_id: string | null;
            metadata: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: date-time
             * @description When the run was soft-deleted (hidden from lists)
             */
            deleted_at: string | null;
            error_code: string | null;
            /** @description The step whose failure failed the run, when one did */
            error_step: string | null;
            /** Format: date-time */
            purged_at: string | null;
        };
        RunEventPage: {
            data: components["schemas"]["RunEvent"][];
            next_after: number | null;
        };
        RunEvent: {
            /** @description Gap-free, from 1 */
            seq: number;
            /** @enum {string} */
            type: "run.created" | "run.queued" | "run.started" | "run.waiting" | "run.running" | "run.paused" | "run.resumed" | "run.completed" | "run.failed" | "run.cancelled" | "step.started" | "step.completed" | "step.failed" | "step.retrying" | "step.skipped" | "step.waiting" | "step.cancelled" | "step.interrupted" | "step.fallback" | "event.received" | "run.retention_changed" | "child.started" | "callback.received" | "run.updated" | "task.submitted" | "run.outputs_purged";
            /** Format: date-time */
            at: string;
            step_id: string | null;
            data?: unknown;
        };
        CancelRun: {
            /** @description Kept as the run's error and in its run.cancelled event */
            reason?: string;
        };
        SendRunEvent: {
            name: string;
            payload?: unknown;
            /** @description A repeated id is refused with DUPLICATE_EVENT */
            id?: string;
        };
        Replay: {
            from_step?: string;
            input?: unknown;
        };
        PurgedRun: {
            id: string;
            /** Format: date-time */
            purged_at: string;
        };
        WorkflowSchema: {
            workflow_id: string;
            version: number;
            input_schema: {
                [key: string]: unknown;
            } | null;
            input_default: {
                [key: string]: unknown;
            } | null;
            output_schema: {
                [key: string]: unknown;
            } | null;
            /** @description The input of the last completed run that was not purged, or null */
            sample_input?: unknown;
            /** @description A JSON Schema inferred from that run's output */
            output_shape: {
                [key: string]: unknown;
            } | null;
            sample_run_id: string | null;
        };
        RunPatch: {
            /**
             * Format: uri
             * @description Where the run's webhooks go from now on; null: none
             */
            webhook_url?: string | null;
            /** @description A JSON merge patch (RFC 7386) of the run's metadata: null removes a key */
            metadata?: {
                [key: string]: unknown;
            };
            /** @description Soft delete: the run is left out of lists unless include_deleted=true, and stays readable by id; false restores it */
            deleted?: boolean;
        };
        PurgedOutputs: {
            id: string;
            /** Format: date-time */
            outputs_purged_at: string;
            steps: string[];
        };
        DeliveryList: {
            data: components["schemas"]["WebhookDelivery"][];
            next_cursor: string | null;
        };
        WebhookDelivery: {
            /** @description Also the webhook-id header of every attempt */
            id: string;
            run_id: string;
            /** @example run.completed */
            event: string;
            url: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempt_count: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            delivered_at: string | null;
        };
        WebhookDeliveryDetail: {
            /** @description Also the webhook-id header of every attempt */
            id: string;
            run_id: string;
            /** @example run.completed */
            event: string;
            url: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempt_count: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            delivered_at: string | null;
            /** @description The body sent; null once the run was purged */
            payload?: unknown;
            attempts: {
                attempt: number;
                status_code: number | null;
                error: string | null;
                duration_ms: number;
                /** Format: date-time */
                at: string;
            }[];
        };
        WebhookSecret: {
            /** @description whsec_... : verify webhook-signature with it (Standard Webhooks) */
            secret: string;
            previous_secret: string | null;
            /** Format: date-time */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            rotated_at: string | null;
        };
        ProfileList: {
            data: {
                name: string;
                variable_count: number;
            }[];
        };
        VariableList: {
            data: components["schemas"]["Variable"][];
            next_cursor: string | null;
        };
        Variable: {
            profile: string;
            name: string;
            secret: boolean;
            /** @description null for secrets: they are write-only */
            value: string | null;
            /** @description The hosts a secret may be sent to; null: any host (a provider's credential: its provider's) */
            allowed_hosts: string[] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PutVariable: {
            value: string;
            /** @description Encrypted at rest, never returned, masked as *** in runs */
            secret?: boolean;
            /**
             * @description Secrets only: the hosts a request carrying it may go to (`api.example.com`, `*.example.com`, `127.0.0.1:8080`), checked on every redirect too; absent or null: any host
             * @example [
             *       "api.openai.com"
             *     ]
             */
            allowed_hosts?: string[] | null;
        };
        PatchVariable: {
            /**
             * @description The hosts the secret may be sent to from now on; null: any host
             * @example [
             *       "api.openai.com"
             *     ]
             */
            allowed_hosts: string[] | null;
        };
        CallbackAccepted: {
            run_id: string;
            step_id: string;
            /** @enum {string} */
            status: "accepted";
        };
        DiscoverableList: {
            data: components["schemas"]["DiscoverableWorkflow"][];
            next_cursor: string | null;
        };
        DiscoverableWorkflow: {
            id: string;
            name: string;
            description: string | null;
            current_version: number;
            latest_version: number;
            concurrency: {
                limit: number;
                /** @description A template; runs with the same key share the limit */
                key?: string;
            } | null;
            rate_limit: {
                limit: number;
                /** @example 10s */
                period: number | string;
            } | null;
            discoverable: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The owner's app */
            app_id: string;
        };
        DiscoverableWorkflowWithDefinition: {
            id: string;
            name: string;
            description: string | null;
            current_version: number;
            latest_version: number;
            concurrency: {
                limit: number;
                /** @description A template; runs with the same key share the limit */
                key?: string;
            } | null;
            rate_limit: {
                limit: number;
                /** @example 10s */
                period: number | string;
            } | null;
            discoverable: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The owner's app */
            app_id: string;
            steps: components["schemas"]["Step"][];
            /** @description A JSON Schema (2020-12) */
            input_schema?: {
                [key: string]: unknown;
            };
            input_default?: {
                [key: string]: unknown;
            };
            /** @description A template; default: the last step's output */
            output?: unknown;
            /** @description A JSON Schema (2020-12) */
            output_schema?: {
                [key: string]: unknown;
            };
        };
        WorkflowScheduleList: {
            data: components["schemas"]["Schedule"][];
        };
        Schedule: {
            id: string;
            workflow_id: string;
            cron: string;
            timezone: string;
            profile: string;
            /** @enum {string} */
            overlap: "allow" | "skip";
            paused: boolean;
            /** Format: date-time */
            next_run_at: string | null;
            /** Format: date-time */
            last_run_at: string | null;
            last_run_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            input?: unknown;
            version: number | null;
            /** @description Fires skipped because the previous run had not ended (overlap: skip) */
            skipped_count: number;
            /** @description Why the last fire could not start a run */
            last_error: string | null;
        };
        CreateSchedule: {
            /**
             * @description Five fields (minute precision)
             * @example 0 9 * * 1-5
             */
            cron: string;
            /**
             * @description IANA timezone; default UTC
             * @example Europe/Berlin
             */
            timezone?: string;
            input?: unknown;
            profile?: string;
            /** @description Pin a version; default: the current one at each fire */
            version?: number | null;
            /**
             * @description skip: no new run while the previous one has not ended
             * @enum {string}
             */
            overlap?: "allow" | "skip";
            paused?: boolean;
        };
        ScheduleList: {
            data: components["schemas"]["ScheduleSummary"][];
            next_cursor: string | null;
        };
        ScheduleSummary: {
            id: string;
            workflow_id: string;
            cron: string;
            timezone: string;
            profile: string;
            /** @enum {string} */
            overlap: "allow" | "skip";
            paused: boolean;
            /** Format: date-time */
            next_run_at: string | null;
            /** Format: date-time */
            last_run_at: string | null;
            last_run_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PatchSchedule: {
            /**
             * @description Five fields (minute precision)
             * @example 0 9 * * 1-5
             */
            cron?: string;
            /**
             * @description IANA timezone; default UTC
             * @example Europe/Berlin
             */
            timezone?: string;
            input?: unknown;
            profile?: string;
            /** @description Pin a version; default: the current one at each fire */
            version?: number | null;
            /**
             * @description skip: no new run while the previous one has not ended
             * @enum {string}
             */
            overlap?: "allow" | "skip";
            paused?: boolean;
        };
        Installation: {
            /**
             * @description Your id of the installed app
             * @example teams-approvals
             */
            app_id: string;
            /**
             * @description The user's email, lower-cased
             * @example user@organization.com
             */
            email: string;
            installed: boolean;
            /** Format: date-time */
            installed_at: string;
        };
    };
    responses: {
        /** @description Missing, invalid, revoked or expired credentials: `UNAUTHORIZED` */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    error: {
                        /** @enum {string} */
                        code: "UNAUTHORIZED";
                    };
                };
            };
        };
        /** @description Something went wrong on Stepline's side; the request id finds it in the logs: `INTERNAL` */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    error: {
                        /** @enum {string} */
                        code: "INTERNAL";
                    };
                };
            };
        };
    };
    parameters: {
        /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
        RequestId: string;
        /** @description Makes the call safe to retry for 24 hours: the same key and body (compared as canonical JSON) return the first answer with `Idempotent-Replayed: true`; another body is a 422; a retry while the first is in progress is a 409. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description The request's id: yours when you sent a sane one, else a new one. Error bodies repeat it. */
        RequestId: string;
        /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    backfillRunsIndex: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What this call copied, and where the next one continues */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackfillPage"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getRunDiagnostics: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diagnosis */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDiagnosis"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listStuckRuns: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was checked and what is stuck */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checked: number;
                        stuck: components["schemas"]["RunDiagnosis"][];
                    };
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The app */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    createAppKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAppKey"];
            };
        };
        responses: {
            /** @description The key, with its secret shown once */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedKey"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app, and the credential's scopes */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Whoami"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    listKeys: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewKey"];
            };
        };
        responses: {
            /** @description The key */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedKey"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `CONFLICT` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "CONFLICT";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                action?: "workflow.created" | "workflow.updated" | "workflow.deleted" | "workflow.version_created" | "schedule.created" | "schedule.updated" | "schedule.paused" | "schedule.resumed" | "schedule.deleted" | "variable.set" | "variable.deleted" | "installation.created" | "installation.deleted" | "key.created" | "key.revoked" | "webhook_secret.rotated" | "run.updated" | "run.retention_changed" | "run.outputs_purged" | "run.purged" | "run.deleted";
                /** @description `workflow`, `schedule`, `variable`, `key`, `run`, ... */
                resource_type?: string;
                resource_id?: string;
                /** @description Entries at or after this time */
                since?: string;
                /** @description Entries at or before this time */
                until?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listWorkflows: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Exact name */
                name?: string;
                /** @description Part of the name, any case (`appr` finds `Approval`) */
                name_contains?: string;
                discoverable?: "0" | "1" | "true" | "false";
                include_deleted?: "0" | "1" | "true" | "false";
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of workflows, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    createWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
                /** @description Makes the call safe to retry for 24 hours: the same key and body (compared as canonical JSON) return the first answer with `Idempotent-Replayed: true`; another body is a 422; a retry while the first is in progress is a 409. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowDefinition"];
            };
        };
        responses: {
            /** @description The workflow */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowWithDefinition"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `IDEMPOTENCY_IN_PROGRESS` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_IN_PROGRESS";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            /** @description The Idempotency-Key was already used with a different request: `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_KEY_REUSED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    validateWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowDefinition"];
            };
        };
        responses: {
            /** @description Whether the definition is valid, and every problem with it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Validation"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    validateWorkflowVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDefinition"];
            };
        };
        responses: {
            /** @description Whether the version is valid, and every problem with it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Validation"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getWorkflow: {
        parameters: {
            query?: {
                include_deleted?: "0" | "1" | "true" | "false";
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowWithDefinition"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    deleteWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted workflow */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    updateWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowPatch"];
            };
        };
        responses: {
            /** @description The workflow */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowWithDefinition"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listWorkflowVersions: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    createWorkflowVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDefinition"];
            };
        };
        responses: {
            /** @description The new version */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersion"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getWorkflowVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersion"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND`, `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND" | "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getWorkflowStats: {
        parameters: {
            query?: {
                /** @description 24h (hourly buckets), 7d or 30d (daily) */
                window?: "24h" | "7d" | "30d";
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stats */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStats"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listStepTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The step types */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepTypeList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    listWorkflowRuns: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description One status or several, comma-separated */
                status?: string;
                /** @description Only runs of this workflow version */
                version?: number;
                /** @description Only runs started with this process id */
                process_id?: string;
                /** @description Only runs that failed at this step */
                failed_step?: string;
                /** @description Only runs that ended with this error code */
                error_code?: string;
                created_after?: string;
                created_before?: string;
                /** @description Runs started through this surface: native, leap, pipelines, ... */
                surface?: string;
                /** @description Include soft-deleted runs */
                include_deleted?: "0" | "1" | "true" | "false";
                /** @description Runs whose metadata has this top-level value, as text: metadata[customer]=acme (up to 5 keys) */
                "metadata[key]"?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    startRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
                /** @description Makes the call safe to retry for 24 hours: the same key and body (compared as canonical JSON) return the first answer with `Idempotent-Replayed: true`; another body is a 422; a retry while the first is in progress is a 409. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StartRun"];
            };
        };
        responses: {
            /** @description The run */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `INPUT_INVALID`, `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INPUT_INVALID" | "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `IDEMPOTENCY_IN_PROGRESS` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_IN_PROGRESS";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            /** @description The Idempotency-Key was already used with a different request: `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_KEY_REUSED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description One status or several, comma-separated */
                status?: string;
                workflow_id?: string;
                /** @description Only runs of this workflow version */
                version?: number;
                /** @description Only runs started with this process id */
                process_id?: string;
                /** @description Only runs that failed at this step */
                failed_step?: string;
                /** @description Only runs that ended with this error code */
                error_code?: string;
                created_after?: string;
                created_before?: string;
                /** @description Runs started through this surface: native, leap, pipelines, ... */
                surface?: string;
                /** @description Include soft-deleted runs */
                include_deleted?: "0" | "1" | "true" | "false";
                /** @description Runs whose metadata has this top-level value, as text: metadata[customer]=acme (up to 5 keys) */
                "metadata[key]"?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    purgeRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Purged */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurgedRun"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_NOT_ENDED` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_ENDED";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    updateRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunPatch"];
            };
        };
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listRunEvents: {
        parameters: {
            query?: {
                after?: number | null;
                limit?: number;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events after `after`; pass next_after back as `after` for the next page */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunEventPage"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    sendRunEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendRunEvent"];
            };
        };
        responses: {
            /** @description Applied */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "applied" | "buffered";
                        /** @description The step that took the event; null while it is kept */
                        step_id: string | null;
                        event_id: string;
                    };
                };
            };
            /** @description Kept for a later step */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "applied" | "buffered";
                        /** @description The step that took the event; null while it is kept */
                        step_id: string | null;
                        event_id: string;
                    };
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_ALREADY_FINISHED`, `DUPLICATE_EVENT`, `NO_WAITING_STEP` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_ALREADY_FINISHED" | "DUPLICATE_EVENT" | "NO_WAITING_STEP";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    streamRunEvents: {
        parameters: {
            query?: {
                after?: number | null;
            };
            header?: {
                /** @description The last sequence number seen; the stream resumes after it (wins over `after`) */
                "Last-Event-ID"?: string;
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    startQueuedRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_ALREADY_STARTED` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_ALREADY_STARTED";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    pauseRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_NOT_RUNNING` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_RUNNING";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    resumeRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_NOT_PAUSED`, `RUN_OUTPUTS_PURGED` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_PAUSED" | "RUN_OUTPUTS_PURGED";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelRun"];
            };
        };
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_ALREADY_FINISHED` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_ALREADY_FINISHED";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    replayRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
                /** @description Makes the call safe to retry for 24 hours: the same key and body (compared as canonical JSON) return the first answer with `Idempotent-Replayed: true`; another body is a 422; a retry while the first is in progress is a 409. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Replay"];
            };
        };
        responses: {
            /** @description The new run */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_OUTPUTS_PURGED`, `IDEMPOTENCY_IN_PROGRESS` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_OUTPUTS_PURGED" | "IDEMPOTENCY_IN_PROGRESS";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            /** @description The Idempotency-Key was already used with a different request: `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_KEY_REUSED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    updateRunRetention: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    max_age_seconds?: number;
                    preserve_on_failure?: boolean;
                };
            };
        };
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getWorkflowSchema: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schema */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowSchema"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    purgeRunOutputs: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was purged: the steps that held an input or output */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurgedOutputs"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `RUN_NOT_ENDED` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_ENDED";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listRunDeliveries: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `RUN_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDetail"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    redeliverDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, pending again */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDetail"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listProfiles: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Profiles */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    listVariables: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                profile: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Variables by name */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariableList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getVariable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                profile: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variable */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Variable"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    setVariable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                profile: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutVariable"];
            };
        };
        responses: {
            /** @description The variable */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Variable"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    deleteVariable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                profile: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted variable */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Variable"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    updateVariable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                profile: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchVariable"];
            };
        };
        responses: {
            /** @description The variable */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Variable"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    completeCallback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": unknown;
                "text/plain": string;
            };
        };
        responses: {
            /** @description The step completed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAccepted"];
                };
            };
            /** @description The request is not valid: `INVALID_JSON`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INVALID_JSON" | "VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `CALLBACK_ALREADY_USED` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "CALLBACK_ALREADY_USED";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `CALLBACK_EXPIRED`, `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "CALLBACK_EXPIRED" | "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listDiscoverableWorkflows: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                name?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of discoverable workflows */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoverableList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getDiscoverableWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoverableWorkflowWithDefinition"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getDiscoverableWorkflowVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersion"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND`, `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND" | "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    startDiscoverableRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
                /** @description Makes the call safe to retry for 24 hours: the same key and body (compared as canonical JSON) return the first answer with `Idempotent-Replayed: true`; another body is a 422; a retry while the first is in progress is a 409. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StartRun"];
            };
        };
        responses: {
            /** @description The run */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is not valid: `INPUT_INVALID`, `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INPUT_INVALID" | "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Not allowed in the current state: `IDEMPOTENCY_IN_PROGRESS` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_IN_PROGRESS";
                        };
                    };
                };
            };
            /** @description Gone: the run was purged, or the callback URL expired: `RUN_PURGED` */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "RUN_PURGED";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            /** @description The Idempotency-Key was already used with a different request: `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "IDEMPOTENCY_KEY_REUSED";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    pauseWorkflowSchedules: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow's schedules, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowScheduleList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    resumeWorkflowSchedules: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow's schedules, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowScheduleList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    createSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSchedule"];
            };
        };
        responses: {
            /** @description The schedule */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listSchedules: {
        parameters: {
            query?: {
                /** @description At most 100 */
                limit?: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                workflow_id?: string;
            };
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of schedules */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleList"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    deleteSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted schedule */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    updateSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchSchedule"];
            };
        };
        responses: {
            /** @description The schedule */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED`, `INVALID_JSON` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "INVALID_JSON";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND`, `WORKFLOW_NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND" | "WORKFLOW_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description The body is not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getInstallation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description Your id of the installed app (not a Stepline app id) */
                app_id: string;
                /** @description The user's email address */
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Installed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Installation"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    putInstallation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description Your id of the installed app (not a Stepline app id) */
                app_id: string;
                /** @description The user's email address */
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Already recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Installation"];
                };
            };
            /** @description Recorded */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Installation"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    deleteInstallation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (1-128 of `A-Z a-z 0-9 _ . : -`), echoed back and logged; anything else is replaced */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description Your id of the installed app (not a Stepline app id) */
                app_id: string;
                /** @description The user's email address */
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed; installed is false */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Installation"];
                };
            };
            /** @description The request is not valid: `VALIDATION_FAILED` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED";
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's scopes do not cover this operation; nothing was changed: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "INSUFFICIENT_SCOPE";
                        };
                    };
                };
            };
            /** @description Not found (another app's objects are not found either): `NOT_FOUND` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description The request body or the run input is too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error: {
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
}

/** Every status a run can have, in the document's order. */
export const RUN_STATUSES = ["queued","running","waiting","paused","completed","failed","cancelled"] as const satisfies readonly components["schemas"]["Run"]["status"][];
