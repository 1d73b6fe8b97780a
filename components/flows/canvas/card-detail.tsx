"use client";

import { createContext, useContext, useMemo, useRef } from "react";
import { Position, useStore, type Node, type NodeHandle } from "@xyflow/react";
import { cardHandles, detailAtZoom, typicalCardHeight, type CardHandle } from "@/lib/flow";
import type { CanvasNode } from "@/components/flows/store/types";

/**
 * Overview detail (lib/flow/detail.ts), a view state of this canvas: never in the store or the
 * saved flow. One subscription to the zoom here; the cards read the answer from context, so a
 * change redraws each card once and panning redraws none.
 */
const LowDetail = createContext(false);

export const LowDetailProvider = LowDetail.Provider;

export function useLowDetail(): boolean {
  return useContext(LowDetail);
}

/**
 * Overview or full detail: `initial` until the canvas has first painted (so the server and the
 * browser draw the same cards, before the flow is fitted), then whatever the zoom says.
 */
export function useLowDetailAtZoom(initial: boolean, painted: boolean): boolean {
  const low = useRef(initial);
  const atZoom = useStore((s) => detailAtZoom(s.transform[2], low.current));
  low.current = painted ? atZoom : initial;
  return low.current;
}

/** A node as the canvas draws it: in overview, with the handles it declares. */
export type ShownNode = CanvasNode & Pick<Node, "handles">;

const toXyflow = (h: CardHandle): NodeHandle => ({
  ...h,
  position: h.position === "top" ? Position.Top : Position.Bottom,
});

/**
 * The nodes as the canvas draws them. In overview each card has no handle elements, so each node
 * declares its handles where the full card has them (xyflow draws edges to declared handles), and
 * its height: the one measured at full detail, or a typical one. Derived once per node object, so
 * dragging one node derives one.
 */
export function useShownNodes(nodes: CanvasNode[], low: boolean): ShownNode[] {
  const derived = useRef(new WeakMap<CanvasNode, ShownNode>());
  return useMemo(() => {
    if (!low) return nodes;
    return nodes.map((n) => {
      let shown = derived.current.get(n);
      if (!shown) {
        const height = n.measured?.height ?? typicalCardHeight(n);
        shown = { ...n, height, handles: cardHandles(n, height).map(toXyflow) } as ShownNode;
        derived.current.set(n, shown);
      }
      return shown;
    });
  }, [nodes, low]);
}
