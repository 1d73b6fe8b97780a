CREATE INDEX `conversations_agent_outcome` ON `conversations` (`agent_id`,`outcome`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_agent_reason` ON `conversations` (`agent_id`,`reason`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_agent_destination` ON `conversations` (`agent_id`,`destination`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_agent_method` ON `conversations` (`agent_id`,`method`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_agent_source` ON `conversations` (`agent_id`,`source`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_agent_transfer_outcome` ON `conversations` (`agent_id`,`transfer_outcome`,`started_at`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_agent_version` ON `conversations` (`agent_id`,`version`,`started_at`,`id`);--> statement-breakpoint
-- Transcript search: an FTS5 index over conversations.transcript_text (external content: the text
-- is stored once, in conversations), kept in step by triggers in the inserting transaction.
-- unicode61 folds case and removes diacritics. Its rowids are the conversations' rowids.
CREATE VIRTUAL TABLE `conversations_fts` USING fts5(transcript_text, content='conversations', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `conversations_fts_insert` AFTER INSERT ON `conversations` BEGIN
  INSERT INTO conversations_fts(rowid, transcript_text) VALUES (new.rowid, new.transcript_text);
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_fts_delete` AFTER DELETE ON `conversations` BEGIN
  INSERT INTO conversations_fts(conversations_fts, rowid, transcript_text) VALUES ('delete', old.rowid, old.transcript_text);
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_fts_update` AFTER UPDATE OF transcript_text ON `conversations` BEGIN
  INSERT INTO conversations_fts(conversations_fts, rowid, transcript_text) VALUES ('delete', old.rowid, old.transcript_text);
  INSERT INTO conversations_fts(rowid, transcript_text) VALUES (new.rowid, new.transcript_text);
END;
--> statement-breakpoint
INSERT INTO conversations_fts(conversations_fts) VALUES ('rebuild');
