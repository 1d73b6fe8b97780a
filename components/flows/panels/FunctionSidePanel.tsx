"use client";

import { useRef } from "react";
import { FunctionEditorPanel } from "@/components/functions/FunctionEditorPanel";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore } from "@/components/flows/store/context";
import { useSidePanel } from "./side-panel";

/**
 * A function's Monaco editor beside the canvas; a save updates lint and override badges at once.
 * Expand lays it over the canvas's width; narrow, the Run panel goes under the code (see
 * FunctionEditorPanel), so the code always has the panel's full width.
 */
export function FunctionSidePanel({ name }: { name: string }) {
  const { agentId } = useEditorMeta();
  const { functionIds, open, expanded, setExpanded } = useSidePanel();
  const upsertFunction = useEditorStore((s) => s.upsertFunction);
  const dirty = useRef(false);
  const id = functionIds[name];
  const close = () => {
    if (dirty.current && !window.confirm(`${name} has unsaved changes. Close it and lose them?`)) return;
    open({ kind: "inspector" });
  };
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="function-side-panel">
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold">
          Function <span className="font-mono">{name}</span>
        </h2>
        <div className="flex items-center gap-1">
          <button
            type="button"
            onClick={() => setExpanded(!expanded)}
            aria-pressed={expanded}
            className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100"
            title={expanded ? "Back beside the canvas" : "Use the canvas's width for the code"}
          >
            {expanded ? "Restore" : "Expand"}
          </button>
          <button
            type="button"
            onClick={close}
            className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100"
            aria-label="Close function editor"
          >
            ✕
          </button>
        </div>
      </div>
      <div className="flex min-h-0 flex-1 flex-col">
        {id ? (
          <FunctionEditorPanel
            agentId={agentId}
            functionId={id}
            onSaved={(code) => upsertFunction({ name, code })}
            onDirtyChange={(d) => {
              dirty.current = d;
            }}
          />
        ) : (
          <p className="p-3 text-sm text-slate-600">The function {name} no longer exists.</p>
        )}
      </div>
    </div>
  );
}
