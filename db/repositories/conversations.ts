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
import { transcriptSearchQuery } from "../../lib/conversations/text-search";

const SUMMARY_COLUMNS =
  "id, agent_id, flow_id, channel, version, started_at, ended_at, duration_ms, outcome, end_reason, turn_count, reason, destination, method, source, transfer_outcome, handoff";

const INSERT_SQL = `INSERT INTO conversations
  (id, agent_id, flow_id, channel, version, started_at, ended_at, duration_ms, outcome, end_reason, turn_count, reason, destination,
   method, source, transfer_outcome, transcript_text, variables, turns, path, node_titles, handoff, metrics, logs, sip_trace,
   transfer_attempts)
  VALUES (@id, @agent_id, @flow_id, @channel, @version, @started_at, @ended_at, @duration_ms, @outcome, @end_reason, @turn_count, @reason,
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

/** The equality filters, each with its index (agent_id, column, started_at, id); see db/schema.ts. */
const EQUALITY_INDEXES = {
  outcome: "conversations_agent_outcome",
  reason: "conversations_agent_reason",
  destination: "conversations_agent_destination",
  method: "conversations_agent_method",
  source: "conversations_agent_source",
  transfer_outcome: "conversations_agent_transfer_outcome",
  version: "conversations_agent_version",
} as const;
type EqualityFilter = keyof typeof EQUALITY_INDEXES;

/**
 * How far a filter's candidates are counted when choosing which one drives the query: enough to
 * tell a rare value from a common one, cheap enough (an index range, at most this many entries)
 * to do for each filter of each page.
 */
export const DRIVER_COUNT_CAP = 2000;

/** Which access path walks the rows: an equality filter's index, the text index, or the plain list. */
export type Driver = { kind: "index"; filter: EqualityFilter } | { kind: "text" } | { kind: "list" };

function equalityClause(
  column: EqualityFilter,
  filters: ConversationFilters,
): { sql: string; args: (string | number)[] } | null {
  const value = filters[column];
  if (value === undefined) return null;
  if (value === "draft") return { sql: "version IS NULL", args: [] };
  return { sql: `${column} = ?`, args: [value] };
}

function timeClauses(filters: ConversationFilters): { sql: string[]; args: string[] } {
  const sql: string[] = [];
  const args: string[] = [];
  if (filters.from !== undefined) {
    sql.push("started_at >= ?");
    args.push(filters.from);
  }
  if (filters.toExclusive !== undefined) {
    sql.push("started_at < ?");
    args.push(filters.toExclusive);
  }
  return { sql, args };
}

/**
 * The text filter: membership in the FTS index's matches, computed once per page (SQLite keeps them
 * in an ephemeral index with a Bloom filter). When text drives, rows are fetched by those rowids and
 * sorted; otherwise each row the driver yields is checked against them. A per-row MATCH was tried and
 * measured 7–50× slower for common words and prefixes: FTS5 re-parses the expression for every row.
 */
const TEXT_MATCHES = "rowid IN (SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ?)";

/**
 * Picks the access path expected to read the fewest rows: each filter's matches are counted up to
 * DRIVER_COUNT_CAP through its own index (the text filter through the FTS index), and the smallest
 * count drives; the other filters are checked on the rows it yields. A rare value or a search that
 * matches nothing is then an index lookup, never a walk through the whole list.
 */
export function chooseDriver(db: Db, agentId: string, filters: ConversationFilters, ftsQuery: string | null): Driver {
  const time = timeClauses(filters);
  let best: Driver = { kind: "list" };
  let bestCount = Number.POSITIVE_INFINITY;
  for (const column of Object.keys(EQUALITY_INDEXES) as EqualityFilter[]) {
    const eq = equalityClause(column, filters);
    if (!eq) continue;
    const where = ["agent_id = ?", eq.sql, ...time.sql].join(" AND ");
    const count = prepared(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM conversations INDEXED BY ${EQUALITY_INDEXES[column]} WHERE ${where} LIMIT ${DRIVER_COUNT_CAP})`,
    )
      .pluck(true)
      .get(agentId, ...eq.args, ...time.args) as number;
    if (count < bestCount) {
      best = { kind: "index", filter: column };
      bestCount = count;
    }
  }
  if (ftsQuery !== null) {
    const count = prepared(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM conversations_fts WHERE conversations_fts MATCH ? LIMIT ${DRIVER_COUNT_CAP})`,
    )
      .pluck(true)
      .get(ftsQuery) as number;
    // The text index is not ordered by time: it drives only when its matches are few enough to sort.
    if (count < bestCount && count < DRIVER_COUNT_CAP) best = { kind: "text" };
  }
  return best;
}

/**
 * FROM, WHERE and arguments for one page (the LIMIT argument last). `older` pages hold rows before
 * the cursor, `newer` pages rows after it. The driver's index is named (INDEXED BY) so the plan is
 * the one chosen, not the planner's guess without statistics.
 */
function pageQuery(
  db: Db,
  agentId: string,
  filters: ConversationFilters,
  cursor: ConversationCursor | null,
  limit: number,
  direction: "older" | "newer" = "older",
) {
  const ftsQuery = filters.q === undefined ? null : transcriptSearchQuery(filters.q);
  if (ftsQuery !== null && !ftsQuery.ok) throw new RangeError(ftsQuery.message);
  const match = ftsQuery?.query ?? null;
  const driver = chooseDriver(db, agentId, filters, match);
  const from =
    driver.kind === "index"
      ? `conversations INDEXED BY ${EQUALITY_INDEXES[driver.filter]}`
      : driver.kind === "list"
        ? "conversations INDEXED BY conversations_agent_started"
        : // No index at all: rows are fetched by the rowids the text index returns, then sorted.
          "conversations NOT INDEXED";
  const where = ["agent_id = ?"];
  const args: (string | number)[] = [agentId];
  if (cursor) {
    where.push(direction === "older" ? "(started_at, id) < (?, ?)" : "(started_at, id) > (?, ?)");
    args.push(cursor.startedAt, cursor.id);
  }
  for (const column of Object.keys(EQUALITY_INDEXES) as EqualityFilter[]) {
    const eq = equalityClause(column, filters);
    if (!eq) continue;
    where.push(eq.sql);
    args.push(...eq.args);
  }
  const time = timeClauses(filters);
  where.push(...time.sql);
  args.push(...time.args);
  if (match !== null) {
    where.push(TEXT_MATCHES);
    args.push(match);
  }
  // One row more than asked for tells whether there is a next page.
  args.push(limit + 1);
  return { from, where: where.join(" AND "), args, driver };
}

const ORDER = "ORDER BY started_at DESC, id DESC LIMIT ?";

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
