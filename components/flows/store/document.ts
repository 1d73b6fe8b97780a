import type { FlowDocument, FlowEdge, FlowNode, Problem } from "@/lib/flow";
import type { CanvasEdge, CanvasNode } from "./types";

/**
 * The saved document: only model fields. Selection, dragging, measured sizes and anything
 * else the canvas adds never reach the database or an export.
 */
export function toDocument(name: string, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): FlowDocument {
  return {
    name,
    nodes: nodes.map(
      (n) => ({ id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y }, data: n.data }) as FlowNode,
    ),
    edges: edges.map((e): FlowEdge => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target })),
  };
}

export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.id !== b[i]!.id || a[i]!.message !== b[i]!.message || a[i]!.severity !== b[i]!.severity) return false;
  }
  return true;
}

/**
 * Problems grouped by node, reusing the previous array for every node whose problems are
 * unchanged: a node component selecting `problemsByNode.get(id)` then re-renders only when
 * its own problems change, not on every keystroke elsewhere.
 */
export function stableProblemsByNode(
  prev: ReadonlyMap<string, Problem[]>,
  problems: readonly Problem[],
): Map<string, Problem[]> {
  const next = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.nodeId === undefined) continue;
    const list = next.get(p.nodeId);
    if (list) list.push(p);
    else next.set(p.nodeId, [p]);
  }
  for (const [id, list] of next) {
    const old = prev.get(id);
    if (old && sameProblems(old, list)) next.set(id, old);
  }
  return next;
}

export function selectedIds(items: readonly { id: string; selected?: boolean }[]): string[] {
  const out: string[] = [];
  for (const item of items) if (item.selected) out.push(item.id);
  return out;
}

/** Keeps the previous array when the ids are the same, so selectors stay referentially stable. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
