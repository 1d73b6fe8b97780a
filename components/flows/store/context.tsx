"use client";

import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { FlowEditorStore } from "./create-editor-store";
import type { EditorState } from "./types";

const StoreContext = createContext<FlowEditorStore | null>(null);

export const FlowEditorStoreProvider = StoreContext.Provider;

export function useEditorStoreApi(): FlowEditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useEditorStore must be used inside <FlowEditorStoreProvider>");
  return store;
}

/** Select a narrow slice: components re-render only when what they select changes. */
export function useEditorStore<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
