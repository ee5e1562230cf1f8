ALTER TABLE `idempotency_keys` ADD `resource_id` text;--> statement-breakpoint
CREATE INDEX `idempotency_keys_resource` ON `idempotency_keys` (`resource_id`);