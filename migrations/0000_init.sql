CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE INDEX `api_keys_app` ON `api_keys` (`app_id`,`id`);--> statement-breakpoint
CREATE TABLE `apps` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`webhook_secret` text NOT NULL,
	`previous_webhook_secret` text,
	`webhook_secret_rotated_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`app_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expiry` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`trigger` text NOT NULL,
	`surface` text DEFAULT 'native' NOT NULL,
	`schedule_id` text,
	`parent_run_id` text,
	`profile` text DEFAULT 'default' NOT NULL,
	`metadata` text,
	`error_code` text,
	`state_seq` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`updated_at` integer NOT NULL,
	`purged_at` integer
);
--> statement-breakpoint
CREATE INDEX `runs_app` ON `runs` (`app_id`,`id`);--> statement-breakpoint
CREATE INDEX `runs_app_status` ON `runs` (`app_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `runs_workflow` ON `runs` (`workflow_id`,`id`);--> statement-breakpoint
CREATE INDEX `runs_workflow_status` ON `runs` (`workflow_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `runs_schedule` ON `runs` (`schedule_id`,`id`);--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`cron` text NOT NULL,
	`timezone` text NOT NULL,
	`input` text,
	`profile` text DEFAULT 'default' NOT NULL,
	`version` integer,
	`overlap` text DEFAULT 'allow' NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`next_run_at` integer,
	`last_run_at` integer,
	`last_run_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `schedules_app` ON `schedules` (`app_id`,`id`);--> statement-breakpoint
CREATE INDEX `schedules_workflow` ON `schedules` (`workflow_id`,`id`);--> statement-breakpoint
CREATE TABLE `variables` (
	`app_id` text NOT NULL,
	`profile` text NOT NULL,
	`name` text NOT NULL,
	`value` text NOT NULL,
	`secret` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `profile`, `name`)
);
--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`delivery_id`, `attempt`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`run_id` text NOT NULL,
	`event` text NOT NULL,
	`url` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempt_count` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_expires_at` integer,
	`last_status_code` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_run` ON `webhook_deliveries` (`run_id`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `workflow_versions` (
	`workflow_id` text NOT NULL,
	`version` integer NOT NULL,
	`app_id` text NOT NULL,
	`definition` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workflow_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `workflows` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`current_version` integer NOT NULL,
	`latest_version` integer NOT NULL,
	`webhook_url` text,
	`retention` text,
	`concurrency` text,
	`rate_limit` text,
	`discoverable` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `workflows_app` ON `workflows` (`app_id`,`id`);--> statement-breakpoint
CREATE INDEX `workflows_app_name` ON `workflows` (`app_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `workflows_discoverable` ON `workflows` (`id`) WHERE "workflows"."discoverable" = 1 AND "workflows"."deleted_at" IS NULL;