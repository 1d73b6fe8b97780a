CREATE TABLE `scenario_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`result` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scenario_runs_scenario` ON `scenario_runs` (`scenario_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `scenario_runs_agent` ON `scenario_runs` (`agent_id`);--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`definition` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenarios_agent_name` ON `scenarios` (`agent_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `scenarios_agent_position` ON `scenarios` (`agent_id`,`position`);