"use client";

import Link from "next/link";
import { useReactFlow } from "@xyflow/react";
import { Button } from "@/components/ui/Button";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import { HelpPopover } from "./HelpPopover";
import { ImportExport } from "./ImportExport";
import { SaveStatusBadge } from "./SaveStatusBadge";

export function EditorToolbar() {
  const { agentId, readOnly } = useEditorMeta();
  const store = useEditorStoreApi();
  const name = useEditorStore((s) => s.name);
  const canUndo = useEditorStore((s) => s.history.past.length > 0);
  const canRedo = useEditorStore((s) => s.history.future.length > 0);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const { fitView } = useReactFlow();

  // Auto-layout runs only on demand (dagre takes ~0.7 s for 1,000 nodes), with measured sizes; dagre
  // itself is loaded on the first click so it does not weigh on opening the editor.
  const layout = async () => {
    const { autoLayout, DEFAULT_NODE_SIZE } = await import("@/lib/flow/layout");
    const s = store.getState();
    const positions = autoLayout(s.nodes, s.edges, {
      nodeSize: (n) => {
        const m = s.nodes.find((x) => x.id === n.id)?.measured;
        return m?.width && m.height ? { width: m.width, height: m.height } : DEFAULT_NODE_SIZE;
      },
    });
    s.applyPositions(positions);
    requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1, duration: 300 }));
  };

  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3">
      <Link href={`/agents/${agentId}/flows`} prefetch={false} className="text-sm text-slate-500 hover:underline">
        Flows
      </Link>
      <span className="text-slate-300">/</span>
      <h1 className="mr-2 truncate text-base font-semibold" data-testid="flow-name">
        {name}
      </h1>
      <SaveStatusBadge />
      <div className="ml-auto flex items-center gap-1.5">
        {readOnly ? (
          <span className="text-xs text-slate-500" data-testid="read-only-note">
            Read-only: your role may not edit flows
          </span>
        ) : (
          <>
            <Button variant="ghost" onClick={undo} disabled={!canUndo} title="Undo (Ctrl/⌘+Z)">
              Undo
            </Button>
            <Button variant="ghost" onClick={redo} disabled={!canRedo} title="Redo (Shift+Ctrl/⌘+Z)">
              Redo
            </Button>
            <Button onClick={layout} title="Arrange nodes top to bottom">
              Auto-layout
            </Button>
          </>
        )}
        <Button onClick={() => void fitView({ padding: 0.15, maxZoom: 1, duration: 300 })}>Fit view</Button>
        <ImportExport />
        <HelpPopover />
      </div>
    </header>
  );
}
