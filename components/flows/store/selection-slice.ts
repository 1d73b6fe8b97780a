import type { StateCreator } from "zustand";
import { commitChange, derive } from "./commit";
import type { CanvasEdge, CanvasNode, EditorDeps, EditorState, SelectionSlice } from "./types";

/** How far each paste moves the copies from the originals. */
export const PASTE_OFFSET = 40;

function withSelection<T extends { id: string; selected?: boolean }>(
  items: T[],
  isSelected: (item: T) => boolean,
): T[] {
  return items.map((i) => (isSelected(i) === !!i.selected ? i : { ...i, selected: isSelected(i) }));
}

export const createSelectionSlice =
  (deps: EditorDeps): StateCreator<EditorState, [], [], SelectionSlice> =>
  (set, get) => ({
    selectedNodeIds: [],
    selectedEdgeIds: [],
    clipboard: null,
    pasteCount: 0,

    selectOnly(nodeId) {
      const s = get();
      const nodes = withSelection(s.nodes, (n) => n.id === nodeId);
      const edges = withSelection(s.edges, () => false);
      set({ nodes, edges, ...derive(s, nodes, edges, false) });
    },

    clearSelection() {
      const s = get();
      const nodes = withSelection(s.nodes, () => false);
      const edges = withSelection(s.edges, () => false);
      set({ nodes, edges, ...derive(s, nodes, edges, false) });
    },

    copySelection() {
      const s = get();
      const ids = new Set(s.selectedNodeIds);
      if (ids.size === 0) return;
      const nodes = s.nodes.filter((n) => ids.has(n.id));
      // Only edges inside the copied group come along.
      const edges = s.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
      set({ clipboard: { nodes, edges }, pasteCount: 0 });
    },

    paste() {
      const s = get();
      if (!s.clipboard) return;
      const offset = PASTE_OFFSET * (s.pasteCount + 1);
      const taken = new Set(s.nodes.map((n) => n.id));
      const newId = new Map<string, string>();
      const pasted = s.clipboard.nodes.map((n): CanvasNode => {
        const id = deps.ids.node(n.type, taken);
        taken.add(id);
        newId.set(n.id, id);
        return {
          id,
          type: n.type,
          position: { x: n.position.x + offset, y: n.position.y + offset },
          data: structuredClone(n.data),
          selected: true,
        } as CanvasNode;
      });
      const takenEdges = new Set(s.edges.map((e) => e.id));
      const pastedEdges = s.clipboard.edges.map((e): CanvasEdge => {
        const id = deps.ids.edge(takenEdges);
        takenEdges.add(id);
        return { id, source: newId.get(e.source)!, sourceHandle: e.sourceHandle, target: newId.get(e.target)! };
      });
      const nodes = [...withSelection(s.nodes, () => false), ...pasted];
      const edges = [...withSelection(s.edges, () => false), ...pastedEdges];
      set({ ...commitChange(s, { nodes, edges }, { now: deps.now() }), pasteCount: s.pasteCount + 1 });
    },
  });
