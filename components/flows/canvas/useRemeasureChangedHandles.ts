"use client";

import { useEffect } from "react";
import { useUpdateNodeInternals } from "@xyflow/react";
import { anyKind } from "@/lib/flow";
import type { FlowEditorStore } from "@/components/flows/store/create-editor-store";
import type { CanvasNode } from "@/components/flows/store/types";

const handleKey = (n: CanvasNode) =>
  anyKind(n.type)
    .outHandles(n.data)
    .map((h) => h.id)
    .join("\u0000");

/**
 * When an edit adds, removes or reorders a node's branches (inspector, undo, redo), xyflow
 * must re-measure that node's handles. One store subscription here instead of a hook in every
 * node component keeps a 1,000-node first render lighter.
 */
export function useRemeasureChangedHandles(store: FlowEditorStore) {
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.nodes === prev.nodes || s.docVersion === prev.docVersion || s.dragInProgress) return;
        const before = new Map(prev.nodes.map((n) => [n.id, n]));
        const changed: string[] = [];
        for (const n of s.nodes) {
          const old = before.get(n.id);
          if (old && old.data !== n.data && handleKey(old) !== handleKey(n)) changed.push(n.id);
        }
        if (changed.length > 0) requestAnimationFrame(() => updateNodeInternals(changed));
      }),
    [store, updateNodeInternals],
  );
}
