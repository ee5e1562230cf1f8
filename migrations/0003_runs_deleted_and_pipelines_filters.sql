ALTER TABLE `runs` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `runs_app_surface` ON `runs` (`app_id`,`surface`,`id`);--> statement-breakpoint
CREATE INDEX `runs_pipelines_origin_instance` ON `runs` (`app_id`,"metadata" ->> '$.origin_instance',`id`) WHERE "surface" = 'pipelines';--> statement-breakpoint
CREATE INDEX `runs_pipelines_origin_tenant_id` ON `runs` (`app_id`,"metadata" ->> '$.origin_tenant_id',`id`) WHERE "surface" = 'pipelines';