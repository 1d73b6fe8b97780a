import { describe, expect, it } from "vitest";
import { exportFlow, importFlow, type FlowNode } from "@/lib/flow";
import { toDocument } from "./document";
import { saveStatus } from "./save-slice";
import { testStore } from "@/components/flows/store/testing/editor-store";

const say: FlowNode = { id: "say", type: "say", position: { x: 0, y: 100 }, data: { utterance: "Hi" } };

describe("selection and the saved document", () => {
  it("never puts selection, dragging or measured sizes into the saved document", () => {
    const { s } = testStore({ nodes: [say], edges: [] });
    s().onNodesChange([
      { type: "select", id: "say", selected: true },
      { type: "dimensions", id: "say", dimensions: { width: 220, height: 90 }, setAttributes: true },
    ]);
    s().onNodesChange([{ type: "position", id: "say", position: { x: 3, y: 4 }, dragging: true }]);
    expect(s().nodes[0]).toMatchObject({ selected: true, dragging: true, measured: { width: 220, height: 90 } });
    const doc = toDocument(s().name, s().nodes, s().edges);
    expect(doc.nodes).toEqual([{ id: "say", type: "say", position: { x: 3, y: 4 }, data: { utterance: "Hi" } }]);
    expect(importFlow(exportFlow(doc))).toEqual({ ok: true, doc });
  });

  it("selection changes do not make the document unsaved", () => {
    const { s } = testStore({ nodes: [say], edges: [] });
    s().selectOnly("say");
    expect(s().selectedNodeIds).toEqual(["say"]);
    s().clearSelection();
    expect(saveStatus(s())).toBe("saved");
    s().updateNodeData("say", { utterance: "Hello" });
    expect(saveStatus(s())).toBe("unsaved");
  });

  it("tracks save status through a save, a conflict and reloading theirs", () => {
    const { s } = testStore({ nodes: [say], edges: [] });
    s().updateNodeData("say", { utterance: "Mine" });
    const version = s().docVersion;
    s().saveStarted();
    expect(saveStatus(s())).toBe("saving");
    s().saveSucceeded(version, 2, "2025-01-01T00:00:00.000Z");
    expect(saveStatus(s())).toBe("saved");
    expect(s().save.revision).toBe(2);
    s().updateNodeData("say", { utterance: "Mine again" });
    s().saveConflict({
      id: "flow_1",
      name: "Theirs",
      revision: 5,
      nodes: [{ ...say, data: { utterance: "Theirs" } }],
      edges: [],
    });
    expect(saveStatus(s())).toBe("stale");
    s().reloadTheirs();
    expect(saveStatus(s())).toBe("saved");
    expect(s().save.revision).toBe(5);
    expect(s().nodes[0]!.data).toEqual({ utterance: "Theirs" });
    s().undo(); // mine is not lost
    expect(s().nodes[0]!.data).toEqual({ utterance: "Mine again" });
  });
});
