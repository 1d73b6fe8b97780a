"use client";

import { useCallback, useEffect, useRef } from "react";
import { saveFlowAction } from "@/app/agents/[agentId]/flows/actions";
import type { SaveFlowResult } from "@/lib/flow";
import { toDocument } from "@/components/flows/store/document";
import type { FlowEditorStore } from "@/components/flows/store/create-editor-store";
import { applySaveResult } from "./save-result";

export const AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 5000;

type Transport = "action" | "keepalive";

/**
 * The save loop: saves ~800 ms after the last change, one save at a time, each based on the
 * last saved revision; pauses while a conflict is unresolved. On pagehide/visibilitychange it
 * saves with a keepalive POST so leaving the page keeps the work. Returns `flush` for the
 * in-app navigation guard.
 */
export function useAutosave(store: FlowEditorStore, agentId: string, flowId: string) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);

  const saveNow = useCallback(
    (transport: Transport = "action"): Promise<void> => {
      clearTimeout(timer.current);
      const s = store.getState();
      if (s.save.theirs || s.docVersion === s.save.savedVersion) return Promise.resolve();
      if (running.current) return running.current.then(() => saveNow(transport));
      const version = s.docVersion;
      const doc = toDocument(s.name, s.nodes, s.edges);
      const baseRevision = s.save.revision;
      s.saveStarted();
      const send = (): Promise<SaveFlowResult> =>
        transport === "keepalive"
          ? fetch(`/agents/${agentId}/flows/${flowId}/save`, {
              method: "POST",
              keepalive: true,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ doc, baseRevision }),
            }).then((r) => r.json() as Promise<SaveFlowResult>)
          : saveFlowAction(agentId, flowId, doc, baseRevision);
      const run = send()
        .catch((e: unknown) => {
          // keepalive bodies are capped at 64 KB; a big flow falls back to the action.
          if (transport === "keepalive") return saveFlowAction(agentId, flowId, doc, baseRevision);
          throw e;
        })
        .then(
          (result) => applySaveResult(store.getState(), version, result),
          () => {
            store.getState().saveFailed("the server could not be reached; retrying");
            timer.current = setTimeout(() => void saveNow(), RETRY_MS);
          },
        )
        .finally(() => {
          running.current = null;
          const after = store.getState();
          // Edits made while this save was in flight get their own save.
          if (!after.save.theirs && !after.save.error && after.docVersion !== after.save.savedVersion) {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
          }
        });
      running.current = run;
      return run;
    },
    [store, agentId, flowId],
  );

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.docVersion !== prev.docVersion && !s.save.theirs) schedule();
    });
    const onHide = () => {
      if (document.visibilityState === "hidden") void saveNow("keepalive");
    };
    const onPageHide = () => void saveNow("keepalive");
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      unsubscribe();
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      clearTimeout(timer.current);
      // Unmounting (in-app navigation the guard let through): keep unsaved work.
      void saveNow("keepalive");
    };
  }, [store, schedule, saveNow]);

  return { flush: () => saveNow("action") };
}
