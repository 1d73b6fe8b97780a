import { titleContextOf, nodeTitle } from "./titles";
import type { FlowNode } from "./types";

/**
 * Which flow nodes hand off to a destination, and what deleting one does to them. Pure: the
 * repository reads the flows and writes the result in one transaction.
 */

/** A handoff node that uses a destination: by id, or through "Agent default" while it is the default. */
export interface DestinationUsage {
  flowId: string;
  flowName: string;
  nodeId: string;
  nodeTitle: string;
  /** The node is on "Agent default": it follows the default to another destination, rather than losing its own. */
  viaDefault: boolean;
}

interface UsageFlow {
  id: string;
  name: string;
  /** As stored: not trusted to be well formed. */
  nodes: readonly unknown[];
}

interface UsageDestination {
  id: string;
  name: string;
  isDefault: boolean;
}

interface StoredHandoff {
  id: string;
  data: { destinationId?: unknown; title?: unknown };
}

function handoffNodes(nodes: readonly unknown[]): StoredHandoff[] {
  return nodes.filter(
    (n): n is StoredHandoff =>
      typeof n === "object" &&
      n !== null &&
      (n as { type?: unknown }).type === "handoff" &&
      typeof (n as { id?: unknown }).id === "string" &&
      typeof (n as { data?: unknown }).data === "object" &&
      (n as { data?: unknown }).data !== null,
  );
}

/** Every destination's usages, keyed by destination id (destinations nobody uses map to []). */
export function destinationUsages(
  flows: readonly UsageFlow[],
  destinations: readonly UsageDestination[],
): Record<string, DestinationUsage[]> {
  const out: Record<string, DestinationUsage[]> = Object.fromEntries(destinations.map((d) => [d.id, []]));
  const fallback = destinations.find((d) => d.isDefault) ?? null;
  const titles = titleContextOf(destinations);
  for (const flow of flows) {
    for (const node of handoffNodes(flow.nodes)) {
      const id = node.data.destinationId;
      const target = id === null ? fallback?.id : typeof id === "string" ? id : undefined;
      if (target === undefined || !out[target]) continue;
      out[target].push({
        flowId: flow.id,
        flowName: flow.name,
        nodeId: node.id,
        nodeTitle: nodeTitle({ type: "handoff", data: node.data } as FlowNode, titles),
        viaDefault: id === null,
      });
    }
  }
  return out;
}

/**
 * The nodes of one flow after destination `id` (named `name`) is deleted: its handoff nodes keep
 * the id (lint reports them, nothing is silently retargeted) and remember the name. `changed` is
 * false (count 0) when no node pointed at it, so the caller leaves that flow (and its revision) alone.
 */
export function markDeletedDestination(
  nodes: readonly unknown[],
  id: string,
  name: string,
): { nodes: unknown[]; changed: boolean; count: number } {
  let count = 0;
  const next = nodes.map((n) => {
    const [node] = handoffNodes([n]);
    if (!node || node.data.destinationId !== id) return n;
    count += 1;
    return { ...node, data: { ...node.data, deletedDestinationName: name } };
  });
  return { nodes: next, changed: count > 0, count };
}
