import { splitPathKey } from "../runtime/path";
import type { FlowDocument } from "../flow/types";

/** Which nodes and branches of a flow a set of runs reached (docs/design.md §15). */
export interface Coverage {
  nodes: { total: number; covered: number };
  branches: { total: number; covered: number };
  /** Node ids no run entered. */
  uncoveredNodes: string[];
  /** Edge ids (branches: a node's out handle to its target) no run followed. */
  uncoveredEdges: string[];
}

/**
 * Coverage of `flow` by the runs' paths (node ids in the order entered). A branch is an edge; a run
 * follows it when the edge's source is immediately followed by its target on the path. Nodes and
 * edges are matched by id, so paths from another flow count for nothing.
 */
export function flowCoverage(
  flow: Pick<FlowDocument, "nodes" | "edges">,
  paths: Iterable<readonly string[]>,
): Coverage {
  const entered = new Set<string>();
  const steps = new Set<string>();
  for (const path of paths) {
    for (let i = 0; i < path.length; i++) {
      entered.add(path[i]!);
      if (i > 0) steps.add(`${path[i - 1]}\u0000${path[i]}`);
    }
  }
  const uncoveredNodes = flow.nodes.filter((n) => !entered.has(n.id)).map((n) => n.id);
  const uncoveredEdges = flow.edges.filter((e) => !steps.has(`${e.source}\u0000${e.target}`)).map((e) => e.id);
  return {
    nodes: { total: flow.nodes.length, covered: flow.nodes.length - uncoveredNodes.length },
    branches: { total: flow.edges.length, covered: flow.edges.length - uncoveredEdges.length },
    uncoveredNodes,
    uncoveredEdges,
  };
}

/** "N of M nodes, K of L branches covered". */
export function coverageLine(c: Pick<Coverage, "nodes" | "branches">): string {
  return `${c.nodes.covered} of ${c.nodes.total} nodes, ${c.branches.covered} of ${c.branches.total} branches covered`;
}

/** The paths of results that ran `flow` of the draft (coverage is shown for the draft's flows). */
export function coveragePaths(
  results: Iterable<{ flow: string | null; version: number | null; call: { path?: string[] } | null }>,
  flow: string,
): string[][] {
  const out: string[][] = [];
  const wanted = flow.toLowerCase();
  for (const r of results) {
    if (!r.call || r.version !== null) continue;
    const path = r.call.path ?? [];
    const parts = path.map(splitPathKey);
    if (parts.some((p) => p.flow !== null)) {
      // A call that changed flow (docs/design.md §3) covers the steps it took in this flow, whichever it started in.
      const mine = parts.filter((p) => p.flow?.toLowerCase() === wanted).map((p) => p.nodeId);
      if (mine.length > 0) out.push(mine);
    } else if (r.flow?.toLowerCase() === wanted) out.push(path);
  }
  return out;
}
