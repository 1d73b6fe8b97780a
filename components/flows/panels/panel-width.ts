import type { SidePanel } from "./side-panel";

/**
 * The side panel's width beside the canvas: a view-only preference per panel kind, kept in
 * localStorage (never in the flow). Pure, so the clamping is unit-tested.
 */

export const DEFAULT_PANEL_WIDTH: Record<SidePanel["kind"], number> = {
  inspector: 320,
  simulator: 480,
  function: 640,
};

/** Narrow enough for a small window, wide enough for the inspector's fields and the SIP ladder. */
export const MIN_PANEL_WIDTH = 300;
/** The canvas keeps at least this much beside the panel. */
export const MIN_CANVAS_WIDTH = 240;
/** One arrow-key press; with Shift, four. */
export const PANEL_KEY_STEP = 16;

/** The widest the panel may be, given the room the canvas and the panel share. */
export function maxPanelWidth(room: number): number {
  return Math.max(MIN_PANEL_WIDTH, Math.floor(room - MIN_CANVAS_WIDTH));
}

export function clampPanelWidth(width: number, max: number): number {
  if (!Number.isFinite(width)) return MIN_PANEL_WIDTH;
  return Math.round(Math.min(Math.max(width, MIN_PANEL_WIDTH), Math.max(MIN_PANEL_WIDTH, max)));
}

/** The width a key press asks for, or null when the key does not resize. */
export function widthForKey(key: string, shift: boolean, current: number, max: number): number | null {
  const step = shift ? PANEL_KEY_STEP * 4 : PANEL_KEY_STEP;
  // The panel is on the right: moving the splitter left widens it.
  if (key === "ArrowLeft") return clampPanelWidth(current + step, max);
  if (key === "ArrowRight") return clampPanelWidth(current - step, max);
  if (key === "Home") return MIN_PANEL_WIDTH;
  if (key === "End") return clampPanelWidth(max, max);
  return null;
}

export const panelWidthKey = (kind: SidePanel["kind"]) => `switchboard.sidePanelWidth.${kind}`;

/** A stored preference, or null when there is none or it is not a number. */
export function parseStoredWidth(raw: string | null): number | null {
  if (raw === null || !/^\d{2,5}$/.test(raw)) return null;
  return Number(raw);
}
