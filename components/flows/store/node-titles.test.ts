import { describe, expect, it, vi } from "vitest";
import { testStore } from "@/components/flows/store/testing/editor-store";
import { steadyWhileDragging, titleOf } from "./node-titles";

describe("node title selectors", () => {
  it("titleOf follows edits and computes each title once per data object", () => {
    const { s } = testStore({
      nodes: [{ id: "a", type: "say", position: { x: 0, y: 0 }, data: { utterance: "Hello there" } }],
    });
    expect(titleOf(s().nodes[0]!, s().flowContext)).toBe("Say: Hello there");
    s().updateNodeData("a", { title: "Greeting" });
    expect(titleOf(s().nodes[0]!, s().flowContext)).toBe("Greeting");
  });

  it("steadyWhileDragging reuses the last result during a drag and recomputes after it", () => {
    const { s } = testStore({
      nodes: [{ id: "a", type: "say", position: { x: 0, y: 0 }, data: { utterance: "Hi" } }],
    });
    const inner = vi.fn((state: ReturnType<typeof s>) => state.nodes.map((n) => n.position.x).join());
    const selector = steadyWhileDragging(inner);
    expect(selector(s())).toBe("0");
    s().onNodesChange([{ type: "position", id: "a", position: { x: 10, y: 0 }, dragging: true }]);
    s().onNodesChange([{ type: "position", id: "a", position: { x: 20, y: 0 }, dragging: true }]);
    expect(selector(s())).toBe("0");
    expect(inner).toHaveBeenCalledTimes(1);
    s().onNodesChange([{ type: "position", id: "a", position: { x: 30, y: 0 }, dragging: false }]);
    expect(selector(s())).toBe("30");
  });
});
