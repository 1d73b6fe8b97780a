import type { DestinationUsage } from "@/lib/flow/destination-usages";

/** "3 nodes", "1 node", "no flow node": how many flow nodes hand off to a destination. */
export function usageCount(usages: readonly DestinationUsage[]): string {
  if (usages.length === 0) return "no flow node";
  return `${usages.length} node${usages.length === 1 ? "" : "s"}`;
}

/** One line per node, `Main line: Handoff: Billing Support`, for a tooltip. */
export function usageList(usages: readonly DestinationUsage[]): string {
  return usages.map((u) => `${u.flowName}: ${u.nodeTitle}${u.viaDefault ? " (via the agent default)" : ""}`).join("\n");
}
