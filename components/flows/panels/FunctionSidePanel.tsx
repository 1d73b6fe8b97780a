"use client";

import { useRef } from "react";
import { FunctionEditorPanel } from "@/components/functions/FunctionEditorPanel";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore } from "@/components/flows/store/context";
import { useSidePanel } from "./side-panel";

/** A function's Monaco editor beside the canvas; a save updates lint and override badges at once. */
export function FunctionSidePanel({ name }: { name: string }) {
  const { agentId } = useEditorMeta();
  const { functionIds, open } = useSidePanel();
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
        <button
          type="button"
          onClick={close}
          className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100"
          aria-label="Close function editor"
        >
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
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
