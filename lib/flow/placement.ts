import { NEW_NODE_SIZE, type NodeSize } from "./node-size";

export { NEW_NODE_SIZE } from "./node-size";
import type { Position } from "./types";

/**
 * Where new nodes go and how the view frames a laid-out flow (docs/design.md §2). Pure: the
 * canvas passes node rectangles and its viewport, these return positions and a viewport.
 */

export interface Rect extends Position {
  width: number;
  height: number;
}

/** Space kept around a new node so it never touches a neighbour. */
export const PLACEMENT_GAP = 40;
/** How far below a selected node its new successor goes (the auto-layout's rank gap). */
export const BELOW_GAP = 70;
const MAX_RINGS = 80;

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

function isFree(spot: Rect, occupied: readonly Rect[], gap: number): boolean {
  for (const r of occupied) if (overlaps(spot, r, gap)) return false;
  return true;
}

function inside(spot: Rect, within: Rect): boolean {
  return (
    spot.x >= within.x &&
    spot.y >= within.y &&
    spot.x + spot.width <= within.x + within.width &&
    spot.y + spot.height <= within.y + within.height
  );
}

/**
 * The free top-left position nearest `desired` for a node of `size`: candidates on a grid half a
 * node (plus gap) apart, ring by ring around `desired`, nearest first. A spot inside `within` (the
 * part of the canvas on screen) wins over a nearer one outside it. `downOnly` keeps to `desired`'s
 * row and below (a successor never lands above its predecessor).
 */
export function findFreeSpot(
  desired: Position,
  size: NodeSize,
  occupied: readonly Rect[],
  options: { gap?: number; downOnly?: boolean; within?: Rect } = {},
): Position {
  const { gap = PLACEMENT_GAP, downOnly = false, within } = options;
  const stepX = (size.width + gap) / 2;
  const stepY = (size.height + gap) / 2;
  const at = (i: number, j: number): Rect => ({
    x: Math.round(desired.x + i * stepX),
    y: Math.round(desired.y + j * stepY),
    ...size,
  });
  let outside: Rect | null = null;
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    const candidates: { i: number; j: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring || (downOnly && j < 0)) continue;
        candidates.push({ i, j, d: Math.hypot(i * stepX, j * stepY) });
      }
    }
    // Nearest first; among equals, below before above and right before left, so results are stable.
    candidates.sort((a, b) => a.d - b.d || b.j - a.j || b.i - a.i);
    for (const c of candidates) {
      const spot = at(c.i, c.j);
      if (!isFree(spot, occupied, gap)) continue;
      if (!within || inside(spot, within)) return { x: spot.x, y: spot.y };
      outside ??= spot;
    }
  }
  return outside ? { x: outside.x, y: outside.y } : { x: Math.round(desired.x), y: Math.round(desired.y) };
}

/** A free spot for a new node centred on `centre` (the middle of the view), inside `within` when it can be. */
export function spotNear(
  centre: Position,
  occupied: readonly Rect[],
  within?: Rect,
  size: NodeSize = NEW_NODE_SIZE,
): Position {
  return findFreeSpot({ x: centre.x - size.width / 2, y: centre.y - size.height / 2 }, size, occupied, { within });
}

/** A free spot for a successor of `above`: centred under it, one rank down, never higher. */
export function spotBelow(above: Rect, occupied: readonly Rect[], size: NodeSize = NEW_NODE_SIZE): Position {
  const desired = { x: above.x + above.width / 2 - size.width / 2, y: above.y + above.height + BELOW_GAP };
  return findFreeSpot(desired, size, occupied, { downOnly: true });
}

/** The smallest rectangle holding all of `rects` (at least one). */
export function boundsOf(rects: readonly Rect[]): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Node text stays readable at this zoom and above; auto-layout never frames a flow smaller. */
export const MIN_READABLE_ZOOM = 0.6;

/**
 * How to frame a flow after auto-layout: everything, when that keeps text readable (zoom at least
 * `minZoom`); otherwise `minZoom`, with the start node (or the flow's top-left) at the top centre.
 */
export function layoutViewport(
  bounds: Rect,
  view: { width: number; height: number },
  start: Rect | null,
  options: { minZoom?: number; maxZoom?: number; padding?: number } = {},
): Viewport {
  const { minZoom = MIN_READABLE_ZOOM, maxZoom = 1, padding = 0.15 } = options;
  const fit = Math.min(
    (view.width * (1 - padding)) / Math.max(bounds.width, 1),
    (view.height * (1 - padding)) / Math.max(bounds.height, 1),
  );
  const zoom = Math.min(maxZoom, fit);
  if (zoom >= minZoom) {
    return {
      x: view.width / 2 - (bounds.x + bounds.width / 2) * zoom,
      y: view.height / 2 - (bounds.y + bounds.height / 2) * zoom,
      zoom,
    };
  }
  const anchor = start ?? { ...bounds, width: Math.min(bounds.width, view.width / minZoom), height: 0 };
  const margin = (view.height * padding) / 2;
  return {
    x: view.width / 2 - (anchor.x + anchor.width / 2) * minZoom,
    y: margin - anchor.y * minZoom,
    zoom: minZoom,
  };
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Padding (in screen pixels) for fitting `bounds` into a `view` whose bottom-right corner holds an
 * overlay of `corner` size (the minimap), so no node ends up under it: the strip beside the overlay
 * or the one above it is kept free, whichever leaves the flow bigger. `base` is the padding on
 * every side, as a share of the view's smaller side.
 */
export function fitPadding(
  bounds: Pick<Rect, "width" | "height">,
  view: { width: number; height: number },
  corner: { width: number; height: number } | null,
  base = 0.06,
): Insets {
  const b = Math.round(Math.min(view.width, view.height) * base);
  const insets = { top: b, right: b, bottom: b, left: b };
  if (!corner) return insets;
  const w = Math.max(bounds.width, 1);
  const h = Math.max(bounds.height, 1);
  const zoomBeside = Math.min((view.width - 2 * b - corner.width) / w, (view.height - 2 * b) / h);
  const zoomAbove = Math.min((view.width - 2 * b) / w, (view.height - 2 * b - corner.height) / h);
  return zoomBeside >= zoomAbove ? { ...insets, right: b + corner.width } : { ...insets, bottom: b + corner.height };
}
