"use client";

import "./canvas.css";
import { Background, useStore } from "@xyflow/react";

/** Flow units between the grid's dots. */
const GRID_GAP = 20;
/** Closer than this on screen, the dots are a grey wash rather than a grid. */
const MIN_SCREEN_SPACING = 8;

/**
 * The dotted grid, drawn only while its dots are far enough apart to read as a grid: zoomed out over a
 * big flow (a 1,000-node flow fits at about 10 %) they would be a grey wash behind the nodes.
 */
export function CanvasGrid() {
  const legible = useStore((s) => s.transform[2] * GRID_GAP >= MIN_SCREEN_SPACING);
  return legible ? <Background gap={GRID_GAP} /> : null;
}
