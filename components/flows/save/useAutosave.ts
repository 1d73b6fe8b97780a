"use client";

import { useCallback, useEffect, useRef } from "react";
import { saveFlowAction } from "@/app/agents/[agentId]/flows/actions";
import type { SaveFlowResult } from "@/lib/flow";
import { flowDocumentBytes, flowTooLargeMessage, MAX_FLOW_BYTES } from "@/lib/flow/size";
import { toDocument } from "@/components/flows/store/document";
import type { FlowEditorStore } from "@/components/flows/store/create-editor-store";
import { applySaveResult } from "./save-result";
import { noteSaveAnswered, noteSaveSent } from "./sent-save";

export const AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 5000;
/** Browsers refuse keepalive bodies over 64 KiB (all pending ones together); bigger flows leave by the action. */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;

type Transport = "action" | "keepalive";

/**
 * The save loop: saves ~800 ms after the last change, one save at a time, each based on the
 * last saved revision; pauses while a conflict is unresolved. On pagehide/visibilitychange it
 * saves with a keepalive POST so leaving the page keeps the work. Every save is noted in the
 * tab's session storage until answered, so an editor opened by a reload that raced the save
 * waits for it (useLatestOnOpen). A flow over the size limit is not sent; the status says why.
 * Returns `flush` for the in-app navigation guard.
 */
export function useAutosave(store: FlowEditorStore, agentId: string, flowId: string) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);

  const saveNow = useCallback(
    (transport: Transport = "action", unloading = false): Promise<void> => {
      clearTimeout(timer.current);
      const s = store.getState();
      if (s.save.theirs || s.docVersion === s.save.savedVersion) return Promise.resolve();
      // Leaving the page: a save still in flight may be cut off with the page, so this one does
      // not queue behind it. If both arrive, the second is the same document or based on the
      // same revision, and the server answers an identical document as saved.
      if (running.current && !unloading) return running.current.then(() => saveNow(transport));
      const version = s.docVersion;
      const doc = toDocument(s.name, s.nodes, s.edges);
      const bytes = flowDocumentBytes(doc);
      if (bytes > MAX_FLOW_BYTES) {
        s.saveFailed(flowTooLargeMessage(bytes));
        return Promise.resolve();
      }
      const baseRevision = s.save.revision;
      s.saveStarted();
      noteSaveSent(flowId, baseRevision);
      const send = (): Promise<SaveFlowResult> =>
        transport === "keepalive" && bytes <= KEEPALIVE_MAX_BYTES
          ? fetch(`/agents/${agentId}/flows/${flowId}/save`, {
              method: "POST",
              keepalive: true,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ doc, baseRevision }),
            }).then((r) => r.json() as Promise<SaveFlowResult>)
          : saveFlowAction(agentId, flowId, doc, baseRevision);
      const run = send()
        .catch((e: unknown) => {
          // Another keepalive still pending can use up the browser's quota: fall back to the action.
          if (transport === "keepalive") return saveFlowAction(agentId, flowId, doc, baseRevision);
          throw e;
        })
        .then(
          (result) => {
            noteSaveAnswered(flowId);
            applySaveResult(store.getState(), version, result);
          },
          () => {
            noteSaveAnswered(flowId);
            store.getState().saveFailed("the server could not be reached; retrying");
            timer.current = setTimeout(() => void saveNow(), RETRY_MS);
          },
        )
        .finally(() => {
          if (running.current === run) running.current = null;
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
    const onPageHide = () => void saveNow("keepalive", true);
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
