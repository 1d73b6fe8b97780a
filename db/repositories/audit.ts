import type { Db } from "../client";
import { nowIso } from "../ids";
import { writeTransaction } from "../transaction";
import { prepared } from "./statements";
import type { AuditQuery } from "../../lib/audit/filters";
import { flowSaveSummary, type FlowDigest } from "../../lib/audit/summaries";
import type { AuditActor, AuditChange, AuditEntry, AuditTarget, AuditVia } from "../../lib/audit/types";

/**
 * The audit log. Append-only: this module has no update or delete of an entry, and the database
 * refuses both (triggers in migration 0006). Callers append in the same transaction as the change.
 */

/** A flow's saves by one person this close together are one entry. */
export const SAVE_BURST_MS = 60_000;

export function appendAudit(db: Db, actor: AuditActor, change: AuditChange, at: string = nowIso()): number {
  const result = prepared(
    db,
    `INSERT INTO audit_log (at, actor_id, actor_name, actor_email, via, action, target_type, target_id, target_name, agent_id, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    actor.id,
    actor.name,
    actor.email,
    actor.via,
    change.action,
    change.targetType,
    change.targetId,
    change.targetName,
    change.agentId,
    change.summary,
  );
  return Number(result.lastInsertRowid);
}

/**
 * A flow save: the first save of a burst appends an entry; later saves by the same person within
 * SAVE_BURST_MS of their previous one extend the burst (its count and its before → after summary,
 * measured from before the burst's first save) instead of adding entries per keystroke.
 */
export function recordFlowSave(
  db: Db,
  actor: AuditActor,
  flow: { id: string; name: string; agentId: string },
  before: FlowDigest,
  after: FlowDigest,
  now: number = Date.now(),
): { entryId: number; coalesced: boolean } {
  const at = new Date(now).toISOString();
  const actorKey = actor.id ?? "";
  return writeTransaction(db, () => {
    const open = prepared(
      db,
      "SELECT entry_id, last_at, before FROM audit_bursts WHERE target_id = ? AND actor_id = ? ORDER BY last_at DESC LIMIT 1",
    ).get(flow.id, actorKey) as { entry_id: number; last_at: string; before: string } | undefined;
    if (open && now - Date.parse(open.last_at) <= SAVE_BURST_MS) {
      const summary = flowSaveSummary(JSON.parse(open.before) as FlowDigest, after);
      prepared(db, "UPDATE audit_bursts SET last_at = ?, saves = saves + 1, summary = ? WHERE entry_id = ?").run(
        at,
        summary,
        open.entry_id,
      );
      return { entryId: open.entry_id, coalesced: true };
    }
    const summary = flowSaveSummary(before, after);
    const entryId = appendAudit(
      db,
      actor,
      {
        action: "flow.saved",
        targetType: "flow",
        targetId: flow.id,
        targetName: flow.name,
        agentId: flow.agentId,
        summary,
      },
      at,
    );
    prepared(
      db,
      "INSERT INTO audit_bursts (entry_id, target_id, actor_id, last_at, saves, before, summary) VALUES (?, ?, ?, ?, 1, ?, ?)",
    ).run(entryId, flow.id, actorKey, at, JSON.stringify(before), summary);
    return { entryId, coalesced: false };
  });
}

interface Row {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  actor_email: string | null;
  via: AuditVia;
  action: string;
  target_type: AuditTarget;
  target_id: string | null;
  target_name: string;
  agent_id: string | null;
  summary: string;
  saves: number | null;
  last_at: string | null;
  burst_summary: string | null;
}

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: { id: r.actor_id, name: r.actor_name, email: r.actor_email, via: r.via },
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  targetName: r.target_name,
  agentId: r.agent_id,
  summary: r.burst_summary ?? r.summary,
  burst: r.saves === null ? null : { saves: r.saves, lastAt: r.last_at! },
});

/** Newest first; `nextBefore` is the cursor for the next (older) page, null on the last one. */
export function listAudit(db: Db, query: AuditQuery): { entries: AuditEntry[]; nextBefore: number | null } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    args.push(...values);
  };
  const f = query.filters;
  if (f.actorId !== undefined) add("a.actor_id = ?", f.actorId);
  if (f.targetType !== undefined) add("a.target_type = ?", f.targetType);
  if (f.agentId !== undefined) add("a.agent_id = ?", f.agentId);
  if (f.action !== undefined) {
    if (f.action.includes(".")) add("a.action = ?", f.action);
    else add("substr(a.action, 1, ?) = ?", f.action.length + 1, `${f.action}.`);
  }
  if (f.from !== undefined) add("a.at >= ?", f.from);
  if (f.toExclusive !== undefined) add("a.at < ?", f.toExclusive);
  if (query.before !== null) add("a.id < ?", query.before);
  const sql = `SELECT a.*, b.saves, b.last_at, b.summary AS burst_summary
    FROM audit_log a LEFT JOIN audit_bursts b ON b.entry_id = a.id
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY a.id DESC LIMIT ?`;
  const rows = prepared(db, sql).all(...args, query.limit + 1) as Row[];
  const more = rows.length > query.limit;
  const entries = rows.slice(0, query.limit).map(toEntry);
  return { entries, nextBefore: more ? entries[entries.length - 1]!.id : null };
}

/** The people who appear in the log (for the actor filter), with the latest name each used. */
export function auditActors(db: Db): { id: string; name: string }[] {
  // SQLite takes the bare columns from the row that max() picked.
  const rows = prepared(
    db,
    "SELECT actor_id AS id, actor_name AS name, max(id) AS latest FROM audit_log WHERE actor_id IS NOT NULL GROUP BY actor_id",
  ).all() as { id: string; name: string }[];
  return rows.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
