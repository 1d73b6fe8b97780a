"use client";

import { useRef, useState } from "react";
import { useReactFlow } from "@xyflow/react";
import {
  anyKind,
  catalogue,
  DEFAULT_NODE_SIZE,
  NEW_NODE_SIZE,
  NODE_KINDS,
  spotBelow,
  spotNear,
  type NodeKind,
  type Rect,
} from "@/lib/flow";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import type { CanvasNode } from "@/components/flows/store/types";
import { KIND_STYLE } from "@/components/flows/nodes/kind-style";

const DRAG_THRESHOLD = 4;
/** Nodes are placed by their top-left corner; centre a new card on the drop point. */
const HALF_CARD = { x: 120, y: 40 };

const rectOf = (n: CanvasNode): Rect => ({
  x: n.position.x,
  y: n.position.y,
  width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
  height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
});

/**
 * Drag a kind onto the canvas (pointer events, so it works the same with a mouse, a pen or a
 * test driving the mouse), or click it (Enter or Space from the keyboard): the node goes to a free
 * spot near the middle of the view, or, when one node with an unwired branch is selected, below
 * it and connected to it. The view follows a new node placed out of sight.
 */
export function NodePalette() {
  const addNode = useEditorStore((s) => s.addNode);
  const store = useEditorStoreApi();
  const { screenToFlowPosition, getViewport, setCenter } = useReactFlow();
  const drag = useRef<{ kind: NodeKind; x: number; y: number; moved: boolean } | null>(null);
  const justDragged = useRef(false);
  const [ghost, setGhost] = useState<{ kind: NodeKind; x: number; y: number } | null>(null);

  const canvasAt = (x: number, y: number) =>
    document.elementFromPoint(x, y)?.closest('[data-testid="flow-canvas"]') ?? null;
  const place = (kind: NodeKind, x: number, y: number) => {
    const p = screenToFlowPosition({ x, y });
    addNode(kind, { x: Math.round(p.x - HALF_CARD.x), y: Math.round(p.y - HALF_CARD.y) });
  };
  const addByClick = (kind: NodeKind) => {
    const canvas = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
    if (!canvas) return;
    const s = store.getState();
    const occupied = s.nodes.map(rectOf);
    const selected = s.selectedNodeIds.length === 1 ? s.nodes.find((n) => n.id === s.selectedNodeIds[0]) : undefined;
    const from = selected && anyKind(selected.type).outHandles(selected.data).length > 0 ? selected : undefined;
    const topLeft = screenToFlowPosition({ x: canvas.left, y: canvas.top });
    const bottomRight = screenToFlowPosition({ x: canvas.right, y: canvas.bottom });
    const visible = { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
    const position = from
      ? spotBelow(rectOf(from), occupied)
      : spotNear({ x: visible.x + visible.width / 2, y: visible.y + visible.height / 2 }, occupied, visible);
    addNode(kind, position, from?.id);
    // Bring the new node into view when it landed outside (below a node near the bottom edge).
    const { x, y, zoom } = getViewport();
    const left = position.x * zoom + x;
    const top = position.y * zoom + y;
    const right = left + NEW_NODE_SIZE.width * zoom;
    const bottom = top + NEW_NODE_SIZE.height * zoom;
    if (left < 0 || top < 0 || right > canvas.width || bottom > canvas.height) {
      void setCenter(position.x + NEW_NODE_SIZE.width / 2, position.y + NEW_NODE_SIZE.height / 2, {
        zoom,
        duration: 200,
      });
    }
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
              title={`${catalogue[kind].description} Drag onto the canvas, or click to add it in the middle of the view (below the selected node, connected).`}
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
                else addByClick(kind);
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
