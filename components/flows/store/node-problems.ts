"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { Problem } from "@/lib/flow";
import { useEditorStoreApi } from "./context";
import type { FlowEditorStore } from "./create-editor-store";

/**
 * One node's problems, for the canvas cards. A zustand selector per card would run a thousand
 * selectors on every store change (each frame of a drag); here one store subscription wakes only
 * the cards whose problems changed (stableProblemsByNode keeps unchanged arrays).
 */
interface NodeProblems {
  subscribe(id: string, listener: () => void): () => void;
}

const byStore = new WeakMap<FlowEditorStore, NodeProblems>();

export function nodeProblemsOf(store: FlowEditorStore): NodeProblems {
  const known = byStore.get(store);
  if (known) return known;
  const listeners = new Map<string, Set<() => void>>();
  const notify = (id: string) => listeners.get(id)?.forEach((l) => l());
  store.subscribe((s, prev) => {
    if (s.problemsByNode === prev.problemsByNode) return;
    // Only nodes with problems before or after can have changed.
    for (const [id, list] of s.problemsByNode) if (prev.problemsByNode.get(id) !== list) notify(id);
    for (const id of prev.problemsByNode.keys()) if (!s.problemsByNode.has(id)) notify(id);
  });
  const api: NodeProblems = {
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
  byStore.set(store, api);
  return api;
}

export function useNodeProblems(id: string): Problem[] | undefined {
  const store = useEditorStoreApi();
  const subscribe = useCallback((listener: () => void) => nodeProblemsOf(store).subscribe(id, listener), [store, id]);
  const get = () => store.getState().problemsByNode.get(id);
  return useSyncExternalStore(subscribe, get, get);
}
