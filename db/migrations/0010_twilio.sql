CREATE TABLE `twilio_account` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_sid` text NOT NULL,
	`auth_token_encrypted` text NOT NULL,
	`public_base_url` text NOT NULL,
	`friendly_name` text,
	`connected_at` text NOT NULL,
	`verified_at` text
);
--> statement-breakpoint
CREATE TABLE `twilio_calls` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`version` integer NOT NULL,
	`call_sid` text NOT NULL,
	`from_number` text NOT NULL,
	`to_number` text NOT NULL,
	`started_at` text NOT NULL,
	`session` text NOT NULL,
	`turn_start` text NOT NULL,
	`turn_events` text NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`finished_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `twilio_calls_call_sid` ON `twilio_calls` (`call_sid`);--> statement-breakpoint
CREATE TABLE `twilio_numbers` (
	`phone_number` text PRIMARY KEY NOT NULL,
	`sid` text,
	`friendly_name` text DEFAULT '' NOT NULL,
	`agent_id` text,
	`assigned_by` text,
	`assigned_at` text,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `twilio_numbers_agent` ON `twilio_numbers` (`agent_id`);