import { describe, expect, it } from "vitest";
import { NEW_NODE_SIZE } from "./node-size";
import {
  BELOW_GAP,
  boundsOf,
  findFreeSpot,
  fitPadding,
  layoutViewport,
  MIN_READABLE_ZOOM,
  PLACEMENT_GAP,
  spotBelow,
  spotNear,
  type Rect,
} from "./placement";

const size = { width: 240, height: 80 };
const rect = (x: number, y: number, s = size): Rect => ({ x, y, ...s });
const touches = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("findFreeSpot", () => {
  it("keeps the wanted spot when nothing is there", () => {
    expect(findFreeSpot({ x: 10.4, y: 20.6 }, size, [rect(1000, 1000)])).toEqual({ x: 10, y: 21 });
  });

  it("four clicks in the same place give four nodes that do not overlap, all near the spot", () => {
    const placed: Rect[] = [];
    for (let i = 0; i < 4; i++) placed.push({ ...findFreeSpot({ x: 0, y: 0 }, size, placed), ...size });
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(touches(placed[i]!, placed[j]!)).toBe(false);
    // Neighbours of the spot: one node (plus the gap) away at most, diagonally.
    for (const p of placed) {
      expect(Math.abs(p.x)).toBeLessThanOrEqual(size.width + PLACEMENT_GAP);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(size.height + PLACEMENT_GAP);
    }
  });

  it("keeps the gap to neighbours, and goes further out when the first ring is full", () => {
    const occupied: Rect[] = [];
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++)
        occupied.push(rect(i * (size.width + PLACEMENT_GAP), j * (size.height + PLACEMENT_GAP)));
    const spot = { ...findFreeSpot({ x: 0, y: 0 }, size, occupied), ...size };
    for (const r of occupied) expect(touches(spot, r)).toBe(false);
    // Just outside the block: two node steps from the middle along one axis.
    expect(
      Math.max(Math.abs(spot.x) / (size.width + PLACEMENT_GAP), Math.abs(spot.y) / (size.height + PLACEMENT_GAP)),
    ).toBe(2);
  });

  it("prefers a free spot inside the visible area to a nearer one outside it", () => {
    // A wide, short view: the nearest free spot (just below) is off screen, the next (beside) is not.
    const within = { x: -1000, y: -100, width: 2000, height: 200 };
    const occupied = [rect(-120, -40)];
    expect(findFreeSpot({ x: -120, y: -40 }, size, occupied)).toEqual({ x: -120, y: 80 });
    const spot = findFreeSpot({ x: -120, y: -40 }, size, occupied, { within });
    expect(spot).toEqual({ x: -120 + size.width + PLACEMENT_GAP, y: -40 });
    expect(touches({ ...spot, ...size }, occupied[0]!)).toBe(false);
  });

  it("downOnly never goes above the wanted row", () => {
    const occupied = [rect(0, 0), rect(-280, 120), rect(0, 120), rect(280, 120)];
    const spot = findFreeSpot({ x: 0, y: 0 }, size, occupied, { downOnly: true });
    expect(spot.y).toBeGreaterThanOrEqual(0);
    for (const r of occupied) expect(touches({ ...spot, ...size }, r)).toBe(false);
  });
});

describe("spotNear and spotBelow", () => {
  it("spotNear centres the node on the point when free", () => {
    expect(spotNear({ x: 500, y: 300 }, [])).toEqual({
      x: 500 - NEW_NODE_SIZE.width / 2,
      y: 300 - NEW_NODE_SIZE.height / 2,
    });
  });

  it("spotBelow puts the successor centred one rank under the selected node", () => {
    const above = rect(100, 100, { width: 240, height: 90 });
    expect(spotBelow(above, [above], size)).toEqual({ x: 100, y: 100 + 90 + BELOW_GAP });
  });

  it("spotBelow moves aside, not up, when the place below is taken", () => {
    const above = rect(0, 0);
    const below = rect(0, 80 + BELOW_GAP);
    const spot = spotBelow(above, [above, below], size);
    expect(spot.y).toBeGreaterThanOrEqual(80 + BELOW_GAP);
    expect(touches({ ...spot, ...size }, below)).toBe(false);
  });
});

describe("boundsOf", () => {
  it("holds every rectangle", () => {
    expect(boundsOf([rect(0, 0), rect(-100, 300, { width: 50, height: 20 })])).toEqual({
      x: -100,
      y: 0,
      width: 340,
      height: 320,
    });
  });
});

describe("layoutViewport", () => {
  const view = { width: 1000, height: 800 };

  it("frames a small flow whole, centred, never above zoom 1", () => {
    const v = layoutViewport(rect(0, 0, { width: 400, height: 300 }), view, null);
    expect(v.zoom).toBe(1);
    expect(v).toEqual({ x: 300, y: 250, zoom: 1 });
  });

  it("zooms out to fit while text stays readable", () => {
    const v = layoutViewport(rect(0, 0, { width: 1000, height: 900 }), view, null);
    expect(v.zoom).toBeCloseTo((800 * 0.85) / 900);
    expect(v.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
  });

  it("a big flow stays at the readable minimum with the start node at the top centre", () => {
    const start = rect(5000, 0, { width: 240, height: 80 });
    const v = layoutViewport(rect(0, 0, { width: 10_000, height: 20_000 }), view, start);
    expect(v.zoom).toBe(MIN_READABLE_ZOOM);
    // The start node's centre is at the view's horizontal centre, its top just below the view's top.
    expect((start.x + start.width / 2) * v.zoom + v.x).toBeCloseTo(500);
    expect(start.y * v.zoom + v.y).toBeCloseTo(60);
  });

  it("without a start node the flow's top is shown", () => {
    const v = layoutViewport(rect(-200, 100, { width: 10_000, height: 20_000 }), view, null);
    expect(v.zoom).toBe(MIN_READABLE_ZOOM);
    expect(100 * v.zoom + v.y).toBeCloseTo(60);
  });
});

describe("fitPadding", () => {
  const view = { width: 1000, height: 600 };
  const corner = { width: 230, height: 180 };

  it("pads every side alike without an overlay", () => {
    expect(fitPadding({ width: 100, height: 100 }, view, null)).toEqual({ top: 36, right: 36, bottom: 36, left: 36 });
  });

  it("a tall flow keeps the strip beside the minimap free; a wide one the strip above it", () => {
    expect(fitPadding({ width: 300, height: 3000 }, view, corner)).toEqual({
      top: 36,
      right: 266,
      bottom: 36,
      left: 36,
    });
    expect(fitPadding({ width: 5000, height: 300 }, view, corner)).toEqual({
      top: 36,
      right: 36,
      bottom: 216,
      left: 36,
    });
  });

  it("the fitted flow never reaches under the overlay", () => {
    for (const bounds of [
      { width: 300, height: 3000 },
      { width: 5000, height: 300 },
      { width: 1000, height: 600 },
    ]) {
      const p = fitPadding(bounds, view, corner);
      const zoom = Math.min(
        (view.width - p.left - p.right) / bounds.width,
        (view.height - p.top - p.bottom) / bounds.height,
      );
      // Centred in the padded area, as xyflow's fitView does.
      const left = p.left + (view.width - p.left - p.right - bounds.width * zoom) / 2;
      const top = p.top + (view.height - p.top - p.bottom - bounds.height * zoom) / 2;
      const right = left + bounds.width * zoom;
      const bottom = top + bounds.height * zoom;
      const underOverlay = right > view.width - corner.width && bottom > view.height - corner.height;
      expect(underOverlay).toBe(false);
    }
  });
});
