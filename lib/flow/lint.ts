import { referencedVariables } from "../variables/variables";
import { anyKind } from "./catalogue";
import type { OutHandle } from "./kind";
import { nodeProblem, prepareContext, problemId, type LintContext, type Problem } from "./problems";
import type { FlowDocument, FlowNode } from "./types";

/**
 * Flow lint (docs/design.md §2). Runs on every edit, so everything is one pass over nodes and edges
 * with Map/Set lookups: O(nodes + edges), no per-node scans of the edge list.
 */
export function lintFlow(doc: Pick<FlowDocument, "nodes" | "edges">, ctx: LintContext): Problem[] {
  const problems: Problem[] = [];
  const nodeById = new Map<string, FlowNode>();
  const handlesByNode = new Map<string, OutHandle[]>();
  const handleIds = new Map<string, Set<string>>();
  const assigned: string[] = [];
  for (const node of doc.nodes) {
    nodeById.set(node.id, node);
    const def = anyKind(node.type);
    const handles = def.outHandles(node.data);
    handlesByNode.set(node.id, handles);
    handleIds.set(node.id, new Set(handles.map((h) => h.id)));
    assigned.push(...def.assignedVariables(node.data));
  }
  const flowCtx = prepareContext(ctx, assigned);

  const starts = doc.nodes.filter((n) => n.type === "start");
  if (starts.length === 0) {
    problems.push({
      id: problemId("no-start", "flow"),
      rule: "no-start",
      severity: "error",
      message: "Add a Start node: calls have nowhere to begin",
    });
  }
  for (const extra of starts.slice(1)) {
    problems.push(
      nodeProblem(
        { nodeId: extra.id },
        "multiple-start",
        "error",
        "A flow has exactly one Start node: remove this one",
      ),
    );
  }

  // Edges: keep only those the runtime could follow, counting them per (node, handle).
  const edgeCount = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const base = { severity: "error" as const, rule: "dangling-edge" as const, edgeId: edge.id };
    if (!nodeById.has(edge.source)) {
      problems.push({
        ...base,
        id: problemId("dangling-edge", edge.id, "source"),
        path: "source",
        message: `Edge starts at a missing node (${edge.source})`,
      });
    }
    if (!nodeById.has(edge.target)) {
      problems.push({
        ...base,
        id: problemId("dangling-edge", edge.id, "target"),
        path: "target",
        message: `Edge points to a missing node (${edge.target})`,
      });
    }
    const handles = handleIds.get(edge.source);
    if (!handles || !nodeById.has(edge.target)) continue;
    if (!handles.has(edge.sourceHandle)) {
      problems.push({
        ...base,
        id: problemId("dangling-edge", edge.id, "handle"),
        nodeId: edge.source,
        path: "sourceHandle",
        message: "An edge leaves from a branch this node no longer has (was it deleted?)",
      });
      continue;
    }
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    edgeCount.set(key, (edgeCount.get(key) ?? 0) + 1);
    const list = successors.get(edge.source);
    if (list) list.push(edge.target);
    else successors.set(edge.source, [edge.target]);
  }

  for (const node of doc.nodes) {
    const nctx = { ...flowCtx, nodeId: node.id };
    const def = anyKind(node.type);
    const seen = new Set<string>();
    for (const h of handlesByNode.get(node.id)!) {
      if (seen.has(h.id)) {
        problems.push(
          nodeProblem(
            nctx,
            "duplicate-handle",
            "error",
            `Two branches share the id "${h.id}": give each its own`,
            undefined,
            h.id,
          ),
        );
        continue;
      }
      seen.add(h.id);
      const count = edgeCount.get(`${node.id}\u0000${h.id}`) ?? 0;
      if (count === 0 && h.suggestion !== undefined) {
        problems.push(nodeProblem(nctx, "handoff-no-fallback", "info", h.suggestion, undefined, h.id));
      } else if (count === 0) {
        problems.push(
          nodeProblem(
            nctx,
            "dead-end",
            "warning",
            `Branch "${h.label}" leads nowhere: the call would stop here`,
            undefined,
            h.id,
          ),
        );
      } else if (count > 1) {
        problems.push(
          nodeProblem(
            nctx,
            "ambiguous-edge",
            "warning",
            `Branch "${h.label}" has ${count} edges: only one is followed`,
            undefined,
            h.id,
          ),
        );
      }
    }
    problems.push(...def.validate(node.data, nctx));
    for (const t of def.variableTexts(node.data)) {
      for (const name of referencedVariables(t.text)) {
        if (flowCtx.knownVariables.has(name)) continue;
        problems.push(
          nodeProblem(
            nctx,
            "unknown-variable",
            "warning",
            `Unknown variable $${name} in ${t.label}: it will be empty unless set during the call`,
            t.path,
            `${t.path}:${name}`,
          ),
        );
      }
    }
  }

  if (starts.length > 0) {
    const reached = new Set<string>(starts.map((s) => s.id));
    const queue = starts.map((s) => s.id);
    for (let i = 0; i < queue.length; i++) {
      for (const next of successors.get(queue[i]!) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const node of doc.nodes) {
      if (!reached.has(node.id)) {
        problems.push(
          nodeProblem({ nodeId: node.id }, "unreachable", "warning", "No path from Start reaches this node"),
        );
      }
    }
    problems.push(...jumpLoops(doc.nodes, starts, successors, nodeById, ctx.flowName));
  }
  return problems;
}

/**
 * A Go to flow node naming its own flow starts the flow again: when Start reaches it without a
 * Listen on the way, the call runs in circles without ever hearing the caller.
 */
function jumpLoops(
  nodes: readonly FlowNode[],
  starts: readonly FlowNode[],
  successors: ReadonlyMap<string, string[]>,
  nodeById: ReadonlyMap<string, FlowNode>,
  flowName: string | undefined,
): Problem[] {
  if (flowName === undefined) return [];
  const self = flowName.trim().toLowerCase();
  const jumps = nodes.filter((n) => n.type === "goto_flow" && n.data.flow.trim().toLowerCase() === self);
  if (jumps.length === 0) return [];
  const reached = new Set<string>(starts.map((s) => s.id));
  const queue = starts.map((s) => s.id);
  for (let i = 0; i < queue.length; i++) {
    if (nodeById.get(queue[i]!)?.type === "listen") continue;
    for (const next of successors.get(queue[i]!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return jumps
    .filter((n) => reached.has(n.id))
    .map((n) =>
      nodeProblem(
        { nodeId: n.id },
        "flow-jump-loop",
        "error",
        `Goes back to the start of this flow ("${flowName}") with no Listen on the way: the call would loop without hearing the caller`,
        "data.flow",
      ),
    );
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** What a node's badge counts: errors and warnings, not suggestions. */
export function isBadgeProblem(p: Problem): boolean {
  return p.severity !== "info";
}

/** For node badges: problems grouped by node id (edge-only problems are left out). */
export function problemsByNode(problems: readonly Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.nodeId === undefined) continue;
    const list = out.get(p.nodeId);
    if (list) list.push(p);
    else out.set(p.nodeId, [p]);
  }
  return out;
}
