CREATE TABLE `environment_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` text NOT NULL,
	`environment` text NOT NULL,
	`kind` text NOT NULL,
	`from_version` integer,
	`to_version` integer,
	`rolled_back` integer DEFAULT false NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `environment_moves_agent` ON `environment_moves` (`agent_id`,`environment`,`id`);--> statement-breakpoint
ALTER TABLE `agents` ADD `pre_release_version` integer;