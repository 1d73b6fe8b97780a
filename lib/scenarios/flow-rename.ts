import type { Scenario } from "./schema";

/**
 * A scenario after its flow was renamed in the draft: one that runs against the draft and names the
 * flow (ignoring case, as flows are named) follows the new name; null when it does not change. A
 * scenario pinned to a published version (a number, live, pre-release) keeps the name that version has.
 */
export function followFlowRename(scenario: Scenario, from: string, to: string): Scenario | null {
  const draft = scenario.version === undefined || scenario.version === "draft";
  if (!draft || scenario.flow === undefined) return null;
  if (scenario.flow.trim().toLowerCase() !== from.trim().toLowerCase() || scenario.flow === to) return null;
  return { ...scenario, flow: to };
}
