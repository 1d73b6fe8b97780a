import type { Topic } from "./types";

/**
 * Which knowledge topics hand off to a destination, for the Call Handoffs card and the delete
 * confirmation (flow nodes are counted by lib/flow/destination-usages.ts). A topic keeps the id of
 * a deleted destination, like a handoff node: lint names it, and a call that asks for it fails.
 */
export interface TopicUsage {
  topicId: string;
  topicName: string;
  /** The topic hands off to "Agent default": it follows the default elsewhere when this one goes. */
  viaDefault: boolean;
  enabled: boolean;
}

interface UsageDestination {
  id: string;
  isDefault: boolean;
}

/** Every destination's topics, keyed by destination id (destinations no topic uses map to []). */
export function topicDestinationUsages(
  topics: readonly Pick<Topic, "id" | "name" | "action" | "enabled">[],
  destinations: readonly UsageDestination[],
): Record<string, TopicUsage[]> {
  const out: Record<string, TopicUsage[]> = Object.fromEntries(destinations.map((d) => [d.id, []]));
  const fallback = destinations.find((d) => d.isDefault)?.id;
  for (const topic of topics) {
    if (topic.action.kind !== "builtin-handoff") continue;
    const viaDefault = topic.action.destinationId === null;
    const target = viaDefault ? fallback : topic.action.destinationId;
    if (target === undefined || target === null || !out[target]) continue;
    out[target].push({ topicId: topic.id, topicName: topic.name, viaDefault, enabled: topic.enabled });
  }
  return out;
}
