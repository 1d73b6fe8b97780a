import { anyKind } from "./catalogue";
import type { FlowNode } from "./types";
import { boundsOf } from "./placement";
import { DEFAULT_NODE_SIZE } from "./node-size";

/**
 * Overview detail: how a card is drawn when the canvas is zoomed out so far that its 12 px text is
 * under 4 px on screen and its 12 px handles under 4 px, too small to read or to grab. Cards then
 * draw their frame only (kind colour, problems, selection); edges keep their ends because each
 * node declares where its handles are (`cardHandles`), so nothing on the canvas moves when the
 * detail changes. docs/design.md §8.
 */
export const LOW_DETAIL_ZOOM = 0.3;
/** Back to full detail a little above, so a zoom that hovers at the line does not redraw every card. */
export const FULL_DETAIL_ZOOM = 0.33;

/** A large monitor's canvas: a flow that fits it only below LOW_DETAIL_ZOOM fits any screen so. */
const LARGEST_CANVAS = { width: 2560, height: 1440 };

/**
 * Whether the editor first draws `nodes` in overview detail: decided from the flow alone, so the
 * server and the browser draw the same cards before the canvas has a size. Wrong only on a canvas
 * larger than LARGEST_CANVAS, and then only until the first fit (the zoom decides from then on).
 */
export function startsInLowDetail(nodes: readonly Pick<FlowNode, "position">[]): boolean {
  if (nodes.length === 0) return false;
  const b = boundsOf(nodes.map((n) => ({ ...n.position, ...DEFAULT_NODE_SIZE })));
  const fit = Math.min(LARGEST_CANVAS.width / Math.max(b.width, 1), LARGEST_CANVAS.height / Math.max(b.height, 1));
  return fit < LOW_DETAIL_ZOOM;
}

/** The detail for a zoom, given the detail now: between the two lines nothing changes. */
export function detailAtZoom(zoom: number, lowNow: boolean): boolean {
  return lowNow ? zoom < FULL_DETAIL_ZOOM : zoom < LOW_DETAIL_ZOOM;
}

/**
 * The card's geometry (components/flows/nodes/flow-node.css): 240 px wide, borders 4 px on top and
 * 1 px elsewhere; handles 12 px, the input centred 7 px above the top border's inside, the outputs
 * spread evenly 7 px below the bottom border's inside.
 */
const CARD = { width: 240, borderTop: 4, border: 1, handle: 12, overhang: 7 } as const;

/** Heights of typical cards of each shape, for a card not yet measured at full detail. */
const TYPICAL_HEIGHT = { card: 71, terminal: 53, handoff: 103 } as const;

export function typicalCardHeight(node: Pick<FlowNode, "type" | "data">): number {
  if (node.type === "handoff") return TYPICAL_HEIGHT.handoff;
  return anyKind(node.type).outHandles(node.data).length === 0 ? TYPICAL_HEIGHT.terminal : TYPICAL_HEIGHT.card;
}

export interface CardHandle {
  id: string | null;
  type: "source" | "target";
  position: "top" | "bottom";
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a card of `height` px has its handles, relative to its top-left corner, as xyflow measures them. */
export function cardHandles(node: Pick<FlowNode, "type" | "data">, height: number): CardHandle[] {
  const inner = CARD.width - 2 * CARD.border;
  const half = CARD.handle / 2;
  const size = { width: CARD.handle, height: CARD.handle };
  const outs = anyKind(node.type).outHandles(node.data);
  const handles: CardHandle[] = outs.map((h, i) => ({
    id: h.id,
    type: "source",
    position: "bottom",
    x: CARD.border + (inner * (i + 0.5)) / outs.length - half,
    y: height - CARD.border + CARD.overhang - CARD.handle,
    ...size,
  }));
  if (node.type !== "start") {
    handles.unshift({
      id: null,
      type: "target",
      position: "top",
      x: CARD.border + inner / 2 - half,
      y: CARD.borderTop - CARD.overhang,
      ...size,
    });
  }
  return handles;
}
