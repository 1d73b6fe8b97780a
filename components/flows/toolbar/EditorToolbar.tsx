"use client";

import Link from "next/link";
import { useReactFlow } from "@xyflow/react";
import { Button } from "@/components/ui/Button";
import { boundsOf, layoutViewport } from "@/lib/flow";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import { useFitFlow } from "@/components/flows/canvas/canvas-view";
import { HelpPopover } from "./HelpPopover";
import { ImportExport } from "./ImportExport";
import { SaveStatusBadge } from "./SaveStatusBadge";
import { useCoverage } from "@/components/flows/simulate/CoverageHighlight";
import { coverageLine } from "@/lib/scenarios/coverage";

/** The Coverage toggle's state (the editor owns it) and the scenario paths it shows. */
export interface CoverageToggle {
  on: boolean;
  toggle: () => void;
  paths: readonly (readonly string[])[];
}

function CoverageButton({ coverage }: { coverage: CoverageToggle }) {
  const c = useCoverage(coverage.paths);
  return (
    <>
      {coverage.on && (
        <span className="text-xs text-slate-600" data-testid="coverage-line">
          {coverageLine(c)}
        </span>
      )}
      <Button
        aria-pressed={coverage.on}
        onClick={coverage.toggle}
        title="Mark the nodes and branches no scenario reaches (the scenarios' last runs against the draft)"
      >
        Coverage
      </Button>
    </>
  );
}

export function EditorToolbar({ coverage }: { coverage?: CoverageToggle } = {}) {
  const { agentId, readOnly } = useEditorMeta();
  const store = useEditorStoreApi();
  const name = useEditorStore((s) => s.name);
  const canUndo = useEditorStore((s) => s.history.past.length > 0);
  const canRedo = useEditorStore((s) => s.history.future.length > 0);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const { setViewport } = useReactFlow();
  const fitFlow = useFitFlow();

  // Auto-layout runs only on demand (dagre takes ~0.7 s for 1,000 nodes), with measured sizes; dagre
  // itself is loaded on the first click so it does not weigh on opening the editor. The view then
  // frames the flow only as far out as text stays readable; a bigger flow is shown from its start.
  const layout = async () => {
    const { autoLayout, DEFAULT_NODE_SIZE } = await import("@/lib/flow/layout");
    const s = store.getState();
    const sizes = new Map(
      s.nodes.map((n) => [
        n.id,
        n.measured?.width && n.measured.height
          ? { width: n.measured.width, height: n.measured.height }
          : DEFAULT_NODE_SIZE,
      ]),
    );
    const positions = autoLayout(s.nodes, s.edges, { nodeSize: (n) => sizes.get(n.id) ?? DEFAULT_NODE_SIZE });
    s.applyPositions(positions);
    const rects = s.nodes.map((n) => ({
      ...(positions[n.id] ?? n.position),
      ...(sizes.get(n.id) ?? DEFAULT_NODE_SIZE),
    }));
    const pane = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
    if (rects.length === 0 || !pane) return;
    const start = s.nodes.findIndex((n) => n.type === "start");
    const viewport = layoutViewport(boundsOf(rects), pane, start >= 0 ? rects[start]! : null);
    requestAnimationFrame(() => void setViewport(viewport, { duration: 300 }));
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
        {coverage && <CoverageButton coverage={coverage} />}
        <Button onClick={fitFlow}>Fit view</Button>
        <ImportExport />
        <HelpPopover />
      </div>
    </header>
  );
}
