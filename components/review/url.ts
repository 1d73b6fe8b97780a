import {
  decodeCursor,
  encodeCursor,
  parseConversationQuery,
  type ParsedConversationQuery,
  type QueryFieldErrors,
} from "@/lib/conversations/filters";

/**
 * Conversation Review keeps its filters and page in the URL. These helpers map Next's search
 * params to the API's filter parameters (parsed by the SAME schema, lib/conversations/filters.ts)
 * and back to links. The one UI-only parameter is `newer` (a cursor walked upwards).
 */

/** The filter form's fields, in the order links write them. */
export const FILTER_FIELDS = [
  "reason",
  "destination",
  "method",
  "source",
  "outcome",
  "transfer_outcome",
  "version",
  "from",
  "to",
  "q",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterValues = Record<FilterField, string>;

export type SearchParams = Record<string, string | string[] | undefined>;

/** Search params as entries; a repeated parameter stays repeated (the schema reports it). */
export function searchEntries(params: SearchParams): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v]);
  }
  return out;
}

/** What the form shows: each filter's raw text (the first value), "" when absent. */
export function filterValues(params: SearchParams): FilterValues {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, first(params[f])])) as FilterValues;
}

export type PageRequest =
  | { ok: true; query: ParsedConversationQuery; direction: "older" | "newer" }
  | { ok: false; fieldErrors: QueryFieldErrors };

/**
 * Parses the list page's search params. Everything except `newer` goes through the API's
 * schema; `newer` must be a cursor and cannot be combined with `cursor`.
 */
export function parseReviewParams(params: SearchParams): PageRequest {
  const entries = searchEntries(params);
  const newer = entries.filter(([k, v]) => k === "newer" && v !== "");
  const parsed = parseConversationQuery(entries.filter(([k]) => k !== "newer"));
  const errors: QueryFieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (newer.length > 1) errors.newer = "Give this parameter once";
  else if (newer.length === 1 && decodeCursor(newer[0]![1]) === null) errors.newer = "Not a page link from this list";
  else if (newer.length === 1 && parsed.ok && parsed.value.cursor !== null)
    errors.newer = "A page link has either cursor or newer, not both";
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  if (newer.length === 1) {
    return { ok: true, query: { ...parsed.value, cursor: decodeCursor(newer[0]![1]) }, direction: "newer" };
  }
  return { ok: true, query: parsed.value, direction: "older" };
}

/**
 * `base?reason=billing&…` with empty values dropped, filters in a fixed order, then `limit` (only
 * when not the default) and the page parameter.
 */
export function reviewHref(
  base: string,
  values: Partial<FilterValues>,
  options: { limit?: string; cursor?: string; newer?: string } = {},
): string {
  const params = new URLSearchParams();
  for (const f of FILTER_FIELDS) {
    const v = values[f]?.trim();
    if (v) params.set(f, v);
  }
  if (options.limit) params.set("limit", options.limit);
  if (options.cursor) params.set("cursor", options.cursor);
  else if (options.newer) params.set("newer", options.newer);
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/** True when any filter has a value. */
export function hasFilters(values: Partial<FilterValues>): boolean {
  return FILTER_FIELDS.some((f) => (values[f] ?? "").trim() !== "");
}

/** The row a page starts or ends at, as the cursor names it. */
interface RowKey {
  started_at: string;
  id: string;
}

/**
 * Newest / Newer / Older links for a page. `first` is the page's newest row (Newer continues
 * above it), `nextCursor` the repository's cursor after its oldest row, `hasNewer` whether
 * anything lies above. Filters and limit are kept; only the page parameter changes.
 */
export function pageLinks(
  base: string,
  values: Partial<FilterValues>,
  limit: string | undefined,
  page: { first: RowKey | undefined; nextCursor: string | null; hasNewer: boolean },
): { newest: string | null; newer: string | null; older: string | null } {
  return {
    newest: page.hasNewer ? reviewHref(base, values, { limit }) : null,
    newer:
      page.hasNewer && page.first
        ? reviewHref(base, values, {
            limit,
            newer: encodeCursor({ startedAt: page.first.started_at, id: page.first.id }),
          })
        : null,
    older: page.nextCursor ? reviewHref(base, values, { limit, cursor: page.nextCursor }) : null,
  };
}
