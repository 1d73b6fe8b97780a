import { describe, expect, it, vi } from "vitest";
import type { FlowNode } from "@/lib/flow";
import { testStore } from "@/components/flows/store/testing/editor-store";
import { createFlowEditorStore } from "./create-editor-store";
import { nodeProblemsOf } from "./node-problems";

const say = (id: string, utterance: string): FlowNode => ({
  id,
  type: "say",
  position: { x: 0, y: 0 },
  data: { utterance },
});

describe("per-node problem subscriptions", () => {
  it("wake only the node whose problems changed, and nothing while nodes move", () => {
    const { store, s } = testStore({
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } },
        say("a", "hi"),
        say("b", "there"),
      ],
      edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "a" }],
    });
    const np = nodeProblemsOf(store);
    const onA = vi.fn();
    const onB = vi.fn();
    np.subscribe("a", onA);
    const stopB = np.subscribe("b", onB);

    // A variable in b's text adds a problem to b only.
    s().updateNodeData("b", { utterance: "$nope" });
    expect(onB).toHaveBeenCalledTimes(1);
    expect(onA).not.toHaveBeenCalled();

    // Moving a node changes no problems: nobody is woken.
    s().applyPositions({ a: { x: 50, y: 50 } });
    expect(onA).not.toHaveBeenCalled();
    expect(onB).toHaveBeenCalledTimes(1);

    // Fixing b wakes it again (its problems went away); after unsubscribing, nothing.
    s().updateNodeData("b", { utterance: "fine" });
    expect(onB).toHaveBeenCalledTimes(2);
    stopB();
    s().updateNodeData("b", { utterance: "$again" });
    expect(onB).toHaveBeenCalledTimes(2);
  });

  it("a deferred lint starts with no problems and lints on lintNow or the first edit", () => {
    const nodes = [say("a", "$unknown")];
    const store = createFlowEditorStore({
      flow: { id: "f", name: "F", revision: 1, nodes, edges: [] },
      lintContext: { destinations: [], functions: [], variables: [] },
      deferLint: true,
    });
    expect(store.getState()).toMatchObject({ linted: false, problems: [] });
    const onA = vi.fn();
    nodeProblemsOf(store).subscribe("a", onA);
    const before = store.getState().flowContext;
    store.getState().lintNow();
    // Every card reads the flow context: the first lint must not hand them a new one.
    expect(store.getState().flowContext).toBe(before);
    expect(store.getState().linted).toBe(true);
    expect(store.getState().problems.map((p) => p.rule)).toContain("unknown-variable");
    expect(onA).toHaveBeenCalledTimes(1);

    const edited = createFlowEditorStore({
      flow: { id: "f", name: "F", revision: 1, nodes, edges: [] },
      lintContext: { destinations: [], functions: [], variables: [] },
      deferLint: true,
    });
    edited.getState().updateNodeData("a", { utterance: "$still_unknown" });
    expect(edited.getState().linted).toBe(true);
    expect(edited.getState().problems.length).toBeGreaterThan(0);
  });
});
