"use client";

import { useEffect } from "react";
import type { FlowEditorStore } from "./store/create-editor-store";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/**
 * Editor shortcuts (listed in HelpPopover). Ignored while typing in a field (the field keeps
 * its own undo and Backspace) and while a dialog is open.
 */
export function useEditorShortcuts(store: FlowEditorStore, readOnly = false) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector("dialog[open]")) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (readOnly) {
        // Only copying changes nothing.
        if (mod && key === "c" && !window.getSelection()?.toString()) s.copySelection();
        else handled = false;
      } else if (mod && key === "z" && e.shiftKey) s.redo();
      else if (mod && key === "z") s.undo();
      else if (e.ctrlKey && key === "y") s.redo();
      else if (mod && key === "c" && !window.getSelection()?.toString()) s.copySelection();
      else if (mod && key === "v") s.paste();
      else if (!mod && (e.key === "Delete" || e.key === "Backspace")) s.deleteSelection();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store, readOnly]);
}
