import { z } from "zod";
import { AUDIT_TARGETS, type AuditTarget } from "./types";

/**
 * Filters for the audit log, shared by `GET /api/v1/audit` and Settings → Audit log. Input is the
 * query string; every problem is a field error keyed by the parameter. Pages go back in time with
 * `before` (the id of the last entry shown): entries appended meanwhile never shift a page.
 */
export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 200;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function dayMs(s: string): number | null {
  if (!DAY.test(s)) return null;
  const ms = Date.parse(`${s}T00:00:00.000Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== s) return null;
  return ms;
}

const day = (what: string) =>
  z
    .string()
    .refine((s) => dayMs(s) !== null, "Expected a date like 2025-05-01")
    .describe(what);

export const auditFilterFields = {
  actor: z.string().max(100, "actor is at most 100 characters").describe("Member id (usr_…) who made the change"),
  type: z
    .enum(AUDIT_TARGETS, { error: `Expected one of ${AUDIT_TARGETS.join(", ")}` })
    .describe("What the change is about"),
  agent: z.string().max(100, "agent is at most 100 characters").describe("Agent id (agt_…)"),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, "Expected an action like destination.updated, or a kind like destination")
    .max(60)
    .describe("An action (destination.updated) or its first part (destination)"),
  from: day("Entries on or after this UTC day (2025-05-01)"),
  to: day("Entries on or before this UTC day (the whole day)"),
  before: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "Not a cursor from this list; use next_before from the previous page")
    .describe("next_before from the previous page: entries older than this one"),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `Expected a whole number from 1 to ${AUDIT_MAX_LIMIT}`)
    .refine(
      (s) => Number(s) >= 1 && Number(s) <= AUDIT_MAX_LIMIT,
      `Expected a whole number from 1 to ${AUDIT_MAX_LIMIT}`,
    )
    .describe(`Page size, 1–${AUDIT_MAX_LIMIT} (default ${AUDIT_DEFAULT_LIMIT})`),
} as const;

export type AuditFilterParam = keyof typeof auditFilterFields;

/** What the repository filters on (dates as ISO bounds comparable with `at`). */
export interface AuditFilters {
  actorId?: string;
  targetType?: AuditTarget;
  agentId?: string;
  action?: string;
  from?: string;
  toExclusive?: string;
}

export interface AuditQuery {
  filters: AuditFilters;
  before: number | null;
  limit: number;
}

export function parseAuditQuery(
  params: Iterable<[string, string]>,
): { ok: true; value: AuditQuery } | { ok: false; fieldErrors: Record<string, string> } {
  const record = new Map<string, string>();
  const errors = new Map<string, string>();
  const note = (k: string, m: string) => void (errors.has(k) || errors.set(k, m));
  for (const [k, v] of params) {
    if (v === "") continue;
    if (!Object.hasOwn(auditFilterFields, k)) note(k, "Unknown parameter");
    else if (record.has(k)) note(k, "Give this parameter once");
    else record.set(k, v);
  }
  for (const [k, v] of record) {
    const r = auditFilterFields[k as AuditFilterParam].safeParse(v);
    if (!r.success) note(k, r.error.issues[0]?.message ?? "Invalid value");
  }
  const get = (k: AuditFilterParam) => record.get(k);
  const from = get("from") === undefined ? undefined : dayMs(get("from")!);
  const to = get("to") === undefined ? undefined : dayMs(get("to")!);
  if (!errors.size && from != null && to != null && to < from) note("to", "to is before from");
  if (errors.size) return { ok: false, fieldErrors: Object.fromEntries(errors) };
  return {
    ok: true,
    value: {
      filters: {
        actorId: get("actor"),
        targetType: get("type") as AuditTarget | undefined,
        agentId: get("agent"),
        action: get("action"),
        from: from == null ? undefined : new Date(from).toISOString(),
        toExclusive: to == null ? undefined : new Date(to + DAY_MS).toISOString(),
      },
      before: get("before") === undefined ? null : Number(get("before")),
      limit: get("limit") === undefined ? AUDIT_DEFAULT_LIMIT : Number(get("limit")),
    },
  };
}
