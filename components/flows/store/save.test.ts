import { describe, expect, it } from "vitest";
import type { FlowNode } from "@/lib/flow";
import { saveStatus } from "./save-slice";
import { testStore } from "./testing/editor-store";

const say = (id: string, utterance: string): FlowNode => ({
  id,
  type: "say",
  position: { x: 0, y: 0 },
  data: { utterance },
});

describe("loadSaved: a newer saved revision replaces what the editor opened with", () => {
  it("shows the saved flow as just opened: saved status, its revision, no undo back to the old one", () => {
    const { s } = testStore({ revision: 3, nodes: [say("a", "Old")], edges: [] });
    s().loadSaved({
      name: "Renamed",
      nodes: [say("a", "New"), say("b", "Added")],
      edges: [{ id: "e", source: "a", sourceHandle: "next", target: "b" }],
      revision: 4,
      savedAt: "2025-01-01T00:00:00.000Z",
    });
    expect(s().name).toBe("Renamed");
    expect(s().nodes.map((n) => n.data)).toEqual([{ utterance: "New" }, { utterance: "Added" }]);
    expect(s().edges).toHaveLength(1);
    expect(saveStatus(s())).toBe("saved");
    expect(s().save).toMatchObject({ revision: 4, savedAt: "2025-01-01T00:00:00.000Z", error: null, theirs: null });
    expect(s().history.past).toEqual([]);
    s().undo();
    expect((s().nodes[0]!.data as { utterance: string }).utterance).toBe("New");
  });

  it("re-lints the loaded flow", () => {
    const { s } = testStore({ nodes: [say("a", "Hi")], edges: [] });
    expect(s().problems.some((p) => p.nodeId === "a")).toBe(true);
    s().loadSaved({ name: "T", nodes: [], edges: [], revision: 2, savedAt: "2025-01-01T00:00:00.000Z" });
    expect(s().problems.some((p) => p.nodeId === "a")).toBe(false);
    expect(s().problemsByNode.has("a")).toBe(false);
  });
});
