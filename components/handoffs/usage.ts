import type { DestinationUsage } from "@/lib/flow/destination-usages";
import type { TopicUsage } from "@/lib/topics/destination-usages";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 nodes", "1 node, 2 topics", "nothing": how many flow nodes and knowledge topics hand off to a destination. */
export function usageCount(usages: readonly DestinationUsage[], topics: readonly TopicUsage[] = []): string {
  const parts = [
    ...(usages.length ? [plural(usages.length, "node")] : []),
    ...(topics.length ? [plural(topics.length, "topic")] : []),
  ];
  return parts.length ? parts.join(", ") : "nothing";
}

/** One line per node (`Main line: Handoff: Billing Support`) and per topic (`Knowledge: Speak to a human`), for a tooltip. */
export function usageList(usages: readonly DestinationUsage[], topics: readonly TopicUsage[] = []): string {
  return [
    ...usages.map((u) => `${u.flowName}: ${u.nodeTitle}${u.viaDefault ? " (via the agent default)" : ""}`),
    ...topics.map((t) => `Knowledge: ${t.topicName}${t.viaDefault ? " (via the agent default)" : ""}`),
  ].join("\n");
}
