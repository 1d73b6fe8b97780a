ALTER TABLE `handoff_destinations` ADD `outbound_endpoint` text;--> statement-breakpoint
ALTER TABLE `handoff_destinations` ADD `outbound_encryption` text DEFAULT 'UDP/RTP' NOT NULL;