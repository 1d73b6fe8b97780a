-- Review at a million calls (docs/design.md §8). Three changes, decided by measurements at 1,000,000 rows:
--
-- 1. A conversation's rowid follows the list's order, newest first: -(started_at in epoch milliseconds) << 19,
--    plus a slot for calls that started in the same millisecond (in arrival order; up to 524,288 of them).
--    An index keyed by rowid (FTS5) then walks newest first and stops after a page, instead of
--    collecting every match and sorting (FTS5 walks a list upwards much faster than downwards). Writers give the rowid (db/repositories/conversations.ts);
--    a row inserted without it is moved to its place by the trigger below. Existing rows are renumbered here.
-- 2. conversations_fts is rebuilt contentless (the text is stored once, in conversations), with a prefix
--    index for 2 to 6 characters (`refu*` reads one list instead of merging every word's) and a `facets`
--    column: one token per equality filter value (agent, outcome, reason, destination, method, source,
--    transfer outcome, version), spelled from hex() so any value is one token, e.g. o<hex agent>z<hex value>.
--    Text with filters is one FTS5 AND, walked in time order.
-- 3. conversations_facet_pairs holds one token per pair of filter values of a call (21 at most), so two or
--    more filters together are one list (exact), not an intersection of two long lists: "hangup and Billing
--    Support" when no call has both is an empty list, found at once.
DROP TRIGGER IF EXISTS `conversations_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `conversations_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `conversations_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `conversations_fts`;
--> statement-breakpoint
CREATE TEMP TABLE `conversation_keys` AS SELECT rowid AS old_key, started_at, id,
  ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) AS base FROM conversations;
--> statement-breakpoint
-- Out of the way first (below any new key), so no new key meets an old one.
UPDATE conversations SET rowid = -9223372036854775807 + rowid;
--> statement-breakpoint
UPDATE conversations SET rowid = k.new_key
  FROM (SELECT old_key, base + row_number() OVER (PARTITION BY base ORDER BY started_at, id) - 1 AS new_key FROM conversation_keys) AS k
  WHERE k.old_key = conversations.rowid + 9223372036854775807;
--> statement-breakpoint
DROP TABLE `conversation_keys`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `conversations_fts` USING fts5(transcript_text, facets, content='', contentless_delete=1, prefix='2 3 4 5 6', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `conversations_facet_pairs` USING fts5(pairs, content='', contentless_delete=1, detail='none', tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `conversations_search_insert` AFTER INSERT ON `conversations` BEGIN
  UPDATE conversations SET rowid = coalesce((SELECT max(rowid) FROM conversations WHERE rowid BETWEEN ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) AND ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) + 524287), ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) - 1) + 1
    WHERE rowid = new.rowid AND new.rowid NOT BETWEEN ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) AND ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) + 524287;
  INSERT INTO conversations_fts(rowid, transcript_text, facets) SELECT rowid, transcript_text,
    'g' || hex(agent_id)
    || CASE WHEN outcome IS NOT NULL THEN ' o' || hex(agent_id) || 'z' || hex(outcome) ELSE '' END
    || CASE WHEN reason IS NOT NULL THEN ' r' || hex(agent_id) || 'z' || hex(reason) ELSE '' END
    || CASE WHEN destination IS NOT NULL THEN ' w' || hex(agent_id) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN method IS NOT NULL THEN ' m' || hex(agent_id) || 'z' || hex(method) ELSE '' END
    || CASE WHEN source IS NOT NULL THEN ' s' || hex(agent_id) || 'z' || hex(source) ELSE '' END
    || CASE WHEN transfer_outcome IS NOT NULL THEN ' t' || hex(agent_id) || 'z' || hex(transfer_outcome) ELSE '' END
    || ' v' || hex(agent_id) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END
  FROM conversations WHERE id = new.id;
  INSERT INTO conversations_facet_pairs(rowid, pairs) SELECT rowid,
    ''
    || CASE WHEN outcome IS NOT NULL AND reason IS NOT NULL THEN ' or' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(reason) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND destination IS NOT NULL THEN ' ow' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND method IS NOT NULL THEN ' om' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(method) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND source IS NOT NULL THEN ' os' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(source) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' ot' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN outcome IS NOT NULL THEN ' ov' || hex(agent_id) || 'z' || hex(outcome) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN reason IS NOT NULL AND destination IS NOT NULL THEN ' rw' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND method IS NOT NULL THEN ' rm' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(method) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND source IS NOT NULL THEN ' rs' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(source) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' rt' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN reason IS NOT NULL THEN ' rv' || hex(agent_id) || 'z' || hex(reason) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN destination IS NOT NULL AND method IS NOT NULL THEN ' wm' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(method) ELSE '' END
    || CASE WHEN destination IS NOT NULL AND source IS NOT NULL THEN ' ws' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(source) ELSE '' END
    || CASE WHEN destination IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' wt' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN destination IS NOT NULL THEN ' wv' || hex(agent_id) || 'z' || hex(destination) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN method IS NOT NULL AND source IS NOT NULL THEN ' ms' || hex(agent_id) || 'z' || hex(method) || 'z' || hex(source) ELSE '' END
    || CASE WHEN method IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' mt' || hex(agent_id) || 'z' || hex(method) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN method IS NOT NULL THEN ' mv' || hex(agent_id) || 'z' || hex(method) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN source IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' st' || hex(agent_id) || 'z' || hex(source) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN source IS NOT NULL THEN ' sv' || hex(agent_id) || 'z' || hex(source) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN transfer_outcome IS NOT NULL THEN ' tv' || hex(agent_id) || 'z' || hex(transfer_outcome) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
  FROM conversations WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_delete` AFTER DELETE ON `conversations` BEGIN
  DELETE FROM conversations_fts WHERE rowid = old.rowid;
  DELETE FROM conversations_facet_pairs WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_update` AFTER UPDATE OF started_at, agent_id, outcome, reason, destination, method, source, transfer_outcome, version, transcript_text ON `conversations` BEGIN
  DELETE FROM conversations_fts WHERE rowid = old.rowid;
  DELETE FROM conversations_facet_pairs WHERE rowid = old.rowid;
  UPDATE conversations SET rowid = coalesce((SELECT max(rowid) FROM conversations WHERE rowid BETWEEN ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) AND ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) + 524287), ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) - 1) + 1
    WHERE id = new.id AND rowid NOT BETWEEN ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) AND ((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(new.started_at) - 2440587.5) * 86400000) AS INTEGER)))) << 19) + 524287;
  INSERT INTO conversations_fts(rowid, transcript_text, facets) SELECT rowid, transcript_text,
    'g' || hex(agent_id)
    || CASE WHEN outcome IS NOT NULL THEN ' o' || hex(agent_id) || 'z' || hex(outcome) ELSE '' END
    || CASE WHEN reason IS NOT NULL THEN ' r' || hex(agent_id) || 'z' || hex(reason) ELSE '' END
    || CASE WHEN destination IS NOT NULL THEN ' w' || hex(agent_id) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN method IS NOT NULL THEN ' m' || hex(agent_id) || 'z' || hex(method) ELSE '' END
    || CASE WHEN source IS NOT NULL THEN ' s' || hex(agent_id) || 'z' || hex(source) ELSE '' END
    || CASE WHEN transfer_outcome IS NOT NULL THEN ' t' || hex(agent_id) || 'z' || hex(transfer_outcome) ELSE '' END
    || ' v' || hex(agent_id) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END
  FROM conversations WHERE id = new.id;
  INSERT INTO conversations_facet_pairs(rowid, pairs) SELECT rowid,
    ''
    || CASE WHEN outcome IS NOT NULL AND reason IS NOT NULL THEN ' or' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(reason) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND destination IS NOT NULL THEN ' ow' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND method IS NOT NULL THEN ' om' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(method) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND source IS NOT NULL THEN ' os' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(source) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' ot' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN outcome IS NOT NULL THEN ' ov' || hex(agent_id) || 'z' || hex(outcome) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN reason IS NOT NULL AND destination IS NOT NULL THEN ' rw' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND method IS NOT NULL THEN ' rm' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(method) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND source IS NOT NULL THEN ' rs' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(source) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' rt' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN reason IS NOT NULL THEN ' rv' || hex(agent_id) || 'z' || hex(reason) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN destination IS NOT NULL AND method IS NOT NULL THEN ' wm' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(method) ELSE '' END
    || CASE WHEN destination IS NOT NULL AND source IS NOT NULL THEN ' ws' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(source) ELSE '' END
    || CASE WHEN destination IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' wt' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN destination IS NOT NULL THEN ' wv' || hex(agent_id) || 'z' || hex(destination) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN method IS NOT NULL AND source IS NOT NULL THEN ' ms' || hex(agent_id) || 'z' || hex(method) || 'z' || hex(source) ELSE '' END
    || CASE WHEN method IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' mt' || hex(agent_id) || 'z' || hex(method) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN method IS NOT NULL THEN ' mv' || hex(agent_id) || 'z' || hex(method) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN source IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' st' || hex(agent_id) || 'z' || hex(source) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN source IS NOT NULL THEN ' sv' || hex(agent_id) || 'z' || hex(source) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN transfer_outcome IS NOT NULL THEN ' tv' || hex(agent_id) || 'z' || hex(transfer_outcome) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
  FROM conversations WHERE id = new.id;
END;
--> statement-breakpoint
INSERT INTO conversations_fts(rowid, transcript_text, facets) SELECT rowid, transcript_text,
    'g' || hex(agent_id)
    || CASE WHEN outcome IS NOT NULL THEN ' o' || hex(agent_id) || 'z' || hex(outcome) ELSE '' END
    || CASE WHEN reason IS NOT NULL THEN ' r' || hex(agent_id) || 'z' || hex(reason) ELSE '' END
    || CASE WHEN destination IS NOT NULL THEN ' w' || hex(agent_id) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN method IS NOT NULL THEN ' m' || hex(agent_id) || 'z' || hex(method) ELSE '' END
    || CASE WHEN source IS NOT NULL THEN ' s' || hex(agent_id) || 'z' || hex(source) ELSE '' END
    || CASE WHEN transfer_outcome IS NOT NULL THEN ' t' || hex(agent_id) || 'z' || hex(transfer_outcome) ELSE '' END
    || ' v' || hex(agent_id) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END
  FROM conversations;
--> statement-breakpoint
INSERT INTO conversations_facet_pairs(rowid, pairs) SELECT rowid,
    ''
    || CASE WHEN outcome IS NOT NULL AND reason IS NOT NULL THEN ' or' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(reason) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND destination IS NOT NULL THEN ' ow' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND method IS NOT NULL THEN ' om' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(method) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND source IS NOT NULL THEN ' os' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(source) ELSE '' END
    || CASE WHEN outcome IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' ot' || hex(agent_id) || 'z' || hex(outcome) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN outcome IS NOT NULL THEN ' ov' || hex(agent_id) || 'z' || hex(outcome) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN reason IS NOT NULL AND destination IS NOT NULL THEN ' rw' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(destination) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND method IS NOT NULL THEN ' rm' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(method) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND source IS NOT NULL THEN ' rs' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(source) ELSE '' END
    || CASE WHEN reason IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' rt' || hex(agent_id) || 'z' || hex(reason) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN reason IS NOT NULL THEN ' rv' || hex(agent_id) || 'z' || hex(reason) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN destination IS NOT NULL AND method IS NOT NULL THEN ' wm' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(method) ELSE '' END
    || CASE WHEN destination IS NOT NULL AND source IS NOT NULL THEN ' ws' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(source) ELSE '' END
    || CASE WHEN destination IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' wt' || hex(agent_id) || 'z' || hex(destination) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN destination IS NOT NULL THEN ' wv' || hex(agent_id) || 'z' || hex(destination) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN method IS NOT NULL AND source IS NOT NULL THEN ' ms' || hex(agent_id) || 'z' || hex(method) || 'z' || hex(source) ELSE '' END
    || CASE WHEN method IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' mt' || hex(agent_id) || 'z' || hex(method) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN method IS NOT NULL THEN ' mv' || hex(agent_id) || 'z' || hex(method) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN source IS NOT NULL AND transfer_outcome IS NOT NULL THEN ' st' || hex(agent_id) || 'z' || hex(source) || 'z' || hex(transfer_outcome) ELSE '' END
    || CASE WHEN source IS NOT NULL THEN ' sv' || hex(agent_id) || 'z' || hex(source) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
    || CASE WHEN transfer_outcome IS NOT NULL THEN ' tv' || hex(agent_id) || 'z' || hex(transfer_outcome) || 'z' || CASE WHEN version IS NULL THEN 'n' ELSE hex(version) END ELSE '' END
  FROM conversations;
