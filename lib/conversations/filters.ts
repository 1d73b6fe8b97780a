import { z } from "zod";
import { HANDOFF_METHODS } from "../handoffs/types";
import { HANDOFF_SOURCES, OUTCOMES, type HandoffSource, type Outcome } from "../handoffs/record";
import { TRANSFER_OUTCOMES, type TransferOutcome } from "../handoffs/outcomes";
import { transcriptSearchQuery, UNSEARCHABLE_MESSAGE } from "./text-search";

/**
 * Filters for a conversation list, shared by `GET /api/v1/agents/{id}/conversations` and the
 * Review UI. Input is a flat record of query-string values; output is what the repository needs.
 * Every problem is a field error keyed by the parameter name.
 */

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_QUERY_LENGTH = 200;

/** A position in a list ordered by (started_at DESC, id DESC): the last row of the previous page. */
export interface ConversationCursor {
  startedAt: string;
  id: string;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Opaque to clients: base64url of a JSON pair. Ids and timestamps are ASCII. */
export function encodeCursor(c: ConversationCursor): string {
  return btoa(JSON.stringify([c.startedAt, c.id]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function decodeCursor(s: string): ConversationCursor | null {
  if (s.length > 400 || !BASE64URL.test(s)) return null;
  try {
    const json = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [startedAt, id] = v as unknown[];
    if (
      typeof startedAt !== "string" ||
      !ISO_UTC.test(startedAt) ||
      typeof id !== "string" ||
      id.length === 0 ||
      id.length > 100
    ) {
      return null;
    }
    return { startedAt, id };
  } catch {
    return null;
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2025-05-01` or an ISO 8601 date-time with an offset → epoch ms, or null. */
function parseDateParam(s: string): { ms: number; dateOnly: boolean } | null {
  const dateOnly = DATE_ONLY.test(s);
  if (!dateOnly && !DATE_TIME.test(s)) return null;
  const ms = Date.parse(dateOnly ? `${s}T00:00:00.000Z` : s);
  if (Number.isNaN(ms)) return null;
  // Reject dates Date.parse rolls over (2025-02-30 → March 2).
  const [y, m, d] = s.slice(0, 10).split("-").map(Number);
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) return null;
  if (ms < 0 || ms > 253402300799999) return null;
  return { ms, dateOnly };
}

const DATE_MESSAGE = "Expected a date (2025-05-01) or an ISO 8601 date-time with offset (2025-05-01T09:30:00Z)";
const DAY_MS = 86_400_000;

const text = (field: string, max: number) => z.string().max(max, `${field} is at most ${max} characters`);

/** One schema per query parameter; also what the OpenAPI document describes. */
export const conversationFilterFields = {
  reason: text("reason", 100).describe("Handoff reason code, exact (e.g. needs_human)"),
  destination: text("destination", 100).describe("Handoff destination name, exact"),
  method: z
    .enum(HANDOFF_METHODS, { error: `Expected one of ${HANDOFF_METHODS.join(", ")}` })
    .describe("Handoff SIP method"),
  source: z
    .enum(HANDOFF_SOURCES, { error: `Expected one of ${HANDOFF_SOURCES.join(", ")}` })
    .describe("What triggered the handoff"),
  outcome: z.enum(OUTCOMES, { error: `Expected one of ${OUTCOMES.join(", ")}` }).describe("How the call ended"),
  transfer_outcome: z
    .enum(TRANSFER_OUTCOMES, { error: `Expected one of ${TRANSFER_OUTCOMES.join(", ")}` })
    .describe("How the call's last transfer ended (completed, busy, no_answer, declined, unreachable, failed)"),
  from: z
    .string()
    .refine((s) => parseDateParam(s) !== null, DATE_MESSAGE)
    .describe("Calls started at or after this date / date-time"),
  to: z
    .string()
    .refine((s) => parseDateParam(s) !== null, DATE_MESSAGE)
    .describe("Calls started at or before this date-time, or on or before this date (the whole day)"),
  q: text("q", MAX_QUERY_LENGTH)
    .refine((s) => s.trim() === "" || transcriptSearchQuery(s).ok, UNSEARCHABLE_MESSAGE)
    .describe(
      'Words in the transcript (all of them; case and accents ignored), "a phrase" in double quotes, or a prefix like refund*',
    ),
  version: z
    .string()
    .regex(/^(draft|[1-9]\d{0,8})$/, "Expected draft or a version number (1, 2, …)")
    .describe("What the call ran: draft, or a published version's number"),
  cursor: z
    .string()
    .refine((s) => decodeCursor(s) !== null, "Not a cursor from this API; use next_cursor from the previous page")
    .describe("next_cursor from the previous page"),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `Expected a whole number from 1 to ${MAX_LIMIT}`)
    .refine((s) => Number(s) >= 1 && Number(s) <= MAX_LIMIT, `Expected a whole number from 1 to ${MAX_LIMIT}`)
    .describe(`Page size, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT})`),
} as const;

export type FilterParam = keyof typeof conversationFilterFields;

export const conversationFiltersSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(conversationFilterFields).map(([k, s]) => [k, s.optional()])) as {
      [K in FilterParam]: z.ZodOptional<(typeof conversationFilterFields)[K]>;
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "Unknown parameter" : undefined) },
  )
  .transform((p, ctx) => {
    const from = p.from === undefined ? undefined : parseDateParam(p.from)!;
    const to = p.to === undefined ? undefined : parseDateParam(p.to)!;
    // `to` is inclusive: a date means the whole day, a date-time that millisecond.
    const toExclusiveMs = to === undefined ? undefined : to.ms + (to.dateOnly ? DAY_MS : 1);
    if (from !== undefined && toExclusiveMs !== undefined && from.ms >= toExclusiveMs) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "to is before from" });
      return z.NEVER;
    }
    const q = p.q?.trim();
    return {
      filters: {
        reason: p.reason,
        destination: p.destination,
        method: p.method,
        source: p.source,
        outcome: p.outcome,
        transfer_outcome: p.transfer_outcome,
        from: from === undefined ? undefined : new Date(from.ms).toISOString(),
        toExclusive: toExclusiveMs === undefined ? undefined : new Date(toExclusiveMs).toISOString(),
        q: q === "" ? undefined : q,
        version: p.version === undefined ? undefined : p.version === "draft" ? "draft" : Number(p.version),
      } satisfies ConversationFilters,
      cursor: p.cursor === undefined ? null : decodeCursor(p.cursor),
      limit: p.limit === undefined ? DEFAULT_LIMIT : Number(p.limit),
    };
  });

/** What the repository filters on; dates are normalised UTC ISO strings comparable with started_at. */
export interface ConversationFilters {
  reason?: string;
  destination?: string;
  method?: (typeof HANDOFF_METHODS)[number];
  source?: HandoffSource;
  outcome?: Outcome;
  transfer_outcome?: TransferOutcome;
  /** Inclusive lower bound on started_at. */
  from?: string;
  /** Exclusive upper bound on started_at. */
  toExclusive?: string;
  q?: string;
  /** Calls that ran this published version, or the draft. */
  version?: number | "draft";
}

export type ParsedConversationQuery = z.output<typeof conversationFiltersSchema>;

/** Field name → first message. */
export type QueryFieldErrors = Record<string, string>;

/**
 * Parses query parameters (a URLSearchParams or entries). Empty values count as absent (forms
 * submit empty fields); a parameter given twice is an error.
 */
export function parseConversationQuery(
  params: Iterable<[string, string]>,
): { ok: true; value: ParsedConversationQuery } | { ok: false; fieldErrors: QueryFieldErrors } {
  // Maps, not objects: a parameter may be called `__proto__`.
  const record = new Map<string, string>();
  const errors = new Map<string, string>();
  const note = (key: string, message: string) => {
    if (!errors.has(key)) errors.set(key, message);
  };
  for (const [k, v] of params) {
    if (v === "") continue;
    if (record.has(k)) note(k, "Give this parameter once");
    else record.set(k, v);
  }
  const r = conversationFiltersSchema.safeParse(Object.fromEntries(record));
  if (!r.success) {
    for (const issue of r.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) note(key, "Unknown parameter");
        continue;
      }
      note(issue.path.map(String).join(".") || "_query", issue.message);
    }
  }
  if (!r.success || errors.size > 0) return { ok: false, fieldErrors: Object.fromEntries(errors) };
  return { ok: true, value: r.data };
}
