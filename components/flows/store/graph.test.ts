import { describe, expect, it } from "vitest";
import type { FlowNode } from "@/lib/flow";
import { testStore } from "@/components/flows/store/testing/editor-store";

const start: FlowNode = { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } };
const say: FlowNode = { id: "say", type: "say", position: { x: 0, y: 100 }, data: { utterance: "Hi" } };
const end: FlowNode = { id: "end", type: "end", position: { x: 0, y: 200 }, data: { goodbye: "" } };

describe("graph slice", () => {
  it("adds a node with the kind's defaults, a fresh id, selected", () => {
    const { s } = testStore();
    const id = s().addNode("handoff", { x: 5, y: 6 });
    expect(id).toBe("handoff_1");
    expect(s().nodes[0]).toMatchObject({ id, type: "handoff", position: { x: 5, y: 6 }, selected: true });
    expect(s().nodes[0]!.data).toEqual({ destinationId: null, reason: "", utterance: "", overrideFunction: null });
    expect(s().selectedNodeIds).toEqual([id]);
  });

  it("adds a node connected below another: from its first free handle, one undo step", () => {
    const listen: FlowNode = {
      id: "l",
      type: "listen",
      position: { x: 0, y: 0 },
      data: { prompt: "", retries: 1, branches: [{ id: "b1", label: "Yes", examples: [], keywords: ["yes"] }] },
    };
    const { s } = testStore({
      nodes: [listen, end],
      edges: [{ id: "e0", source: "l", sourceHandle: "b1", target: "end" }],
    });
    const first = s().addNode("say", { x: 0, y: 200 }, "l");
    expect(s().edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      ["l", "b1", "end"],
      ["l", "no_match", first],
    ]);
    // Every handle is taken now: the next node is added without stealing an edge.
    const second = s().addNode("say", { x: 300, y: 200 }, "l");
    expect(s().edges.filter((e) => e.target === second)).toEqual([]);
    s().undo();
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(["l", "end"]);
    expect(s().edges.map((e) => e.id)).toEqual(["e0"]);
    // A terminal node has nothing to connect from; a new Start is never connected to.
    s().addNode("say", { x: 0, y: 0 }, "end");
    s().addNode("start", { x: 0, y: 0 }, "l");
    expect(s().edges.map((e) => e.id)).toEqual(["e0"]);
  });

  it("adds a node connected from a branch below its source, selected, undone in one step", () => {
    const handoff: FlowNode = {
      id: "h",
      type: "handoff",
      position: { x: 40, y: 100 },
      data: { destinationId: null, reason: "", utterance: "", overrideFunction: null },
    };
    const { s } = testStore({
      nodes: [start, handoff],
      edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "h" }],
    });
    const id = s().addConnectedNode({ nodeId: "h", handle: "failed" }, "say", { utterance: "Sorry" });
    expect(s().nodes.find((n) => n.id === id)).toMatchObject({
      type: "say",
      position: { x: 40, y: 260 },
      data: { utterance: "Sorry" },
      selected: true,
    });
    expect(s().edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      ["start", "next", "h"],
      ["h", "failed", id],
    ]);
    expect(s().problems.filter((p) => p.rule === "handoff-no-fallback")).toEqual([]);
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(["start", "h"]);
    expect(s().edges).toHaveLength(1);
    expect(s().addConnectedNode({ nodeId: "missing", handle: "failed" }, "say", {})).toBeNull();
  });

  it("connects handles, one edge per branch", () => {
    const { s } = testStore({ nodes: [start, say, end] });
    s().connect({ source: "start", sourceHandle: "next", target: "say", targetHandle: null });
    s().connect({ source: "say", sourceHandle: "next", target: "end", targetHandle: null });
    expect(s().edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      ["start", "next", "say"],
      ["say", "next", "end"],
    ]);
    s().connect({ source: "start", sourceHandle: "next", target: "end", targetHandle: null });
    expect(
      s()
        .edges.filter((e) => e.source === "start")
        .map((e) => e.target),
    ).toEqual(["end"]);
    s().connect({ source: "say", sourceHandle: null, target: "end", targetHandle: null });
    expect(s().edges).toHaveLength(2);
  });

  it("reconnects an edge keeping its id", () => {
    const { s } = testStore({
      nodes: [start, say, end],
      edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "say" }],
    });
    s().reconnect(s().edges[0]!, { source: "start", sourceHandle: "next", target: "end", targetHandle: null });
    expect(s().edges).toEqual([{ id: "e1", source: "start", sourceHandle: "next", target: "end" }]);
  });

  it("deleting a node removes its edges, in one undo step", () => {
    const { s } = testStore({
      nodes: [start, say, end],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "say" },
        { id: "e2", source: "say", sourceHandle: "next", target: "end" },
      ],
    });
    s().selectOnly("say");
    s().deleteSelection();
    expect(s().nodes.map((n) => n.id)).toEqual(["start", "end"]);
    expect(s().edges).toEqual([]);
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(["start", "say", "end"]);
    expect(s().edges.map((e) => e.id)).toEqual(["e1", "e2"]);
  });

  it("pastes copies with fresh ids, offset, keeping only internal edges", () => {
    const { s } = testStore({
      nodes: [start, say, end],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "say" },
        { id: "e2", source: "say", sourceHandle: "next", target: "end" },
      ],
    });
    s().onNodesChange([
      { type: "select", id: "say", selected: true },
      { type: "select", id: "end", selected: true },
    ]);
    s().copySelection();
    s().paste();
    const pasted = s().nodes.slice(3);
    expect(pasted.map((n) => n.type)).toEqual(["say", "end"]);
    expect(pasted.every((n) => !["say", "end"].includes(n.id))).toBe(true);
    expect(pasted[0]!.position).toEqual({ x: 40, y: 140 });
    expect(s().selectedNodeIds).toEqual(pasted.map((n) => n.id));
    const newEdges = s().edges.slice(2);
    expect(newEdges).toHaveLength(1);
    expect(newEdges[0]).toMatchObject({ source: pasted[0]!.id, sourceHandle: "next", target: pasted[1]!.id });
    expect(newEdges[0]!.id).not.toBe("e2");
    s().paste();
    expect(s().nodes.slice(5)[0]!.position).toEqual({ x: 80, y: 180 });
  });

  it("drops a deleted branch's edges with the branch and re-lints", () => {
    const listen: FlowNode = {
      id: "ask",
      type: "listen",
      position: { x: 0, y: 0 },
      data: { prompt: "", retries: 1, branches: [{ id: "yes", label: "Yes", examples: [], keywords: ["yes"] }] },
    };
    const { s } = testStore({
      nodes: [start, listen, end],
      edges: [{ id: "e1", source: "ask", sourceHandle: "yes", target: "end" }],
    });
    s().updateNodeData("ask", { branches: [] }, "branches");
    expect(s().edges).toEqual([]);
    s().updateNodeData("ask", { branches: [{ id: "b", label: "B", examples: [], keywords: [] }] }, "branches");
    expect(s().problems.some((p) => p.rule === "listen-branch-empty" && p.nodeId === "ask")).toBe(true);
  });

  it("keeps per-node problem arrays stable when another node changes", () => {
    const { s } = testStore({ nodes: [start, say, end] });
    const before = s().problemsByNode.get("end");
    expect(before?.length).toBeGreaterThan(0); // unreachable
    const list = s().problems;
    s().updateNodeData("say", { utterance: "Changed" }, "utterance");
    expect(s().problemsByNode.get("end")).toBe(before);
    expect(s().problems).toBe(list);
  });
});
