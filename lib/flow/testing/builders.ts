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

export const billing: LintDestination = {
  id: "hd_billing",
  name: "Billing Support",
  isDefault: false,
  method: "invite",
  sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }],
};
export const frontDesk: LintDestination = {
  id: "hd_front",
  name: "Front desk",
  isDefault: true,
  method: "refer",
  sipHeaders: [],
};
export const ivr: LintDestination = {
  id: "hd_ivr",
  name: "Hand back to IVR",
  isDefault: false,
  method: "bye",
  sipHeaders: [],
};

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
