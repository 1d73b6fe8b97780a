import { describe, expect, it } from "vitest";
import { topicDestinationUsages } from "./destination-usages";
import type { TopicAction } from "./types";

const handoff = (destinationId: string | null): TopicAction => ({
  kind: "builtin-handoff",
  destinationId,
  reason: "needs_human",
  utterance: "",
});
const topic = (id: string, action: TopicAction, enabled = true) => ({ id, name: `Topic ${id}`, action, enabled });
const destinations = [
  { id: "front", isDefault: true },
  { id: "billing", isDefault: false },
];

describe("topicDestinationUsages", () => {
  it("lists each handoff topic under its destination, and topics on the default under the default", () => {
    const usages = topicDestinationUsages(
      [
        topic("a", handoff("billing")),
        topic("b", handoff(null), false),
        topic("c", { kind: "none" }),
        topic("d", { kind: "function", functionName: "route_vip" }),
      ],
      destinations,
    );
    expect(usages).toEqual({
      billing: [{ topicId: "a", topicName: "Topic a", viaDefault: false, enabled: true }],
      front: [{ topicId: "b", topicName: "Topic b", viaDefault: true, enabled: false }],
    });
  });

  it("ignores a topic whose destination is already gone, and default topics when there is no default", () => {
    const usages = topicDestinationUsages(
      [topic("a", handoff("deleted")), topic("b", handoff(null))],
      [{ id: "billing", isDefault: false }],
    );
    expect(usages).toEqual({ billing: [] });
  });
});
