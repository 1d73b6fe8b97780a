"use client";

import { useState } from "react";

export const SHORTCUTS: [string, string][] = [
  ["Click / Shift+click", "Select a node / add to the selection"],
  ["Shift+drag on the canvas", "Box-select"],
  ["Delete or Backspace", "Delete the selection (not while typing)"],
  ["Ctrl/⌘+C, Ctrl/⌘+V", "Copy and paste the selection (edges between copied nodes come along)"],
  ["Ctrl/⌘+Z", "Undo"],
  ["Shift+Ctrl/⌘+Z or Ctrl+Y", "Redo"],
  ["Drag from a handle", "Connect a branch to a node; select an edge, then drag its end to reconnect it"],
  ["Tab to a node, Enter or Space", "Select it (Escape deselects); arrow keys move the selection"],
  ["Enter on a palette entry", "Add that node: below the selected node and connected to it, else in a free spot"],
  ["Inspector → Connections", "Connect each branch to a node by title, without dragging"],
  ["Scroll / drag the background", "Zoom / pan"],
];

export function HelpPopover() {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="h-7 w-7 rounded-full border border-slate-300 text-sm font-semibold text-slate-700 hover:bg-slate-50"
      >
        ?
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Keyboard shortcuts"
          data-testid="shortcuts"
          className="absolute right-0 top-9 z-30 w-96 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold">Keyboard shortcuts</h2>
            <button
              type="button"
              aria-label="Close shortcuts"
              onClick={() => setOpen(false)}
              className="rounded px-1 text-slate-500 hover:bg-slate-100"
            >
              ✕
            </button>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">{keys}</kbd>
                </dt>
                <dd className="text-slate-600">{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
