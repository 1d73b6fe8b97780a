import type { FlowDocument, FlowNode } from "../flow";

export interface FlowIndex {
  nodes: ReadonlyMap<string, FlowNode>;
  /** node id → out handle → target node id */
  out: ReadonlyMap<string, ReadonlyMap<string, string>>;
  start: FlowNode | null;
}

// Sessions are immutable snapshots of one flow; index each flow once, not every step.
const cache = new WeakMap<FlowDocument, FlowIndex>();

export function indexFlow(flow: FlowDocument): FlowIndex {
  const hit = cache.get(flow);
  if (hit) return hit;
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Map<string, string>>();
  for (const e of flow.edges) {
    if (!nodes.has(e.target)) continue;
    let handles = out.get(e.source);
    if (!handles) out.set(e.source, (handles = new Map()));
    // With several edges on one handle (a lint warning), the first one drawn wins.
    if (!handles.has(e.sourceHandle)) handles.set(e.sourceHandle, e.target);
  }
  const index: FlowIndex = { nodes, out, start: flow.nodes.find((n) => n.type === "start") ?? null };
  cache.set(flow, index);
  return index;
}
