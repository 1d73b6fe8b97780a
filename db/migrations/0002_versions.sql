CREATE TABLE `agent_versions` (
	`agent_id` text NOT NULL,
	`number` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author` text NOT NULL,
	`created_at` text NOT NULL,
	`content_hash` text NOT NULL,
	`document` text NOT NULL,
	PRIMARY KEY(`agent_id`, `number`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `agents` ADD `live_version` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `version` integer;--> statement-breakpoint
-- A published version never changes. Deleting one is refused too, unless its agent is being
-- deleted (the cascade runs after the agent row is gone).
CREATE TRIGGER `agent_versions_immutable_update` BEFORE UPDATE ON `agent_versions`
BEGIN
	SELECT RAISE(ABORT, 'agent versions are immutable');
END;--> statement-breakpoint
CREATE TRIGGER `agent_versions_immutable_delete` BEFORE DELETE ON `agent_versions`
WHEN EXISTS (SELECT 1 FROM `agents` WHERE `id` = OLD.`agent_id`)
BEGIN
	SELECT RAISE(ABORT, 'agent versions are immutable');
END;
