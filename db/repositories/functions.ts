import { FLOW_ORDER } from "./flows";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { flows, functions } from "../schema";
import { writeTransaction } from "../transaction";
import type { AgentFunction, FunctionUsage } from "../../lib/functions/types";
import { nodeTitle, titleContextOf, type FlowNode, type TitleContext } from "../../lib/flow";
import { listDestinations } from "./handoffs";

type Row = typeof functions.$inferSelect;

export type FunctionResult =
  | { ok: true; function: AgentFunction }
  | { ok: false; status: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; status: "not_found" };

function toFunction(row: Row): AgentFunction {
  return {
    id: row.id,
    agentId: row.agentId,
    name: row.name,
    description: row.description,
    code: row.code,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// Python names are case-sensitive, so uniqueness is exact (the table's unique index).
const nameTaken = (name: string): FunctionResult => ({
  ok: false,
  status: "invalid",
  fieldErrors: { name: `A function named ${name} already exists for this agent` },
});

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && "code" in e && (e as { code: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

export function listFunctions(db: Db, agentId: string): AgentFunction[] {
  return db
    .select()
    .from(functions)
    .where(eq(functions.agentId, agentId))
    .orderBy(asc(functions.name))
    .all()
    .map(toFunction);
}

export function getFunction(db: Db, agentId: string, id: string): AgentFunction | null {
  const row = db
    .select()
    .from(functions)
    .where(and(eq(functions.agentId, agentId), eq(functions.id, id)))
    .get();
  return row ? toFunction(row) : null;
}

export function findFunctionByName(db: Db, agentId: string, name: string): AgentFunction | null {
  const row = db
    .select()
    .from(functions)
    .where(and(eq(functions.agentId, agentId), eq(functions.name, name)))
    .get();
  return row ? toFunction(row) : null;
}

export function createFunction(
  db: Db,
  agentId: string,
  input: { name: string; description: string; code: string },
): FunctionResult {
  if (findFunctionByName(db, agentId, input.name)) return nameTaken(input.name);
  const now = nowIso();
  try {
    const row = db
      .insert(functions)
      .values({
        id: newId("fn"),
        agentId,
        name: input.name,
        description: input.description,
        code: input.code,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    return { ok: true, function: toFunction(row) };
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(input.name);
    throw e;
  }
}

export function saveFunction(
  db: Db,
  agentId: string,
  id: string,
  input: { code: string; description?: string },
): FunctionResult {
  const row = db
    .update(functions)
    .set({
      code: input.code,
      ...(input.description !== undefined ? { description: input.description } : {}),
      updatedAt: nowIso(),
    })
    .where(and(eq(functions.agentId, agentId), eq(functions.id, id)))
    .returning()
    .get();
  return row ? { ok: true, function: toFunction(row) } : { ok: false, status: "not_found" };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `def old(` at the start of a line becomes `def new(`: the record's name is the function called. */
export function renameDefinition(code: string, from: string, to: string): string {
  return code.replace(new RegExp(`^(\\s*(?:async\\s+)?def\\s+)${escapeRegExp(from)}(\\s*\\()`, "gm"), `$1${to}$2`);
}

interface StoredNode {
  id?: unknown;
  type?: unknown;
  data?: Record<string, unknown>;
}

function nodeUses(node: StoredNode, name: string): "function" | "handoff" | null {
  if (node.type === "function" && node.data?.functionName === name) return "function";
  if (node.type === "handoff" && node.data?.overrideFunction === name) return "handoff";
  return null;
}

/** Flow nodes that call this function by name (function nodes and handoff overrides). */
export function functionUsages(db: Db, agentId: string, name: string): FunctionUsage[] {
  const rows = db
    .select({ id: flows.id, name: flows.name, nodes: flows.nodes })
    .from(flows)
    .where(eq(flows.agentId, agentId))
    .orderBy(...FLOW_ORDER)
    .all();
  const out: FunctionUsage[] = [];
  // Handoff nodes' default titles name their destination: read those only when needed.
  let titles: TitleContext | null = null;
  for (const flow of rows) {
    for (const node of (Array.isArray(flow.nodes) ? flow.nodes : []) as StoredNode[]) {
      const kind = nodeUses(node, name);
      if (!kind) continue;
      const nodeId = String(node.id);
      titles ??= titleContextOf(listDestinations(db, agentId));
      const title = nodeTitle({ type: kind, data: node.data ?? {} } as FlowNode, titles);
      out.push({
        flowId: flow.id,
        flowName: flow.name,
        nodeId,
        nodeType: kind,
        nodeTitle: title,
        label: `${kind === "function" ? "function node" : "handoff node (override)"} "${title}" in ${flow.name}`,
      });
    }
  }
  return out;
}

/**
 * Renames a function, its `def`, and every flow node that names it (those flows' revisions are
 * bumped so an open flow editor notices), in one transaction.
 */
export function renameFunction(
  db: Db,
  agentId: string,
  id: string,
  name: string,
): FunctionResult & { updatedNodes?: number } {
  try {
    return writeTransaction(db, (tx): FunctionResult & { updatedNodes?: number } => {
      const existing = getFunction(db, agentId, id);
      if (!existing) return { ok: false, status: "not_found" };
      if (existing.name === name) return { ok: true, function: existing, updatedNodes: 0 };
      if (findFunctionByName(db, agentId, name)) return nameTaken(name);
      const now = nowIso();
      const row = tx
        .update(functions)
        .set({ name, code: renameDefinition(existing.code, existing.name, name), updatedAt: now })
        .where(eq(functions.id, id))
        .returning()
        .get();
      let updatedNodes = 0;
      const flowRows = tx
        .select({ id: flows.id, nodes: flows.nodes, revision: flows.revision })
        .from(flows)
        .where(eq(flows.agentId, agentId))
        .all();
      for (const flow of flowRows) {
        let changed = false;
        const nodes = (flow.nodes as StoredNode[]).map((node) => {
          const kind = nodeUses(node, existing.name);
          if (!kind) return node;
          changed = true;
          updatedNodes += 1;
          return { ...node, data: { ...node.data, [kind === "function" ? "functionName" : "overrideFunction"]: name } };
        });
        if (changed)
          tx.update(flows)
            .set({ nodes, revision: flow.revision + 1, updatedAt: now })
            .where(eq(flows.id, flow.id))
            .run();
      }
      return { ok: true as const, function: toFunction(row!), updatedNodes };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(name);
    throw e;
  }
}

export function deleteFunction(db: Db, agentId: string, id: string): boolean {
  const row = db
    .delete(functions)
    .where(and(eq(functions.agentId, agentId), eq(functions.id, id)))
    .returning({ id: functions.id })
    .get();
  return row !== undefined;
}
