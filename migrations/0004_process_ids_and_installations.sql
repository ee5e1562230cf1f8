CREATE TABLE `installations` (
	`app_id` text NOT NULL,
	`installed_app_id` text NOT NULL,
	`email` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `installed_app_id`, `email`)
);
--> statement-breakpoint
ALTER TABLE `runs` ADD `process_id` text;--> statement-breakpoint
CREATE INDEX `runs_app_process` ON `runs` (`app_id`,`process_id`,`id`) WHERE "runs"."process_id" IS NOT NULL;