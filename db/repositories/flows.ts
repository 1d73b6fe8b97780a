import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { flows, scenarios } from "../schema";
import { writeTransaction } from "../transaction";
import type { FlowDocument, FlowEdge, FlowNode, FlowSummary, StoredFlow } from "../../lib/flow";
import { retargetGotoNodes } from "../../lib/flow/goto-targets";
import { flowJumps } from "../../lib/functions/flow-jumps";
import { listFunctions } from "./functions";
import { listScenarios } from "./scenarios";
import { followFlowRename } from "../../lib/scenarios/flow-rename";

/**
 * The Flows list's order, which also makes the first flow the entry flow: the order the flows were
 * inserted in (rowid; VACUUM keeps their relative order). Not creation time: flows created in the
 * same millisecond (a duplicate, an import) tie, and a wall clock can step back between two of them.
 */
export const FLOW_ORDER = [sql`${flows}.rowid`] as const;

type Row = typeof flows.$inferSelect;

export type FlowNameResult =
  | { ok: true; flow: StoredFlow }
  | { ok: false; status: "name_taken"; message: string }
  | { ok: false; status: "not_found" };

export type SaveResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; status: "stale"; theirs: StoredFlow }
  | { ok: false; status: "not_found" };

function toFlow(row: Row): StoredFlow {
  return {
    id: row.id,
    agentId: row.agentId,
    name: row.name,
    // Stored documents were validated with flowDocumentSchema on the way in.
    nodes: row.nodes as FlowNode[],
    edges: row.edges as FlowEdge[],
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const nameKey = (name: string) => name.trim().toLowerCase();
const taken = (name: string) => ({
  ok: false as const,
  status: "name_taken" as const,
  message: `A flow named "${name}" already exists for this agent`,
});

export function listFlows(db: Db, agentId: string): FlowSummary[] {
  return db
    .select({
      id: flows.id,
      name: flows.name,
      revision: flows.revision,
      updatedAt: flows.updatedAt,
      nodeCount: sql<number>`json_array_length(${flows.nodes})`,
    })
    .from(flows)
    .where(eq(flows.agentId, agentId))
    .orderBy(...FLOW_ORDER)
    .all();
}

/** Every flow of the agent with its graph, in the list's order (the first is the entry flow). */
export function listFlowDocuments(db: Db, agentId: string): StoredFlow[] {
  return db
    .select()
    .from(flows)
    .where(eq(flows.agentId, agentId))
    .orderBy(...FLOW_ORDER)
    .all()
    .map(toFlow);
}

export function getFlow(db: Db, agentId: string, flowId: string): StoredFlow | null {
  const row = db
    .select()
    .from(flows)
    .where(and(eq(flows.agentId, agentId), eq(flows.id, flowId)))
    .get();
  return row ? toFlow(row) : null;
}

/** A flow by its id alone (ids are unique across agents), for the API's /flows/{id}. */
export function getFlowById(db: Db, flowId: string): StoredFlow | null {
  const row = db.select().from(flows).where(eq(flows.id, flowId)).get();
  return row ? toFlow(row) : null;
}

/** For the CLI and API: a flow named by id, or by name (case-insensitive). */
export function findFlow(db: Db, agentId: string, idOrName: string): StoredFlow | null {
  const row = db
    .select()
    .from(flows)
    .where(and(eq(flows.agentId, agentId), sql`(${flows.id} = ${idOrName} OR ${flows.nameKey} = ${nameKey(idOrName)})`))
    .get();
  return row ? toFlow(row) : null;
}

export function flowNameInUse(db: Db, agentId: string, name: string, exceptId?: string): boolean {
  const row = db
    .select({ id: flows.id })
    .from(flows)
    .where(and(eq(flows.agentId, agentId), eq(flows.nameKey, nameKey(name))))
    .get();
  return row !== undefined && row.id !== exceptId;
}

export function createFlow(db: Db, agentId: string, doc: FlowDocument): FlowNameResult {
  return writeTransaction(db, (tx): FlowNameResult => {
    if (flowNameInUse(db, agentId, doc.name)) return taken(doc.name);
    const now = nowIso();
    const row = tx
      .insert(flows)
      .values({
        id: newId("flow"),
        agentId,
        name: doc.name,
        nameKey: nameKey(doc.name),
        nodes: doc.nodes,
        edges: doc.edges,
        revision: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    return { ok: true, flow: toFlow(row) };
  });
}

export type RenameFlowResult = FlowNameResult & {
  retargeted?: number;
  scenariosFollowed?: number;
  namedInCode?: string[];
};

/**
 * Renames a flow, and in the same transaction points the agent's Go to flow nodes that named it at
 * the new name (each flow so changed gets a new revision, so an editor open on it sees the change);
 * `retargeted` counts those nodes. Scenarios run against the draft follow too (`scenariosFollowed`;
 * lib/scenarios/flow-rename.ts). Python's `conv.goto_flow("…")` calls are code and are not
 * rewritten: `namedInCode` lists the functions that still name the old flow (lint warns on them too).
 */
export function renameFlow(db: Db, agentId: string, flowId: string, name: string): RenameFlowResult {
  return writeTransaction(db, (tx): RenameFlowResult => {
    const before = getFlow(db, agentId, flowId);
    if (!before) return { ok: false, status: "not_found" };
    if (flowNameInUse(db, agentId, name, flowId)) return taken(name);
    const now = nowIso();
    let retargeted = 0;
    for (const f of listFlowDocuments(db, agentId)) {
      const { nodes, changed } = retargetGotoNodes(f.nodes, before.name, name);
      if (changed === 0) continue;
      retargeted += changed;
      tx.update(flows)
        .set({ nodes, revision: sql`${flows.revision} + 1`, updatedAt: now })
        .where(and(eq(flows.agentId, agentId), eq(flows.id, f.id)))
        .run();
    }
    const row = tx
      .update(flows)
      .set({ name, nameKey: nameKey(name), revision: sql`${flows.revision} + 1`, updatedAt: now })
      .where(and(eq(flows.agentId, agentId), eq(flows.id, flowId)))
      .returning()
      .get();
    let scenariosFollowed = 0;
    for (const stored of listScenarios(db, agentId)) {
      const followed = followFlowRename(stored.scenario, before.name, name);
      if (!followed) continue;
      scenariosFollowed++;
      tx.update(scenarios)
        .set({ definition: followed, updatedAt: now })
        .where(and(eq(scenarios.agentId, agentId), eq(scenarios.id, stored.id)))
        .run();
    }
    const oldKey = nameKey(before.name);
    const namedInCode = listFunctions(db, agentId)
      .filter((fn) => flowJumps(fn.code).some((j) => nameKey(j.flow) === oldKey))
      .map((fn) => fn.name);
    return {
      ok: true,
      flow: toFlow(row!),
      retargeted,
      ...(scenariosFollowed ? { scenariosFollowed } : {}),
      ...(namedInCode.length ? { namedInCode } : {}),
    };
  });
}

/** A free "<name> (copy)" / "(copy 2)"… name among the agent's flows. */
export function freeCopyName(db: Db, agentId: string, name: string): string {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, "");
  for (let n = 1; ; n++) {
    const suffix = ` (copy${n === 1 ? "" : ` ${n}`})`;
    const candidate = base.slice(0, 80 - suffix.length) + suffix;
    if (!flowNameInUse(db, agentId, candidate)) return candidate;
  }
}

export function duplicateFlow(db: Db, agentId: string, flowId: string): FlowNameResult {
  return writeTransaction(db, (): FlowNameResult => {
    const source = getFlow(db, agentId, flowId);
    if (!source) return { ok: false, status: "not_found" };
    return createFlow(db, agentId, {
      name: freeCopyName(db, agentId, source.name),
      nodes: source.nodes,
      edges: source.edges,
    });
  });
}

export function deleteFlow(db: Db, agentId: string, flowId: string): boolean {
  return (
    db
      .delete(flows)
      .where(and(eq(flows.agentId, agentId), eq(flows.id, flowId)))
      .run().changes > 0
  );
}

/**
 * Saves a document only if the stored revision is still the one the editor started from.
 * The check and the write are one UPDATE, so two tabs cannot both win.
 */
export function saveFlow(
  db: Db,
  agentId: string,
  flowId: string,
  doc: Pick<FlowDocument, "nodes" | "edges">,
  baseRevision: number,
): SaveResult {
  const savedAt = nowIso();
  const row = db
    .update(flows)
    .set({ nodes: doc.nodes, edges: doc.edges, revision: sql`${flows.revision} + 1`, updatedAt: savedAt })
    .where(and(eq(flows.agentId, agentId), eq(flows.id, flowId), eq(flows.revision, baseRevision)))
    .returning({ revision: flows.revision })
    .get();
  if (row) return { ok: true, revision: row.revision, savedAt };
  const theirs = getFlow(db, agentId, flowId);
  return theirs ? { ok: false, status: "stale", theirs } : { ok: false, status: "not_found" };
}
