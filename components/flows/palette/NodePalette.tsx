"use client";

import { useRef, useState } from "react";
import { useReactFlow } from "@xyflow/react";
import { catalogue, NODE_KINDS, type NodeKind } from "@/lib/flow";
import { useEditorStore } from "@/components/flows/store/context";
import { KIND_STYLE } from "@/components/flows/nodes/kind-style";

const DRAG_THRESHOLD = 4;
/** Nodes are placed by their top-left corner; centre a new card on the drop point. */
const HALF_CARD = { x: 120, y: 40 };

/**
 * Drag a kind onto the canvas (pointer events, so it works the same with a mouse, a pen or a
 * test driving the mouse), or click it to add the node at the centre of the view.
 */
export function NodePalette() {
  const addNode = useEditorStore((s) => s.addNode);
  const { screenToFlowPosition } = useReactFlow();
  const drag = useRef<{ kind: NodeKind; x: number; y: number; moved: boolean } | null>(null);
  const justDragged = useRef(false);
  const [ghost, setGhost] = useState<{ kind: NodeKind; x: number; y: number } | null>(null);

  const canvasAt = (x: number, y: number) =>
    document.elementFromPoint(x, y)?.closest('[data-testid="flow-canvas"]') ?? null;
  const place = (kind: NodeKind, x: number, y: number) => {
    const p = screenToFlowPosition({ x, y });
    addNode(kind, { x: Math.round(p.x - HALF_CARD.x), y: Math.round(p.y - HALF_CARD.y) });
  };
  const addAtCentre = (kind: NodeKind) => {
    const canvas = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
    if (canvas) place(kind, canvas.left + canvas.width / 2, canvas.top + canvas.height / 2);
  };

  return (
    <aside aria-label="Node palette" className="w-44 shrink-0 overflow-y-auto border-r border-slate-200 bg-white p-2">
      <h2 className="px-1 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Add node</h2>
      <ul className="space-y-1">
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              data-testid={`palette-${kind}`}
              title={`${catalogue[kind].description} Drag onto the canvas, or click to add in the middle.`}
              className="flex w-full touch-none select-none items-center gap-2 rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:bg-slate-50"
              onPointerDown={(e) => {
                if (e.button !== 0) return;
                e.currentTarget.setPointerCapture(e.pointerId);
                drag.current = { kind, x: e.clientX, y: e.clientY, moved: false };
              }}
              onPointerMove={(e) => {
                const d = drag.current;
                if (!d) return;
                if (!d.moved && Math.hypot(e.clientX - d.x, e.clientY - d.y) < DRAG_THRESHOLD) return;
                d.moved = true;
                setGhost({ kind, x: e.clientX, y: e.clientY });
              }}
              onPointerUp={(e) => {
                const d = drag.current;
                drag.current = null;
                setGhost(null);
                justDragged.current = !!d?.moved;
                if (d?.moved && canvasAt(e.clientX, e.clientY)) place(kind, e.clientX, e.clientY);
              }}
              onPointerCancel={() => {
                drag.current = null;
                setGhost(null);
              }}
              onClick={() => {
                // The click that ends a drag is not an "add in the middle".
                if (justDragged.current) justDragged.current = false;
                else addAtCentre(kind);
              }}
            >
              <span className={`h-3 w-3 rounded-sm ${KIND_STYLE[kind].swatch}`} aria-hidden />
              {catalogue[kind].label}
            </button>
          </li>
        ))}
      </ul>
      {ghost && (
        <div
          aria-hidden
          className="pointer-events-none fixed z-50 rounded-md border border-brand-500 bg-white/90 px-3 py-2 text-sm shadow-lg"
          style={{ left: ghost.x + 8, top: ghost.y + 8 }}
        >
          {catalogue[ghost.kind].label}
        </div>
      )}
    </aside>
  );
}
