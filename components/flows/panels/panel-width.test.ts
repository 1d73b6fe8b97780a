import { describe, expect, it } from "vitest";
import {
  clampPanelWidth,
  maxPanelWidth,
  MIN_CANVAS_WIDTH,
  MIN_PANEL_WIDTH,
  parseStoredWidth,
  widthForKey,
} from "./panel-width";

describe("side panel width", () => {
  it("leaves the canvas its minimum, but never squeezes the panel below its own", () => {
    expect(maxPanelWidth(1000)).toBe(1000 - MIN_CANVAS_WIDTH);
    expect(maxPanelWidth(400)).toBe(MIN_PANEL_WIDTH);
  });

  it("clamps a wish to [minimum, maximum]", () => {
    expect(clampPanelWidth(100, 700)).toBe(MIN_PANEL_WIDTH);
    expect(clampPanelWidth(900, 700)).toBe(700);
    expect(clampPanelWidth(480.6, 700)).toBe(481);
    expect(clampPanelWidth(Number.NaN, 700)).toBe(MIN_PANEL_WIDTH);
  });

  it("moves with the keyboard: ← widens, → narrows, Shift in bigger steps, Home and End to the limits", () => {
    expect(widthForKey("ArrowLeft", false, 480, 700)).toBe(496);
    expect(widthForKey("ArrowRight", false, 480, 700)).toBe(464);
    expect(widthForKey("ArrowLeft", true, 480, 700)).toBe(544);
    expect(widthForKey("ArrowLeft", true, 680, 700)).toBe(700);
    expect(widthForKey("Home", false, 480, 700)).toBe(MIN_PANEL_WIDTH);
    expect(widthForKey("End", false, 480, 700)).toBe(700);
    expect(widthForKey("Enter", false, 480, 700)).toBeNull();
  });

  it("reads back only a plausible stored width", () => {
    expect(parseStoredWidth("512")).toBe(512);
    expect(parseStoredWidth(null)).toBeNull();
    expect(parseStoredWidth("wide")).toBeNull();
    expect(parseStoredWidth("-5")).toBeNull();
  });
});
