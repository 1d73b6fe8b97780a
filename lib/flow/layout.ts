import dagre from "@dagrejs/dagre";
import { DEFAULT_NODE_SIZE, type NodeSize } from "./node-size";
import type { FlowEdge, FlowNode, Position } from "./types";

export { DEFAULT_NODE_SIZE, type NodeSize } from "./node-size";

export interface LayoutOptions {
  direction?: "TB" | "LR";
  /** Measured sizes from the canvas when known; defaults to a typical node card. */
  nodeSize?: (node: FlowNode) => NodeSize;
  /** Gap between nodes in a rank and between ranks. */
  nodeGap?: number;
  rankGap?: number;
}

/**
 * New top-left positions (the canvas's convention; dagre works with centres) keyed by node id.
 * Pure: the inputs are not touched. Edges to missing nodes are ignored.
 */
export function autoLayout(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  options: LayoutOptions = {},
): Record<string, Position> {
  const { direction = "TB", nodeSize = () => DEFAULT_NODE_SIZE, nodeGap = 40, rankGap = 70 } = options;
  const g = new dagre.graphlib.Graph({ directed: true, multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: nodeGap, ranksep: rankGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, NodeSize>();
  for (const n of nodes) {
    const size = nodeSize(n);
    sizes.set(n.id, size);
    g.setNode(n.id, { width: size.width, height: size.height });
  }
  for (const e of edges) {
    if (sizes.has(e.source) && sizes.has(e.target)) g.setEdge(e.source, e.target, {}, e.id);
  }
  dagre.layout(g);
  const out: Record<string, Position> = {};
  for (const n of nodes) {
    const laid = g.node(n.id);
    const size = sizes.get(n.id)!;
    out[n.id] = { x: Math.round(laid.x - size.width / 2), y: Math.round(laid.y - size.height / 2) };
  }
  return out;
}

/** Applies positions from autoLayout, returning new node objects. */
export function withPositions<N extends FlowNode>(
  nodes: readonly N[],
  positions: Readonly<Record<string, Position>>,
): N[] {
  return nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n));
}
