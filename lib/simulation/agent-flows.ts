import type { AgentFlow } from "../runtime";

/**
 * The agent's flows for a call run beside the canvas: the others as saved (asked for when the
 * simulator opens) and where the edited flow stands among them.
 */
export type SimulationFlows = { ok: true; otherFlows: AgentFlow[]; flowIndex: number } | { ok: false; message: string };

/**
 * The agent's flows in their order with the edited one, as it is on screen, back at its place: the
 * first flow is the entry flow, and a rename made in the editor applies at once.
 */
export function withEditedFlow(otherFlows: readonly AgentFlow[], flowIndex: number, edited: AgentFlow): AgentFlow[] {
  const at = Math.max(0, Math.min(flowIndex, otherFlows.length));
  return [...otherFlows.slice(0, at), edited, ...otherFlows.slice(at)];
}
