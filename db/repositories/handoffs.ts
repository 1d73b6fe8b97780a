import { FLOW_ORDER } from "./flows";
import { and, asc, eq, max, ne } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { flows, handoffDestinations } from "../schema";
import { writeTransaction } from "../transaction";
import { copyName, type FieldErrors, type ValidDestination } from "../../lib/handoffs/schema";
import type { HandoffDestination } from "../../lib/handoffs/types";
import { destinationUsages, markDeletedDestination, type DestinationUsage } from "../../lib/flow/destination-usages";
import { topicDestinationUsages, type TopicUsage } from "../../lib/topics/destination-usages";
import { listTopics } from "./topics";

type Row = typeof handoffDestinations.$inferSelect;

export type MutationResult =
  | { ok: true; destination: HandoffDestination }
  | { ok: false; status: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; status: "not_found" };

function toDestination(row: Row): HandoffDestination {
  return {
    id: row.id,
    agentId: row.agentId,
    name: row.name,
    description: row.description,
    method: row.method,
    route: row.route,
    sipHeaders: row.sipHeaders,
    referHeaderPlacement: row.referHeaderPlacement,
    ringTimeoutSeconds: row.ringTimeoutSeconds,
    attempts: row.attempts,
    outboundEndpoint: row.outboundEndpoint,
    outboundEncryption: row.outboundEncryption,
    isDefault: row.isDefault,
    createdAt: row.createdAt,
  };
}

const nameKey = (name: string) => name.trim().toLowerCase();

function nameTaken(name: string): MutationResult {
  return {
    ok: false,
    status: "invalid",
    fieldErrors: { name: `A destination named "${name}" already exists for this agent` },
  };
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && "code" in e && (e as { code: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

export function listDestinations(db: Db, agentId: string): HandoffDestination[] {
  return db
    .select()
    .from(handoffDestinations)
    .where(eq(handoffDestinations.agentId, agentId))
    .orderBy(asc(handoffDestinations.position))
    .all()
    .map(toDestination);
}

export function getDestination(db: Db, agentId: string, id: string): HandoffDestination | null {
  const row = db
    .select()
    .from(handoffDestinations)
    .where(and(eq(handoffDestinations.agentId, agentId), eq(handoffDestinations.id, id)))
    .get();
  return row ? toDestination(row) : null;
}

export function findDestinationByName(db: Db, agentId: string, name: string): HandoffDestination | null {
  const row = db
    .select()
    .from(handoffDestinations)
    .where(and(eq(handoffDestinations.agentId, agentId), eq(handoffDestinations.nameKey, nameKey(name))))
    .get();
  return row ? toDestination(row) : null;
}

function insert(db: Db, agentId: string, input: ValidDestination): HandoffDestination {
  return writeTransaction(db, (tx) => {
    const agg = tx
      .select({ top: max(handoffDestinations.position) })
      .from(handoffDestinations)
      .where(eq(handoffDestinations.agentId, agentId))
      .get();
    const isFirst = agg?.top === null || agg?.top === undefined;
    const row = tx
      .insert(handoffDestinations)
      .values({
        id: newId("hd"),
        agentId,
        ...input,
        nameKey: nameKey(input.name),
        isDefault: isFirst,
        position: isFirst ? 0 : agg!.top! + 1,
        createdAt: nowIso(),
      })
      .returning()
      .get();
    return toDestination(row);
  });
}

/** Creates a destination; the agent's first destination becomes its default. */
export function createDestination(db: Db, agentId: string, input: ValidDestination): MutationResult {
  try {
    return writeTransaction(db, () => {
      if (findDestinationByName(db, agentId, input.name)) return nameTaken(input.name);
      return { ok: true as const, destination: insert(db, agentId, input) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(input.name);
    throw e;
  }
}

export function updateDestination(db: Db, agentId: string, id: string, input: ValidDestination): MutationResult {
  try {
    return writeTransaction(db, (tx): MutationResult => {
      if (!getDestination(db, agentId, id)) return { ok: false, status: "not_found" };
      const clash = findDestinationByName(db, agentId, input.name);
      if (clash && clash.id !== id) return nameTaken(input.name);
      const row = tx
        .update(handoffDestinations)
        .set({ ...input, nameKey: nameKey(input.name) })
        .where(and(eq(handoffDestinations.agentId, agentId), eq(handoffDestinations.id, id)))
        .returning()
        .get();
      return { ok: true, destination: toDestination(row!) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(input.name);
    throw e;
  }
}

/** Copies a destination under a free "(copy)" name, placed last and never default. */
export function duplicateDestination(db: Db, agentId: string, id: string): MutationResult {
  return writeTransaction(db, (): MutationResult => {
    const source = getDestination(db, agentId, id);
    if (!source) return { ok: false, status: "not_found" };
    const taken = listDestinations(db, agentId).map((d) => d.name);
    const { name: _n, id: _i, agentId: _a, isDefault: _d, createdAt: _c, ...rest } = source;
    return { ok: true, destination: insert(db, agentId, { ...rest, name: copyName(source.name, taken) }) };
  });
}

/** The flow nodes that hand off to each of the agent's destinations (by id, or via "Agent default"). */
export function listDestinationUsages(db: Db, agentId: string): Record<string, DestinationUsage[]> {
  const rows = db
    .select({ id: flows.id, name: flows.name, nodes: flows.nodes })
    .from(flows)
    .where(eq(flows.agentId, agentId))
    .orderBy(...FLOW_ORDER)
    .all();
  return destinationUsages(
    rows.map((f) => ({ ...f, nodes: Array.isArray(f.nodes) ? f.nodes : [] })),
    listDestinations(db, agentId),
  );
}

/** The knowledge topics handing off to each destination, keyed by destination id. */
export function listTopicDestinationUsages(db: Db, agentId: string): Record<string, TopicUsage[]> {
  return topicDestinationUsages(listTopics(db, agentId), listDestinations(db, agentId));
}

/**
 * Deletes a destination; when it was the default, the earliest remaining one becomes default.
 * Handoff nodes that named it keep its id and now also its name ("Deleted destination: Billing
 * Support"); their flows' revisions go up so an open editor notices. One transaction.
 */
export function deleteDestination(
  db: Db,
  agentId: string,
  id: string,
): { ok: true; newDefaultId: string | null; orphanedNodes: number } | { ok: false; status: "not_found" } {
  return writeTransaction(db, (tx) => {
    const row = tx
      .delete(handoffDestinations)
      .where(and(eq(handoffDestinations.agentId, agentId), eq(handoffDestinations.id, id)))
      .returning()
      .get();
    if (!row) return { ok: false as const, status: "not_found" as const };
    let orphanedNodes = 0;
    const now = nowIso();
    for (const flow of tx
      .select({ id: flows.id, nodes: flows.nodes, revision: flows.revision })
      .from(flows)
      .where(eq(flows.agentId, agentId))
      .all()) {
      const marked = markDeletedDestination(Array.isArray(flow.nodes) ? flow.nodes : [], id, row.name);
      if (!marked.changed) continue;
      orphanedNodes += marked.count;
      tx.update(flows)
        .set({ nodes: marked.nodes, revision: flow.revision + 1, updatedAt: now })
        .where(eq(flows.id, flow.id))
        .run();
    }
    if (!row.isDefault) return { ok: true as const, newDefaultId: null, orphanedNodes };
    const next = tx
      .select({ id: handoffDestinations.id })
      .from(handoffDestinations)
      .where(eq(handoffDestinations.agentId, agentId))
      .orderBy(asc(handoffDestinations.position))
      .get();
    if (next) tx.update(handoffDestinations).set({ isDefault: true }).where(eq(handoffDestinations.id, next.id)).run();
    return { ok: true as const, newDefaultId: next?.id ?? null, orphanedNodes };
  });
}

export function setDefaultDestination(db: Db, agentId: string, id: string): MutationResult {
  return writeTransaction(db, (tx) => {
    const row = tx
      .update(handoffDestinations)
      .set({ isDefault: true })
      .where(and(eq(handoffDestinations.agentId, agentId), eq(handoffDestinations.id, id)))
      .returning()
      .get();
    if (!row) return { ok: false as const, status: "not_found" as const };
    tx.update(handoffDestinations)
      .set({ isDefault: false })
      .where(and(eq(handoffDestinations.agentId, agentId), ne(handoffDestinations.id, id)))
      .run();
    return { ok: true as const, destination: toDestination(row) };
  });
}
