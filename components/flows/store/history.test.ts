import { describe, expect, it } from "vitest";
import { COALESCE_MS } from "./commit";
import { testStore } from "@/components/flows/store/testing/editor-store";

describe("history slice", () => {
  it("undoes and redoes adding a node", () => {
    const { s } = testStore();
    const id = s().addNode("say", { x: 10, y: 20 });
    expect(s().nodes.map((n) => n.id)).toEqual([id]);
    s().undo();
    expect(s().nodes).toEqual([]);
    s().redo();
    expect(s().nodes.map((n) => n.id)).toEqual([id]);
  });

  it("coalesces a typing burst in one field into one step, but not separate fields or pauses", () => {
    const { s, clock } = testStore();
    const id = s().addNode("say", { x: 0, y: 0 });
    for (const text of ["H", "He", "Hel", "Hell", "Hello"]) {
      clock.t += 200;
      s().updateNodeData(id, { utterance: text }, "utterance");
    }
    expect(s().history.past).toHaveLength(2); // add + one typing burst
    clock.t += COALESCE_MS + 1;
    s().updateNodeData(id, { utterance: "Hello!" }, "utterance");
    expect(s().history.past).toHaveLength(3);
    s().undo();
    expect((s().nodes[0]!.data as { utterance: string }).utterance).toBe("Hello");
    s().undo();
    expect((s().nodes[0]!.data as { utterance: string }).utterance).toBe("");
  });

  it("clears redo when a new change is made", () => {
    const { s } = testStore();
    s().addNode("say", { x: 0, y: 0 });
    s().addNode("end", { x: 0, y: 100 });
    s().undo();
    expect(s().history.future).toHaveLength(1);
    s().addNode("listen", { x: 0, y: 200 });
    expect(s().history.future).toHaveLength(0);
    s().redo();
    expect(s().nodes.map((n) => n.type)).toEqual(["say", "listen"]);
  });

  it("records a drag as one step and ignores selection and measuring", () => {
    const { s } = testStore();
    const id = s().addNode("say", { x: 0, y: 0 });
    const before = s().history.past.length;
    s().onNodesChange([{ type: "select", id, selected: false }]);
    s().onNodesChange([{ type: "dimensions", id, dimensions: { width: 200, height: 80 } }]);
    expect(s().history.past).toHaveLength(before);
    const version = s().docVersion;
    for (let x = 1; x <= 5; x++)
      s().onNodesChange([{ type: "position", id, position: { x: x * 10, y: 0 }, dragging: true }]);
    s().onNodesChange([{ type: "position", id, position: { x: 60, y: 0 }, dragging: false }]);
    expect(s().history.past).toHaveLength(before + 1);
    expect(s().docVersion).toBeGreaterThan(version);
    expect(s().nodes[0]!.position).toEqual({ x: 60, y: 0 });
    s().undo();
    expect(s().nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it("makes an import (replaceContent) one undoable change", () => {
    const { s } = testStore();
    s().addNode("say", { x: 0, y: 0 });
    s().replaceContent({
      nodes: [{ id: "a", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } }],
      edges: [],
    });
    expect(s().nodes.map((n) => n.id)).toEqual(["a"]);
    s().undo();
    expect(s().nodes.map((n) => n.type)).toEqual(["say"]);
  });
});
