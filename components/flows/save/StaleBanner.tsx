"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useReactFlow } from "@xyflow/react";
import { Button } from "@/components/ui/Button";
import { saveFlowAsCopyAction } from "@/app/agents/[agentId]/flows/actions";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { toDocument } from "@/components/flows/store/document";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";

/**
 * Shown when a save was refused because the flow changed elsewhere. Autosave is paused until
 * the user picks: their version replaces the canvas (undo brings mine back), or mine is saved
 * as a new flow and opened. Never a silent overwrite.
 */
export function StaleBanner() {
  const { agentId } = useEditorMeta();
  const store = useEditorStoreApi();
  const theirs = useEditorStore((s) => s.save.theirs);
  const reloadTheirs = useEditorStore((s) => s.reloadTheirs);
  const router = useRouter();
  const { fitView } = useReactFlow();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!theirs) return null;

  const saveCopy = () =>
    start(async () => {
      const s = store.getState();
      try {
        const r = await saveFlowAsCopyAction(agentId, toDocument(s.name, s.nodes, s.edges));
        if (r.ok) return router.push(`/agents/${agentId}/flows/${r.flowId}`);
        setError(r.fieldErrors._form ?? r.fieldErrors.name ?? "The copy could not be saved");
      } catch {
        setError("The server could not be reached; your edits are still here");
      }
    });

  return (
    <div
      role="alert"
      data-testid="stale-banner"
      className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <span>
        <strong>This flow was changed in another tab or by someone else</strong> (now revision {theirs.revision}). Your
        latest edits are not saved and autosave is paused.
      </span>
      <span className="ml-auto flex gap-2">
        <Button
          onClick={() => {
            reloadTheirs();
            requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1 }));
          }}
          disabled={pending}
        >
          Reload theirs
        </Button>
        <Button variant="primary" onClick={saveCopy} disabled={pending}>
          {pending ? "Saving copy…" : "Save mine as a copy"}
        </Button>
      </span>
      {error && <span className="w-full text-red-700">{error}</span>}
    </div>
  );
}
