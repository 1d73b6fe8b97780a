import type { Db } from "../client";
import { prepared } from "./statements";
import type { ConversationCursor, ConversationFilters } from "../../lib/conversations/filters";
import { transcriptSearchQuery } from "../../lib/conversations/text-search";

/**
 * How one page of the conversation list is read: which access path drives it and the FROM / WHERE /
 * arguments of the page query. db/repositories/conversations.ts runs it; docs/design.md §7 (Fast for
 * every filter) explains the choice with the measurements (1,000,000 calls) that decided it.
 *
 * - No filter, or dates only: the (agent_id, started_at, id) index, newest first.
 * - One equality filter: its own index (agent_id, column, started_at, id), newest first.
 * - Two or more equality filters: conversations_facet_pairs, one token per pair of a call's values, so
 *   "outcome=hangup and destination=Billing Support" is one list (empty when no call has both) rather
 *   than a walk through one filter's 200,000 rows checking the other (337 ms at a million calls).
 * - Transcript text, with or without filters: conversations_fts, text and filter tokens in one FTS5
 *   AND. Collecting every match of a common word and sorting them took 24 ms (`refund`, 1 call in 6)
 *   and 32 ms (`refu*`) at a million calls.
 *
 * Both FTS5 tables are keyed by the conversations' rowid, which follows the list's order (see
 * ORDER_KEY_SQL), so they walk newest first and stop after a page.
 */

/** Newest first, the keyset's order; the LIMIT argument comes last. */
export const ORDER = "ORDER BY started_at DESC, id DESC LIMIT ?";

/**
 * A conversation's rowid is minus its start in epoch milliseconds, shifted left by SLOT_BITS, plus a
 * slot for calls that started in the same millisecond (in arrival order). Rowid order is then newest
 * first, and the calls of one millisecond (a "group") are one contiguous range, whose own order (by
 * id) the page query restores. Milliseconds are clamped to ±2^43 (years 1691–2248): the key fits 63 bits.
 */
const SLOT_BITS = 19;
const GROUP_SIZE = 2 ** SLOT_BITS;

/** The first rowid of the group of an ISO started_at (an SQL expression on `iso`, e.g. `?`). */
export const GROUP_SQL = (iso: string) =>
  `((0 - max(-8796093022208, min(8796093022207, CAST(round((julianday(${iso}) - 2440587.5) * 86400000) AS INTEGER)))) << ${SLOT_BITS})`;

/**
 * The rowid for a new call starting at `iso` (a named parameter): the next free slot of its group.
 * Every insert gives it (migration 0014's trigger moves a row inserted without it). A group holds
 * 524,288 calls; one more fails on the rowid's uniqueness rather than land out of order.
 */
export const ORDER_KEY_SQL = (iso: string) =>
  `coalesce((SELECT max(rowid) FROM conversations WHERE rowid BETWEEN ${GROUP_SQL(iso)} AND ${GROUP_SQL(iso)} + ${GROUP_SIZE - 1}), ${GROUP_SQL(iso)} - 1) + 1`;

/**
 * The equality filters in the order their tokens are spelled (migration 0014 writes the same): the
 * letter of each column's token and its index (agent_id, column, started_at, id); see db/schema.ts.
 */
const EQUALITY = {
  outcome: { letter: "o", index: "conversations_agent_outcome" },
  reason: { letter: "r", index: "conversations_agent_reason" },
  destination: { letter: "w", index: "conversations_agent_destination" },
  method: { letter: "m", index: "conversations_agent_method" },
  source: { letter: "s", index: "conversations_agent_source" },
  transfer_outcome: { letter: "t", index: "conversations_agent_transfer_outcome" },
  version: { letter: "v", index: "conversations_agent_version" },
} as const;
type EqualityFilter = keyof typeof EQUALITY;
const EQUALITY_FILTERS = Object.keys(EQUALITY) as EqualityFilter[];

/** Which access path walks the rows. */
export type Driver =
  | { kind: "list" }
  | { kind: "index"; filter: EqualityFilter }
  | { kind: "pairs" }
  | { kind: "text" };

/** SQLite's hex() of a text value: its UTF-8 bytes. FTS5 folds case, so lower case matches upper. */
const hex = (value: string | number) => Buffer.from(String(value), "utf8").toString("hex");

/** How a filter's value is spelled in a token: hex of the text; a version's number, or `n` for the draft. */
function valueCode(column: EqualityFilter, value: string | number): string {
  return column === "version" && value === "draft" ? "n" : hex(value);
}

const quoted = (token: string) => `"${token}"`;

function equalityClause(column: EqualityFilter, value: string | number): { sql: string; args: (string | number)[] } {
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

/** The equality filters given, in token order, with their values. */
function equalities(filters: ConversationFilters): [EqualityFilter, string | number][] {
  const out: [EqualityFilter, string | number][] = [];
  for (const column of EQUALITY_FILTERS) {
    const value = filters[column];
    if (value !== undefined) out.push([column, value]);
  }
  return out;
}

/**
 * conversations_facet_pairs' query for two or more filters: a chain of pair tokens (a,b) (b,c) …, which
 * together say every filter holds. Each token names the agent, so no agent token is needed.
 */
function pairsMatch(agentId: string, given: [EqualityFilter, string | number][]): string {
  const tokens: string[] = [];
  for (let i = 0; i + 1 < given.length; i++) {
    const [a, va] = given[i]!;
    const [b, vb] = given[i + 1]!;
    tokens.push(`${EQUALITY[a].letter}${EQUALITY[b].letter}${hex(agentId)}z${valueCode(a, va)}z${valueCode(b, vb)}`);
  }
  return tokens.map(quoted).join(" ");
}

/** conversations_fts' query: the transcript words, and each filter's token (or the agent's). */
function textMatch(agentId: string, given: [EqualityFilter, string | number][], text: string): string {
  // A filter's token names the agent already; the agent's own token (every call of the agent: the
  // longest list) is one more list to walk, only needed without filters.
  const facets =
    given.length === 0
      ? [`g${hex(agentId)}`]
      : given.map(([c, v]) => `${EQUALITY[c].letter}${hex(agentId)}z${valueCode(c, v)}`);
  return `transcript_text : (${text}) AND facets : (${facets.map(quoted).join(" ")})`;
}

/**
 * Picks the access path (see the top of this file). The one question asked of the data: with text and
 * two or more filters, whether any call has all the filters' values (one pair list, usually empty or
 * short when it matters) — when none has, the pairs list answers "nothing" at once, where the text
 * index would walk a common word's list and a filter's list to the end to find no call in both.
 */
export function chooseDriver(db: Db, agentId: string, filters: ConversationFilters, text: string | null): Driver {
  const given = equalities(filters);
  if (text !== null) {
    if (given.length >= 2) {
      const any = prepared(
        db,
        "SELECT 1 FROM conversations_facet_pairs WHERE conversations_facet_pairs MATCH ? LIMIT 1",
      )
        .pluck(true)
        .get(pairsMatch(agentId, given));
      if (any === undefined) return { kind: "pairs" };
    }
    return { kind: "text" };
  }
  if (given.length >= 2) return { kind: "pairs" };
  if (given.length === 1) return { kind: "index", filter: given[0]![0] };
  return { kind: "list" };
}

interface Sql {
  sql: string;
  args: (string | number)[];
}

/**
 * A walk of an FTS5 table in rowid order (time order) that stops after a page. FTS5 yields rows in
 * rowid order and honours LIMIT, but rowid order is (millisecond, arrival) while the page's order is
 * (started_at, id): calls of one millisecond may be ordered differently. So the walk first takes
 * `limit` matches beyond the cursor's millisecond (`first`), then every match from the cursor's
 * millisecond to the end of the millisecond of the last of those (`hits`: the same rows, the rest of
 * that millisecond, and the cursor's own millisecond); the page query sorts them exactly and cuts the
 * page. Every bound is a rowid range, which FTS5 applies inside the index. Older pages walk up (newest
 * calls have the smallest rowids): FTS5 walks a list up 10–20× faster than down (0.15 against 1.6 ms
 * for a rare word 90 % of the way down a million calls).
 */
function timeOrderedWalk(
  table: "conversations_fts" | "conversations_facet_pairs",
  match: string,
  filters: ConversationFilters,
  cursor: ConversationCursor | null,
  direction: "older" | "newer",
  limit: number,
): Sql {
  const group = (iso: string, plus = 0): Sql => ({ sql: `${GROUP_SQL("?")}${plus ? ` + ${plus}` : ""}`, args: [iso] });
  // started_at >= from: rowid below the end of from's millisecond; started_at < to: rowid from the end of to's.
  const time: [string, Sql | null][] = [
    ["<", filters.from === undefined ? null : group(filters.from, GROUP_SIZE)],
    [">=", filters.toExclusive === undefined ? null : group(filters.toExclusive, GROUP_SIZE)],
  ];
  const older = direction === "older";
  const cursorStart = cursor ? group(cursor.startedAt) : null;
  const cursorEnd = cursor ? group(cursor.startedAt, GROUP_SIZE) : null;
  const bounds = (list: [string, Sql | null][]): Sql => {
    const present = list.filter((c): c is [string, Sql] => c[1] !== null);
    return {
      sql: present.map(([op, b]) => ` AND rowid ${op} ${b.sql}`).join(""),
      args: present.flatMap(([, b]) => b.args),
    };
  };
  // `first`: matches strictly beyond the cursor's millisecond, in walking order.
  const firstBounds = bounds([older ? [">=", cursorEnd] : ["<", cursorStart], ...time]);
  const first = `SELECT rowid AS k FROM ${table} WHERE ${table} MATCH ?${firstBounds.sql} ORDER BY rowid ${older ? "ASC" : "DESC"} LIMIT ?`;
  // Where `hits` stops: the end (older) or start (newer) of the last `first` match's millisecond, or,
  // when `first` found none, the cursor's own millisecond.
  const last = older ? `((max(k) >> ${SLOT_BITS}) + 1) << ${SLOT_BITS}` : `(min(k) >> ${SLOT_BITS}) << ${SLOT_BITS}`;
  const fallback = older ? cursorEnd : cursorStart;
  const edge: Sql = {
    sql: `(SELECT ${fallback ? `coalesce(${last}, ${fallback.sql})` : last} FROM (${first}))`,
    args: [...(fallback?.args ?? []), match, ...firstBounds.args, limit],
  };
  const hitBounds = bounds([
    older ? ["<", edge] : [">=", edge],
    older ? [">=", cursorStart] : ["<", cursorEnd],
    ...time,
  ]);
  return {
    sql: `(SELECT rowid AS k FROM ${table} WHERE ${table} MATCH ?${hitBounds.sql}) AS hits CROSS JOIN conversations ON conversations.rowid = hits.k`,
    args: [match, ...hitBounds.args],
  };
}

/**
 * FROM, WHERE and arguments for one page (the FROM's arguments first, the LIMIT argument last).
 * `older` pages hold rows before the cursor, `newer` pages rows after it. A B-tree driver's index is
 * named (INDEXED BY) so the plan is the one chosen, not the planner's guess without statistics.
 */
export function pageQuery(
  db: Db,
  agentId: string,
  filters: ConversationFilters,
  cursor: ConversationCursor | null,
  limit: number,
  direction: "older" | "newer" = "older",
) {
  const search = filters.q === undefined ? null : transcriptSearchQuery(filters.q);
  if (search !== null && !search.ok) throw new RangeError(search.message);
  const text = search?.query ?? null;
  const driver = chooseDriver(db, agentId, filters, text);
  const given = equalities(filters);
  let from: Sql;
  if (driver.kind === "index") from = { sql: `conversations INDEXED BY ${EQUALITY[driver.filter].index}`, args: [] };
  else if (driver.kind === "list") from = { sql: "conversations INDEXED BY conversations_agent_started", args: [] };
  else if (driver.kind === "pairs")
    from = timeOrderedWalk(
      "conversations_facet_pairs",
      pairsMatch(agentId, given),
      filters,
      cursor,
      direction,
      limit + 1,
    );
  else
    from = timeOrderedWalk(
      "conversations_fts",
      textMatch(agentId, given, text!),
      filters,
      cursor,
      direction,
      limit + 1,
    );

  // The exact conditions, on every driver: the FTS walks have applied them already (the cursor only to
  // its millisecond), the B-tree drivers apply them here.
  const where = ["agent_id = ?"];
  const args: (string | number)[] = [...from.args, agentId];
  if (cursor) {
    where.push(direction === "older" ? "(started_at, id) < (?, ?)" : "(started_at, id) > (?, ?)");
    args.push(cursor.startedAt, cursor.id);
  }
  for (const [column, value] of given) {
    const eq = equalityClause(column, value);
    where.push(eq.sql);
    args.push(...eq.args);
  }
  const time = timeClauses(filters);
  where.push(...time.sql);
  args.push(...time.args);
  if (driver.kind === "pairs" && text !== null) {
    // Only reached when no call has all the filters' values (chooseDriver): the pairs walk yields no
    // row and this is never evaluated. It keeps the page right if such a call is stored meanwhile.
    where.push("conversations.rowid IN (SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ?)");
    args.push(textMatch(agentId, given, text));
  }
  // One row more than asked for tells whether there is a next page.
  args.push(limit + 1);
  return { from: from.sql, where: where.join(" AND "), args, driver };
}
