"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import type { FlowEditorStore } from "@/components/flows/store/create-editor-store";
import { flowDocumentBytes } from "@/lib/flow/size";
import { toDocument } from "@/components/flows/store/document";
import { saveStatus } from "@/components/flows/store/save-slice";
import { KEEPALIVE_MAX_BYTES } from "./useAutosave";

/**
 * In-app navigation guard: a click on a link while changes are unsaved first saves them,
 * then navigates. If they cannot be saved (a conflict or an error), it asks before leaving.
 * Closing or reloading the tab is covered by the keepalive save, plus a prompt when a save
 * is known to have failed or the unsaved flow is too big for a keepalive save.
 */
export function useLeaveGuard(store: FlowEditorStore, flush: () => Promise<void>) {
  const router = useRouter();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as HTMLElement | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || a.hasAttribute("download")) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || saveStatus(store.getState()) === "saved") return;
      e.preventDefault();
      e.stopPropagation();
      void flush().then(() => {
        const status = saveStatus(store.getState());
        const ok =
          status === "saved" || window.confirm("Your latest changes to this flow are not saved. Leave anyway?");
        if (ok) router.push(url.pathname + url.search + url.hash);
      });
    };
    const onBeforeUnload = (e: Event) => {
      const s = store.getState();
      const status = saveStatus(s);
      if (status === "stale" || status === "error") e.preventDefault();
      // A flow too big for a keepalive save can only be saved while the page stays.
      else if (
        (status === "unsaved" || status === "saving") &&
        flowDocumentBytes(toDocument(s.name, s.nodes, s.edges)) > KEEPALIVE_MAX_BYTES
      )
        e.preventDefault();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [store, flush, router]);
}
