"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { SidePanel } from "./side-panel";
import {
  clampPanelWidth,
  DEFAULT_PANEL_WIDTH,
  maxPanelWidth,
  MIN_PANEL_WIDTH,
  panelWidthKey,
  parseStoredWidth,
  widthForKey,
} from "./panel-width";

function readStored(kind: SidePanel["kind"]): number | null {
  try {
    return parseStoredWidth(window.localStorage.getItem(panelWidthKey(kind)));
  } catch {
    return null; // storage disabled: the default width still works
  }
}

function store(kind: SidePanel["kind"], width: number) {
  try {
    window.localStorage.setItem(panelWidthKey(kind), String(width));
  } catch {
    // A preference that cannot be kept is not worth an error.
  }
}

/**
 * The side panel's width for the open kind: the stored preference (or the kind's default), never
 * more than leaves the canvas its minimum. `share` is the element whose width the canvas and the
 * panel divide between them.
 */
export function usePanelWidth(kind: SidePanel["kind"], share: React.RefObject<HTMLElement | null>) {
  const [preferred, setPreferred] = useState<Partial<Record<SidePanel["kind"], number>>>({});
  const [room, setRoom] = useState<number | null>(null);
  useEffect(() => {
    const stored = readStored(kind);
    // Read after hydration: the server cannot know the preference, so both render the default first.
    if (stored !== null) setPreferred((p) => (p[kind] === undefined ? { ...p, [kind]: stored } : p));
  }, [kind]);
  useEffect(() => {
    const el = share.current;
    if (!el) return;
    // Only the observer reads the width: it reports once layout is done, where reading clientWidth
    // while hydrating forced the browser to lay out a 1,000-node canvas an extra time.
    const observer = new ResizeObserver(() => setRoom(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [share]);
  const max = room === null ? Number.POSITIVE_INFINITY : maxPanelWidth(room);
  const width = clampPanelWidth(preferred[kind] ?? DEFAULT_PANEL_WIDTH[kind], max);
  const setWidth = useCallback(
    (w: number) => {
      setPreferred((p) => ({ ...p, [kind]: w }));
      store(kind, w);
    },
    [kind],
  );
  return { width, max: Number.isFinite(max) ? max : width, setWidth };
}

/**
 * A vertical splitter on the panel's left edge: drag it, or focus it and use ←/→ (Shift: bigger
 * steps), Home (narrowest) and End (widest).
 */
export function PanelSplitter({
  width,
  max,
  onResize,
}: {
  width: number;
  max: number;
  onResize: (width: number) => void;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize side panel"
      aria-valuemin={MIN_PANEL_WIDTH}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      data-testid="panel-splitter"
      className="group relative z-10 w-1.5 shrink-0 cursor-col-resize touch-none bg-slate-100 hover:bg-brand-200 focus-visible:bg-brand-300 focus-visible:outline-none"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        const start = drag.current;
        if (!start) return;
        onResize(clampPanelWidth(start.width + (start.x - e.clientX), max));
      }}
      onPointerUp={(e) => {
        drag.current = null;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const next = widthForKey(e.key, e.shiftKey, width, max);
        if (next === null) return;
        e.preventDefault();
        onResize(next);
      }}
    >
      <span
        aria-hidden
        className="absolute inset-y-0 left-1/2 w-px -translate-x-1/2 bg-slate-300 group-hover:bg-brand-500"
      />
    </div>
  );
}
