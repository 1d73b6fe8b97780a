import { describe, expect, it } from "vitest";
import type { NodeProps } from "@xyflow/react";
import type { CanvasNode } from "@/components/flows/store/types";
import { sameCard } from "./same-card";

const props = (over: Partial<NodeProps<CanvasNode>> = {}): NodeProps<CanvasNode> =>
  ({
    id: "n1",
    type: "say",
    data: { utterance: "Hello" },
    selected: false,
    selectable: true,
    draggable: true,
    deletable: true,
    isConnectable: true,
    dragging: false,
    zIndex: 0,
    positionAbsoluteX: 0,
    positionAbsoluteY: 0,
    width: 0,
    height: 0,
    ...over,
  }) as NodeProps<CanvasNode>;

describe("sameCard", () => {
  it("skips a render when only xyflow's size, position, z-index or drag state changed", () => {
    const first = props();
    expect(sameCard(first, { ...first, width: 240, height: 74 })).toBe(true);
    expect(
      sameCard(first, { ...first, positionAbsoluteX: 310, positionAbsoluteY: -20, zIndex: 1000, dragging: true }),
    ).toBe(true);
  });

  it("renders again when what the card draws changed", () => {
    const first = props();
    expect(sameCard(first, { ...first, selected: true })).toBe(false);
    expect(sameCard(first, { ...first, data: { utterance: "Hello" } })).toBe(false);
    expect(sameCard(first, { ...first, type: "listen" })).toBe(false);
    expect(sameCard(first, { ...first, id: "n2" })).toBe(false);
  });
});
