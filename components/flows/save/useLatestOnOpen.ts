"use client";

import { useEffect, useState } from "react";
import type { FlowDocument } from "@/lib/flow";
import type { FlowEditorStore } from "@/components/flows/store/create-editor-store";
import { noteSaveAnswered, unansweredSaveBase } from "./sent-save";

/** How long an editor waits for its own save that a reload or Back/Forward overtook. */
export const OWN_SAVE_WAIT_MS = 5000;
const POLL_MS = 100;

interface Latest {
  revision: number;
  savedAt: string;
  /** Present when the revision is not the one asked about. */
  flow?: Pick<FlowDocument, "name" | "nodes" | "edges">;
}

async function fetchLatest(agentId: string, flowId: string, known: number, signal: AbortSignal) {
  const r = await fetch(`/agents/${agentId}/flows/${flowId}/save?revision=${known}`, { cache: "no-store", signal });
  return r.ok ? ((await r.json()) as Latest) : null;
}

/**
 * The editor never opens stale. Its props can be older than the database: Back/Forward
 * restores the page from the router's cache, and a reload's request can overtake the save the
 * page sent as it left. So on opening, the editor asks what is saved now, first waiting (up to
 * OWN_SAVE_WAIT_MS) for this tab's own unanswered save to land, and shows the newer revision if
 * there is one, as if just opened. Until then (`checking`) the editor takes no input, so no edit
 * can be made on the old version. A page restored from the browser's back/forward cache reloads.
 */
export function useLatestOnOpen(store: FlowEditorStore, agentId: string, flowId: string): boolean {
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    const abort = new AbortController();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    void (async () => {
      const waitFor = unansweredSaveBase(flowId);
      const deadline = Date.now() + OWN_SAVE_WAIT_MS;
      let latest: Latest | null = null;
      try {
        for (;;) {
          latest = await fetchLatest(agentId, flowId, store.getState().save.revision, abort.signal);
          if (!latest || waitFor === null || latest.revision > waitFor || Date.now() >= deadline) break;
          await sleep(POLL_MS);
        }
      } catch {
        if (abort.signal.aborted) return;
        latest = null; // Offline: the editor keeps what it has; a save will tell if it is stale.
      }
      if (abort.signal.aborted) return;
      if (waitFor !== null && unansweredSaveBase(flowId) === waitFor) noteSaveAnswered(flowId);
      const s = store.getState();
      const untouched = s.docVersion === s.save.savedVersion && !s.save.inFlight && !s.save.theirs;
      if (latest?.flow && latest.revision > s.save.revision && untouched) {
        s.loadSaved({ ...latest.flow, revision: latest.revision, savedAt: latest.savedAt });
      }
      setChecking(false);
    })();

    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) window.location.reload();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => {
      abort.abort();
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [store, agentId, flowId]);

  return checking;
}
