CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`action` text NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`request_id` text,
	`changes` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_app` ON `audit_log` (`app_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_app_action` ON `audit_log` (`app_id`,`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_app_resource` ON `audit_log` (`app_id`,`resource_type`,`resource_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_created` ON `audit_log` (`created_at`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `scopes` text DEFAULT '["admin"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `last_used_at` integer;