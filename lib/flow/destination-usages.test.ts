import { describe, expect, it } from "vitest";
import { destinationUsages, markDeletedDestination } from "./destination-usages";

const dests = [
  { id: "hd_a", name: "Billing Support", isDefault: false },
  { id: "hd_b", name: "Front desk", isDefault: true },
];
const handoff = (id: string, destinationId: string | null, title?: string) => ({
  id,
  type: "handoff",
  position: { x: 0, y: 0 },
  data: { destinationId, reason: "", utterance: "", overrideFunction: null, ...(title ? { title } : {}) },
});

describe("destinationUsages", () => {
  it("counts nodes naming a destination, and nodes on the agent default for the default one", () => {
    const flows = [
      {
        id: "f1",
        name: "Main",
        nodes: [handoff("n1", "hd_a"), handoff("n2", null), { id: "s", type: "say", data: {} }],
      },
      { id: "f2", name: "After hours", nodes: [handoff("n3", "hd_a", "Night billing"), handoff("n4", "hd_gone")] },
    ];
    const u = destinationUsages(flows, dests);
    expect(u.hd_a!.map((x) => [x.flowName, x.nodeId, x.nodeTitle, x.viaDefault])).toEqual([
      ["Main", "n1", "Handoff: Billing Support", false],
      ["After hours", "n3", "Night billing", false],
    ]);
    expect(u.hd_b!.map((x) => [x.nodeId, x.nodeTitle, x.viaDefault])).toEqual([["n2", "Handoff: Front desk", true]]);
    // A node pointing at a destination that no longer exists belongs to no card.
    expect(Object.keys(u)).toEqual(["hd_a", "hd_b"]);
  });

  it("skips malformed stored nodes instead of throwing", () => {
    const flows = [
      { id: "f", name: "F", nodes: [null, 3, { type: "handoff" }, { id: "x", type: "handoff", data: null }] },
    ];
    expect(destinationUsages(flows, dests)).toEqual({ hd_a: [], hd_b: [] });
  });
});

describe("markDeletedDestination", () => {
  it("keeps the id and adds the name on the nodes that used it, and nothing else", () => {
    const nodes = [
      handoff("n1", "hd_a"),
      handoff("n2", "hd_b"),
      handoff("n3", null),
      { id: "s", type: "say", data: {} },
    ];
    const r = markDeletedDestination(nodes, "hd_a", "Billing Support");
    expect(r).toMatchObject({ changed: true, count: 1 });
    expect(r.nodes[0]).toMatchObject({ data: { destinationId: "hd_a", deletedDestinationName: "Billing Support" } });
    expect(r.nodes.slice(1)).toEqual(nodes.slice(1));
    expect(markDeletedDestination(nodes, "hd_zzz", "Other")).toMatchObject({ changed: false, count: 0 });
  });
});
