ALTER TABLE `conversations` ADD `transfer_outcome` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `transfer_attempts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `handoff_destinations` ADD `ring_timeout_seconds` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `handoff_destinations` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Calls stored before transfer outcomes were handed off successfully: say so in the record and the filter column.
UPDATE `conversations` SET `transfer_outcome` = 'completed', `handoff` = json_set(`handoff`, '$.outcome', 'completed', '$.sip_status', 200, '$.attempts', json('[]')) WHERE `handoff` IS NOT NULL;
