import type { FlowNode } from "./types";

const key = (name: string) => name.trim().toLowerCase();

/**
 * A flow renamed from `from` to `to`: its Go to flow nodes that named it by the old name (compared
 * as flows are, ignoring case and surrounding spaces) name it by the new one. Other nodes keep their
 * identity, so an unchanged flow is recognisably unchanged (`changed` is 0).
 */
export function retargetGotoNodes(
  nodes: readonly FlowNode[],
  from: string,
  to: string,
): { nodes: FlowNode[]; changed: number } {
  let changed = 0;
  const out = nodes.map((n) => {
    if (n.type !== "goto_flow" || key(n.data.flow) !== key(from) || n.data.flow === to) return n;
    changed++;
    return { ...n, data: { ...n.data, flow: to } };
  });
  return { nodes: out, changed };
}
