import type { Db } from "../client";
import { prepared } from "./statements";
import type { ConversationCursor, ConversationFilters } from "../../lib/conversations/filters";
import { transcriptSearchQuery } from "../../lib/conversations/text-search";

/**
 * How one page of the conversation list is read: which access path drives it (the rarest equality
 * filter's index, the transcript index, or the plain list) and the FROM / WHERE / arguments of the
 * page query. db/repositories/conversations.ts runs it; docs/design.md §8 explains the choice.
 */

/** Newest first, the keyset's order; the LIMIT argument comes last. */
export const ORDER = "ORDER BY started_at DESC, id DESC LIMIT ?";

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
export function pageQuery(
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
