CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`trunk_host` text DEFAULT 'trunk.switchboard.example' NOT NULL,
	`pbx_host` text DEFAULT 'pbx.switchboard.example' NOT NULL,
	`function_timeout_ms` integer DEFAULT 2000 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handoff_destinations` (
	`id` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`method` text NOT NULL,
	`route` text,
	`sip_headers` text DEFAULT '[]' NOT NULL,
	`refer_header_placement` text DEFAULT 'request' NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handoff_destinations_agent_name` ON `handoff_destinations` (`agent_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `handoff_destinations_agent_position` ON `handoff_destinations` (`agent_id`,`position`);--> statement-breakpoint
CREATE TABLE `variables` (
	`agent_id` text NOT NULL,
	`name` text NOT NULL,
	`sample_value` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `variables_agent_name` ON `variables` (`agent_id`,`name`);