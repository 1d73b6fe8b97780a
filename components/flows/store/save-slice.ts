import type { StateCreator } from "zustand";
import { commitChange, derive } from "./commit";
import type { EditorDeps, EditorState, SaveSlice, SaveStatus } from "./types";

/**
 * Save bookkeeping only: the store never talks to the server. The save loop
 * (components/flows/save/) calls the server action and reports back here.
 */
export const createSaveSlice =
  (revision: number, deps: EditorDeps): StateCreator<EditorState, [], [], SaveSlice> =>
  (set, get) => ({
    save: { revision, savedVersion: 0, inFlight: false, savedAt: null, error: null, theirs: null },

    saveStarted() {
      set((s) => ({ save: { ...s.save, inFlight: true } }));
    },
    saveSucceeded(version, revision, savedAt) {
      set((s) => ({ save: { ...s.save, inFlight: false, revision, savedVersion: version, savedAt, error: null } }));
    },
    saveFailed(message) {
      set((s) => ({ save: { ...s.save, inFlight: false, error: message } }));
    },
    saveConflict(theirs) {
      set((s) => ({ save: { ...s.save, inFlight: false, theirs } }));
    },
    loadSaved(flow) {
      const s = get();
      const nodes = flow.nodes.map((n) => ({ ...n }));
      const edges = flow.edges.map((e) => ({ ...e }));
      const docVersion = s.docVersion + 1;
      set({
        name: flow.name,
        nodes,
        edges,
        docVersion,
        dragInProgress: false,
        history: { past: [], future: [], lastKey: null, lastAt: 0 },
        ...derive(s, nodes, edges, true),
        save: {
          revision: flow.revision,
          savedVersion: docVersion,
          inFlight: false,
          savedAt: flow.savedAt,
          error: null,
          theirs: null,
        },
      });
    },
    reloadTheirs() {
      const s = get();
      const theirs = s.save.theirs;
      if (!theirs) return;
      const change = commitChange(
        s,
        { nodes: theirs.nodes.map((n) => ({ ...n })), edges: theirs.edges.map((e) => ({ ...e })) },
        { now: deps.now() },
      );
      set({
        ...change,
        name: theirs.name,
        save: {
          ...s.save,
          inFlight: false,
          revision: theirs.revision,
          savedVersion: change.docVersion!,
          error: null,
          theirs: null,
        },
      });
    },
  });

export function saveStatus(s: Pick<EditorState, "save" | "docVersion">): SaveStatus {
  if (s.save.theirs) return "stale";
  if (s.save.inFlight) return "saving";
  if (s.save.error) return "error";
  return s.docVersion === s.save.savedVersion ? "saved" : "unsaved";
}
