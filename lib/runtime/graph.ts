import type { FlowDocument, FlowNode } from "../flow";
import type { AgentFlow, AgentSetup } from "./types";

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

/** The agent's flows by name; without `flows`, the entry flow alone. */
export function agentFlows(agent: AgentSetup): readonly AgentFlow[] {
  return agent.flows ?? [{ name: agent.flow.name, flow: agent.flow }];
}

/** A flow of the agent by name, ignoring case and surrounding spaces (the entry flow by its own name too). */
export function findAgentFlow(agent: AgentSetup, name: string): AgentFlow | null {
  const key = name.trim().toLowerCase();
  if (agent.flow.name.trim().toLowerCase() === key) return { name: agent.flow.name, flow: agent.flow };
  return agentFlows(agent).find((f) => f.name.trim().toLowerCase() === key) ?? null;
}
