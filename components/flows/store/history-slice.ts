import type { StateCreator } from "zustand";
import { derive } from "./commit";
import type { EditorState, HistorySlice } from "./types";

/** Undo/redo over snapshots of {nodes, edges}; every document change records one (see commit.ts). */
export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set, get) => ({
  history: { past: [], future: [], lastKey: null, lastAt: 0 },

  undo() {
    const s = get();
    const prev = s.history.past.at(-1);
    if (!prev) return;
    set({
      nodes: prev.nodes,
      edges: prev.edges,
      history: {
        past: s.history.past.slice(0, -1),
        future: [{ nodes: s.nodes, edges: s.edges }, ...s.history.future],
        lastKey: null,
        lastAt: 0,
      },
      docVersion: s.docVersion + 1,
      dragInProgress: false,
      ...derive(s, prev.nodes, prev.edges, true),
    });
  },

  redo() {
    const s = get();
    const next = s.history.future[0];
    if (!next) return;
    set({
      nodes: next.nodes,
      edges: next.edges,
      history: {
        past: [...s.history.past, { nodes: s.nodes, edges: s.edges }],
        future: s.history.future.slice(1),
        lastKey: null,
        lastAt: 0,
      },
      docVersion: s.docVersion + 1,
      dragInProgress: false,
      ...derive(s, next.nodes, next.edges, true),
    });
  },
});
