import type { Db } from "../client";
import { newId } from "../ids";
import { prepared } from "./statements";
import {
  conversationInputSchema,
  transcriptText,
  type Conversation,
  type ConversationSummary,
} from "../../lib/conversations/schema";
import { parseWith, type FieldErrors } from "../../lib/validation/field-errors";
import { encodeCursor, type ConversationCursor, type ConversationFilters } from "../../lib/conversations/filters";
import { ORDER, ORDER_KEY_SQL, pageQuery, type Driver } from "./conversation-query";

const SUMMARY_COLUMNS =
  "id, agent_id, flow_id, channel, version, started_at, ended_at, duration_ms, outcome, end_reason, turn_count, reason, destination, method, source, transfer_outcome, handoff";

const INSERT_SQL = `INSERT INTO conversations
  (rowid, id, agent_id, flow_id, channel, version, started_at, ended_at, duration_ms, outcome, end_reason, turn_count, reason, destination,
   method, source, transfer_outcome, transcript_text, variables, turns, path, node_titles, handoff, metrics, logs, sip_trace,
   transfer_attempts)
  VALUES (${ORDER_KEY_SQL("@started_at")}, @id, @agent_id, @flow_id, @channel, @version, @started_at, @ended_at, @duration_ms, @outcome, @end_reason, @turn_count, @reason,
   @destination, @method, @source, @transfer_outcome, @transcript_text, @variables, @turns, @path, @node_titles, @handoff,
   @metrics, @logs, @sip_trace, @transfer_attempts)`;

/** The same insert, refusing an id that is already stored without touching the stored row. */
const INSERT_NEW_SQL = `${INSERT_SQL} ON CONFLICT(id) DO NOTHING`;

/** Timestamps are stored as UTC `toISOString()` text so that ordering and cursors compare as strings. */
const utc = (iso: string) => new Date(iso).toISOString();

export type InsertConversationResult =
  | { ok: true; conversation: Conversation }
  | { ok: false; status: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; status: "duplicate"; id: string };

/** Who may store the record: a caller storing for one agent and channel names them. */
export interface ConversationScope {
  agentId: string;
  channel: string;
}

/**
 * Stores a finished call; the one place a conversation record is parsed and stored. The input is
 * anything (the simulator's record arrives from the browser): a malformed record, one outside
 * `scope`, or an id already stored is reported, never thrown, and writes nothing.
 */
export function insertConversation(db: Db, input: unknown, scope?: ConversationScope): InsertConversationResult {
  const parsed = parseWith(conversationInputSchema, input);
  if (!parsed.ok) return { ok: false, status: "invalid", fieldErrors: parsed.fieldErrors };
  const c = parsed.value;
  if (scope && c.agent_id !== scope.agentId)
    return { ok: false, status: "invalid", fieldErrors: { agent_id: "The record belongs to another agent" } };
  if (scope && c.channel !== scope.channel)
    return { ok: false, status: "invalid", fieldErrors: { channel: `Expected channel ${scope.channel}` } };
  const record: Conversation = {
    ...c,
    id: c.id ?? newId("conv"),
    started_at: utc(c.started_at),
    ended_at: c.ended_at === null ? null : utc(c.ended_at),
  };
  // One statement: two saves of the same call cannot both pass a check made before the insert.
  const { changes } = prepared(db, INSERT_NEW_SQL).run(conversationRow(record));
  if (changes === 0) return { ok: false, status: "duplicate", id: record.id };
  return { ok: true, conversation: record };
}

/** The row for a record; exported for bulk loaders (the API benchmark) that reuse the statement. */
export function conversationRow(c: Conversation): Record<string, string | number | null> {
  return {
    id: c.id,
    agent_id: c.agent_id,
    flow_id: c.flow_id,
    channel: c.channel,
    version: c.version,
    started_at: c.started_at,
    ended_at: c.ended_at,
    duration_ms: c.duration_ms,
    outcome: c.outcome,
    end_reason: c.end_reason,
    turn_count: c.turns.length,
    reason: c.handoff?.reason ?? null,
    destination: c.handoff?.destination ?? null,
    method: c.handoff?.method ?? null,
    source: c.handoff?.source ?? null,
    transfer_outcome: c.handoff?.outcome ?? null,
    transcript_text: transcriptText(c.turns),
    variables: JSON.stringify(c.variables),
    turns: JSON.stringify(c.turns),
    path: JSON.stringify(c.path),
    node_titles: JSON.stringify(c.node_titles),
    handoff: c.handoff === null ? null : JSON.stringify(c.handoff),
    metrics: JSON.stringify(c.metrics),
    logs: JSON.stringify(c.logs),
    sip_trace: c.sip_trace === null ? null : JSON.stringify(c.sip_trace),
    transfer_attempts: JSON.stringify(c.transfer_attempts),
  };
}

export const INSERT_CONVERSATION_SQL = INSERT_SQL;

interface FullRow {
  id: string;
  agent_id: string;
  flow_id: string | null;
  channel: string;
  version: number | null;
  started_at: string;
  ended_at: string | null;
  duration_ms: number;
  outcome: Conversation["outcome"];
  end_reason: string | null;
  variables: string;
  turns: string;
  path: string;
  node_titles: string;
  handoff: string | null;
  metrics: string;
  logs: string;
  sip_trace: string | null;
  transfer_attempts: string;
}

export function getConversation(db: Db, id: string): Conversation | null {
  const row = prepared(
    db,
    "SELECT id, agent_id, flow_id, channel, version, started_at, ended_at, duration_ms, outcome, end_reason, variables, turns, path, node_titles, handoff, metrics, logs, sip_trace, transfer_attempts FROM conversations WHERE id = ?",
  ).get(id) as FullRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    agent_id: row.agent_id,
    flow_id: row.flow_id,
    channel: row.channel,
    version: row.version,
    started_at: row.started_at,
    ended_at: row.ended_at,
    duration_ms: row.duration_ms,
    outcome: row.outcome,
    end_reason: row.end_reason,
    turns: JSON.parse(row.turns),
    path: JSON.parse(row.path),
    node_titles: JSON.parse(row.node_titles),
    variables: JSON.parse(row.variables),
    handoff: row.handoff === null ? null : JSON.parse(row.handoff),
    metrics: JSON.parse(row.metrics),
    logs: JSON.parse(row.logs),
    sip_trace: row.sip_trace === null ? null : JSON.parse(row.sip_trace),
    transfer_attempts: JSON.parse(row.transfer_attempts),
  };
}

type SummaryRow = Omit<ConversationSummary, "handoff"> & { handoff: string | null };

/** A list row with its handoff record parsed from the stored JSON. */
function summaryOf(row: SummaryRow): ConversationSummary {
  return { ...row, handoff: row.handoff === null ? null : JSON.parse(row.handoff) };
}

export interface ConversationPage {
  data: ConversationSummary[];
  next_cursor: string | null;
}

/**
 * The query plan SQLite uses for a page (EXPLAIN QUERY PLAN of the very SQL listConversations
 * runs), and the driver chosen: for tests that prove no filter reads the whole table.
 */
export function explainConversationPage(
  db: Db,
  agentId: string,
  filters: ConversationFilters,
  cursor: ConversationCursor | null,
  limit: number,
): { driver: Driver; plan: string[] } {
  const { from, where, args, driver } = pageQuery(db, agentId, filters, cursor, limit);
  const rows = prepared(db, `EXPLAIN QUERY PLAN SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where} ${ORDER}`).all(
    ...args,
  ) as { detail: string }[];
  return { driver, plan: rows.map((r) => r.detail) };
}

/**
 * One page, newest first. Keyset pagination on (started_at, id) written as a row value so SQLite
 * walks the (agent_id, started_at, id) index (docs/design.md §8); rows inserted between pages never
 * shift older ones.
 */
export function listConversations(
  db: Db,
  agentId: string,
  filters: ConversationFilters,
  cursor: ConversationCursor | null,
  limit: number,
): ConversationPage {
  const { from, where, args } = pageQuery(db, agentId, filters, cursor, limit);
  const rows = (
    prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where} ${ORDER}`).all(...args) as SummaryRow[]
  ).map(summaryOf);
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows[rows.length - 1];
  return { data: rows, next_cursor: more && last ? encodeCursor({ startedAt: last.started_at, id: last.id }) : null };
}

/**
 * The page just newer than `cursor` (the first row of the page being shown), for a "Newer" link:
 * the same row-value keyset walked upwards, returned newest first. `has_newer` tells whether
 * rows newer still exist; `next_cursor` continues to older rows as in listConversations.
 */
export function listNewerConversations(
  db: Db,
  agentId: string,
  filters: ConversationFilters,
  cursor: ConversationCursor,
  limit: number,
): ConversationPage & { has_newer: boolean } {
  const { from, where, args } = pageQuery(db, agentId, filters, cursor, limit, "newer");
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where} ORDER BY started_at ASC, id ASC LIMIT ?`,
  )
    .all(...args)
    .map((r) => summaryOf(r as SummaryRow));
  const more = rows.length > limit;
  if (more) rows.length = limit;
  rows.reverse();
  const last = rows[rows.length - 1];
  // The cursor row itself (or rows before it) lies older than this page.
  return {
    data: rows,
    next_cursor: last ? encodeCursor({ startedAt: last.started_at, id: last.id }) : null,
    has_newer: more,
  };
}

// JSON columns go in as JSON, not as the text they are stored as.
const SUMMARY_JSON = `json_object(${SUMMARY_COLUMNS.split(", ")
  .map((c) => (c === "handoff" ? `'${c}', json(${c})` : `'${c}', ${c}`))
  .join(", ")})`;

/**
 * The same page as listConversations, already serialised (`{"data":[…],"next_cursor":…}`) by
 * SQLite's json_object: the API's hot path skips building and stringifying 50 objects per request.
 */
export function listConversationsJson(
  db: Db,
  agentId: string,
  filters: ConversationFilters,
  cursor: ConversationCursor | null,
  limit: number,
): { json: string; count: number } {
  const { from, where, args } = pageQuery(db, agentId, filters, cursor, limit);
  const rows = prepared(db, `SELECT ${SUMMARY_JSON}, started_at, id FROM ${from} WHERE ${where} ${ORDER}`)
    .raw(true)
    .all(...args) as [string, string, string][];
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows[rows.length - 1];
  const next = more && last ? JSON.stringify(encodeCursor({ startedAt: last[1], id: last[2] })) : "null";
  let data = "";
  for (let i = 0; i < rows.length; i++) data += (i === 0 ? "" : ",") + rows[i]![0];
  return { json: `{"data":[${data}],"next_cursor":${next}}`, count: rows.length };
}

/** A stored conversation already serialised as the API returns it, or null. */
export function getConversationJson(db: Db, id: string): string | null {
  const row = prepared(
    db,
    `SELECT json_object('id', id, 'agent_id', agent_id, 'flow_id', flow_id, 'channel', channel, 'version', version, 'started_at', started_at,
      'ended_at', ended_at, 'duration_ms', duration_ms, 'outcome', outcome, 'end_reason', end_reason, 'turns', json(turns), 'path', json(path),
      'node_titles', json(node_titles), 'variables', json(variables), 'handoff', json(handoff), 'metrics', json(metrics), 'logs', json(logs),
      'sip_trace', json(sip_trace), 'transfer_attempts', json(transfer_attempts)) FROM conversations WHERE id = ?`,
  )
    .pluck(true)
    .get(id) as string | undefined;
  return row ?? null;
}
