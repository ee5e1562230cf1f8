CREATE TABLE `run_index_shards` (
	`app_id` text NOT NULL,
	`month` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `month`)
);
