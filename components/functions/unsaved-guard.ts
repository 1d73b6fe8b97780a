"use client";

import { useEffect } from "react";

export const UNSAVED_MESSAGE = "You have unsaved changes to this function. Leave without saving?";

/**
 * While `dirty`, asks before leaving: the browser's own prompt for reloads, closes and typed
 * URLs (beforeunload), and a confirm() for in-app link clicks, caught in the window's capture
 * phase: before Next's <Link> sees them, and before the flow editor's own leave guard (on the
 * document), which would otherwise save and navigate without asking. Used by the function editor
 * and by the simulator while a call runs.
 */
export function useUnsavedChangesGuard(dirty: boolean, message = UNSAVED_MESSAGE): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (
        url.origin === window.location.origin &&
        url.pathname === window.location.pathname &&
        url.search === window.location.search
      )
        return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty, message]);
}
