CREATE TABLE `knowledge_topics` (
	`id` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`sample_questions` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `knowledge_topics_agent_name` ON `knowledge_topics` (`agent_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `knowledge_topics_agent_position` ON `knowledge_topics` (`agent_id`,`position`);--> statement-breakpoint
-- Handoff records stored before topics existed name no topic: say so, so every record has the field.
UPDATE `conversations` SET `handoff` = json_set(`handoff`, '$.topic', json('null')) WHERE `handoff` IS NOT NULL AND json_type(`handoff`, '$.topic') IS NULL;
