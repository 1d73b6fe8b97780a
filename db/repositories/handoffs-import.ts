import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { handoffDestinations } from "../schema";
import { writeTransaction } from "../transaction";
import type { ImportedDestination } from "../../lib/handoffs/yaml";
import type { HandoffDestination } from "../../lib/handoffs/types";
import { destinationChange } from "../../lib/audit/changes";
import { destinationSummary } from "../../lib/audit/summaries";
import type { AuditActor } from "../../lib/audit/types";
import { appendAudit } from "./audit";
import { deleteDestination, getDestination, listDestinations } from "./handoffs";

export interface DestinationImport {
  created: HandoffDestination[];
  /** Destinations the file named, before and after (also those it left unchanged), and any that lost the default. */
  updated: { before: HandoffDestination; after: HandoffDestination }[];
  /** With `replace`: the agent's destinations the file did not name. */
  deleted: HandoffDestination[];
}

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * Imports a valid handoffs.yaml into the agent's destinations (draft data), in one transaction. A
 * destination the file names (ignoring case) is updated in place and keeps its id, so the flow
 * nodes and topics that hand off to it still do; the others are added after the existing ones, in
 * the file's order. With `replace` the agent's destinations become exactly the file's, in its
 * order: the ones it does not name are deleted as Delete does (their handoff nodes show "Deleted
 * destination"). The file's default becomes the agent's only default.
 */
export function importDestinations(
  db: Db,
  agentId: string,
  items: readonly ImportedDestination[],
  { replace }: { replace: boolean },
): DestinationImport {
  return writeTransaction(db, (tx) => {
    const all = listDestinations(db, agentId);
    const existing = new Map(all.map((d) => [nameKey(d.name), d]));
    const named = new Set(items.map((d) => nameKey(d.name)));
    const result: DestinationImport = { created: [], updated: [], deleted: [] };
    if (replace) {
      for (const [key, d] of existing) {
        if (named.has(key)) continue;
        deleteDestination(db, agentId, d.id);
        result.deleted.push(d);
        existing.delete(key);
      }
    }
    const kept = listDestinations(db, agentId);
    let position = replace ? 0 : kept.length;
    // Merging keeps the board's order (renumbered from 0) and puts the new destinations last.
    if (!replace) {
      kept.forEach((d, i) =>
        tx.update(handoffDestinations).set({ position: i }).where(eq(handoffDestinations.id, d.id)).run(),
      );
    }
    const now = nowIso();
    for (const item of items) {
      const { isDefault, ...fields } = item;
      const values = { ...fields, nameKey: nameKey(item.name), isDefault };
      const before = existing.get(nameKey(item.name));
      if (before) {
        tx.update(handoffDestinations)
          .set(replace ? { ...values, position: position++ } : values)
          .where(and(eq(handoffDestinations.agentId, agentId), eq(handoffDestinations.id, before.id)))
          .run();
        result.updated.push({ before, after: getDestination(db, agentId, before.id)! });
      } else {
        const id = newId("hd");
        tx.insert(handoffDestinations)
          .values({ id, agentId, ...values, position: position++, createdAt: now })
          .run();
        result.created.push(getDestination(db, agentId, id)!);
      }
    }
    // Exactly one default stays enforced: the file's (an empty file keeps the agent's as it is).
    if (items.length > 0) {
      const defaultKey = nameKey(items.find((d) => d.isDefault)!.name);
      for (const d of listDestinations(db, agentId))
        if (d.isDefault !== (nameKey(d.name) === defaultKey))
          tx.update(handoffDestinations).set({ isDefault: !d.isDefault }).where(eq(handoffDestinations.id, d.id)).run();
      result.updated = result.updated.map((u) => ({
        before: u.before,
        after: getDestination(db, agentId, u.before.id)!,
      }));
      result.created = result.created.map((c) => getDestination(db, agentId, c.id)!);
      // A destination the file does not name changes too when it stops being the default.
      for (const before of all) {
        if (named.has(nameKey(before.name))) continue;
        const after = getDestination(db, agentId, before.id);
        if (after && after.isDefault !== before.isDefault) result.updated.push({ before, after });
      }
    }
    return result;
  });
}

/**
 * importDestinations with one audit entry per destination it created, changed or deleted, in the
 * same transaction (a destination the file left as it was is not an entry).
 */
export function importDestinationsAudited(
  db: Db,
  agentId: string,
  items: readonly ImportedDestination[],
  options: { replace: boolean },
  actor: AuditActor,
): DestinationImport {
  return writeTransaction(db, () => {
    const result = importDestinations(db, agentId, items, options);
    for (const d of result.deleted) appendAudit(db, actor, destinationChange(d, null));
    for (const { before, after } of result.updated)
      if (destinationSummary(before, after) !== "no change") appendAudit(db, actor, destinationChange(before, after));
    for (const d of result.created) appendAudit(db, actor, destinationChange(null, d));
    return result;
  });
}

/** "2 added, 1 changed, 0 deleted" for the notice, the CLI and the API. */
export function importCounts(r: DestinationImport): { added: number; changed: number; deleted: number } {
  return {
    added: r.created.length,
    changed: r.updated.filter((u) => destinationSummary(u.before, u.after) !== "no change").length,
    deleted: r.deleted.length,
  };
}
