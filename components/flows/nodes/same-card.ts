import type { NodeProps } from "@xyflow/react";
import type { CanvasNode } from "@/components/flows/store/types";

/**
 * Whether a card would draw the same: it draws from its id, kind, data and selection only.
 * xyflow also hands every node its measured size, absolute position, z-index and drag state, so
 * memo's default comparison rendered each of 1,000 cards a second time when they were first
 * measured (the size goes from 0 to the measured one) and the dragged card on every frame.
 */
export function sameCard(a: NodeProps<CanvasNode>, b: NodeProps<CanvasNode>): boolean {
  return a.id === b.id && a.type === b.type && a.data === b.data && a.selected === b.selected;
}
