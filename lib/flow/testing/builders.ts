import { DEMO_BILLING, DEMO_FRONT_DESK, DEMO_IVR } from "../../handoffs/demo";
import type { LintContext, LintDestination } from "../problems";
import type { FlowDocument, FlowEdge, FlowNode } from "../types";

/** Small builders shared by the flow tests. */

export const at = { x: 0, y: 0 };

export function edge(
  source: string,
  sourceHandle: string,
  target: string,
  id = `e_${source}_${sourceHandle}`,
): FlowEdge {
  return { id, source, sourceHandle, target };
}

export function doc(nodes: FlowNode[], edges: FlowEdge[] = []): FlowDocument {
  return { name: "Test", nodes, edges };
}

// The seeded demo agent's destinations, with fixed ids.
export const frontDesk: LintDestination = DEMO_FRONT_DESK;
export const billing: LintDestination = DEMO_BILLING;
export const ivr: LintDestination = DEMO_IVR;

export function context(over: Partial<LintContext> = {}): LintContext {
  return { destinations: [frontDesk, billing, ivr], functions: [], variables: ["customer_id"], ...over };
}

/** start → <node> → end, with `node` wired on all of the given handles (no end when none). */
export function around(node: FlowNode, handles: string[] = ["next"]): FlowDocument {
  const nodes: FlowNode[] = [{ id: "s", type: "start", position: at, data: { greeting: "" } }, node];
  if (handles.length > 0) nodes.push({ id: "z", type: "end", position: at, data: { goodbye: "" } });
  const edges = [edge("s", "next", node.id), ...handles.map((h) => edge(node.id, h, "z"))];
  return doc(nodes, edges);
}
