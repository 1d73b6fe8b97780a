import { describe, expect, it } from "vitest";
import {
  cardHandles,
  detailAtZoom,
  FULL_DETAIL_ZOOM,
  LOW_DETAIL_ZOOM,
  startsInLowDetail,
  typicalCardHeight,
} from "./detail";
import { generateMixedFlow } from "./generate";
import type { FlowNode } from "./types";

const at = (x: number, y: number): Pick<FlowNode, "position"> => ({ position: { x, y } });

describe("startsInLowDetail", () => {
  it("draws small and wide-but-short flows in full detail, and a flow too big for any screen in overview", () => {
    expect(startsInLowDetail([])).toBe(false);
    expect(startsInLowDetail([at(0, 0), at(300, 200)])).toBe(false);
    expect(startsInLowDetail(generateMixedFlow(50, "f").nodes)).toBe(false);
    expect(startsInLowDetail(generateMixedFlow(1000, "f").nodes)).toBe(true);
  });

  it("decides at the zoom a 2560×1440 canvas would fit the flow at", () => {
    // 2560 / 0.3 ≈ 8533 px wide fits at just under 0.3 once a node's width is added; 8000 at just over.
    expect(startsInLowDetail([at(0, 0), at(8400, 0)])).toBe(true);
    expect(startsInLowDetail([at(0, 0), at(8000, 0)])).toBe(false);
    expect(startsInLowDetail([at(0, 0), at(0, 4800)])).toBe(true);
  });
});

describe("detailAtZoom", () => {
  it("switches to overview below LOW_DETAIL_ZOOM and back only above FULL_DETAIL_ZOOM", () => {
    expect(detailAtZoom(LOW_DETAIL_ZOOM - 0.01, false)).toBe(true);
    expect(detailAtZoom(LOW_DETAIL_ZOOM + 0.01, false)).toBe(false);
    // Between the lines the detail stays as it is.
    const between = (LOW_DETAIL_ZOOM + FULL_DETAIL_ZOOM) / 2;
    expect(detailAtZoom(between, true)).toBe(true);
    expect(detailAtZoom(between, false)).toBe(false);
    expect(detailAtZoom(FULL_DETAIL_ZOOM + 0.01, true)).toBe(false);
  });
});

describe("cardHandles", () => {
  it("puts the input at the top centre and spreads one output per branch along the bottom", () => {
    const listen: Pick<FlowNode, "type" | "data"> = {
      type: "listen",
      data: {
        prompt: "",
        branches: [
          { id: "b1", label: "billing", examples: [], keywords: ["bill"] },
          { id: "b2", label: "agent", examples: [], keywords: ["agent"] },
        ],
        retries: 0,
        noMatchPrompt: "",
      },
    } as unknown as Pick<FlowNode, "type" | "data">;
    const handles = cardHandles(listen, 71);
    const target = handles.find((h) => h.type === "target")!;
    expect(target).toMatchObject({ id: null, position: "top", x: 114, y: -3 });
    const sources = handles.filter((h) => h.type === "source");
    expect(sources.map((h) => h.id)).toEqual(["b1", "b2", "no_match"]);
    // Evenly spread over the card's 238 px inside, centred on each third; all on the bottom edge.
    expect(sources.map((h) => Math.round(h.x + h.width / 2))).toEqual([41, 120, 199]);
    expect(new Set(sources.map((h) => h.y + h.height))).toEqual(new Set([71 + 6]));
  });

  it("gives the start node no input and an end node no output", () => {
    expect(cardHandles({ type: "start", data: { greeting: "" } }, 60).map((h) => h.type)).toEqual(["source"]);
    expect(cardHandles({ type: "end", data: {} } as Pick<FlowNode, "type" | "data">, 53).map((h) => h.type)).toEqual([
      "target",
    ]);
  });
});

describe("typicalCardHeight", () => {
  it("is taller for a handoff and shorter for a card without outputs", () => {
    const say = typicalCardHeight({ type: "say", data: { utterance: "Hi" } });
    expect(typicalCardHeight({ type: "end", data: {} } as Pick<FlowNode, "type" | "data">)).toBeLessThan(say);
    expect(
      typicalCardHeight({ type: "handoff", data: {} } as unknown as Pick<FlowNode, "type" | "data">),
    ).toBeGreaterThan(say);
  });
});
