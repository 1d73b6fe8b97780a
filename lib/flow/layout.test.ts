import { describe, expect, it } from "vitest";
import { autoLayout, DEFAULT_NODE_SIZE, withPositions } from "./layout";
import { around, at, edge } from "./testing/builders";
import type { FlowNode, Position } from "./types";

function overlaps(a: Position, b: Position, w: number, h: number): boolean {
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;
}

const listen: FlowNode = {
  id: "l",
  type: "listen",
  position: at,
  data: {
    prompt: "",
    retries: 1,
    branches: ["a", "b", "c"].map((id) => ({ id, label: id, examples: [id], keywords: [] })),
  },
};

describe("autoLayout", () => {
  const d = around(listen, ["a", "b", "c", "no_match"]);
  d.nodes.push(
    { id: "x", type: "say", position: at, data: { utterance: "" } },
    { id: "y", type: "end", position: at, data: { goodbye: "" } },
  );
  d.edges.push(edge("l", "b", "x", "lb2"), edge("x", "next", "y"), edge("x", "next", "ghost", "dangling"));

  for (const direction of ["TB", "LR"] as const) {
    it(`positions every node without overlap (${direction})`, () => {
      const before = structuredClone(d);
      const pos = autoLayout(d.nodes, d.edges, { direction });
      expect(Object.keys(pos).sort()).toEqual(d.nodes.map((n) => n.id).sort());
      const list = Object.values(pos);
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          expect(overlaps(list[i]!, list[j]!, DEFAULT_NODE_SIZE.width, DEFAULT_NODE_SIZE.height)).toBe(false);
        }
      }
      expect(d).toEqual(before);
    });
  }

  it("follows the direction: start comes first along the main axis", () => {
    const tb = autoLayout(d.nodes, d.edges, { direction: "TB" });
    expect(tb.s!.y).toBeLessThan(tb.l!.y);
    const lr = autoLayout(d.nodes, d.edges, { direction: "LR" });
    expect(lr.s!.x).toBeLessThan(lr.l!.x);
  });

  it("uses measured sizes", () => {
    const big = autoLayout(d.nodes, d.edges, { nodeSize: () => ({ width: 600, height: 400 }) });
    expect(big.l!.y - big.s!.y).toBeGreaterThanOrEqual(400);
  });

  it("withPositions returns new nodes", () => {
    const moved = withPositions(d.nodes, { s: { x: 5, y: 6 } });
    expect(moved[0]!.position).toEqual({ x: 5, y: 6 });
    expect(d.nodes[0]!.position).toEqual(at);
    expect(moved[1]).toBe(d.nodes[1]);
  });
});
