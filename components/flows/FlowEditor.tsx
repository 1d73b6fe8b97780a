"use client";

import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { registerPendingSave } from "@/components/ui/pending-saves";
import type { LintContext } from "@/lib/flow";
import type { VariableOption } from "@/components/ui/VariableInput";
import { useCan } from "@/components/ui/viewer";
import { CanvasViewProvider } from "./canvas/canvas-view";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { EditorMetaProvider } from "./editor-meta";
import { fromFlowJson, type FlowJson } from "./flow-json";
import { Inspector } from "./inspectors/Inspector";
import { FlowContextProvider } from "./nodes/flow-context";
import { NodePalette } from "./palette/NodePalette";
import { ProblemsList } from "./problems/ProblemsList";
import { StaleBanner } from "./save/StaleBanner";
import { useAutosave } from "./save/useAutosave";
import { useLatestOnOpen } from "./save/useLatestOnOpen";
import { useLeaveGuard } from "./save/useLeaveGuard";
import { createFlowEditorStore } from "./store/create-editor-store";
import { FlowEditorStoreProvider } from "./store/context";
import { EditorToolbar } from "./toolbar/EditorToolbar";
import { useEditorShortcuts } from "./useEditorShortcuts";
import dynamic from "next/dynamic";
import { SidePanelProvider, type SidePanel } from "./panels/side-panel";
import { PanelSplitter, usePanelWidth } from "./panels/PanelSplitter";
import type { EditorSimulation } from "./simulate/EditorSimulator";
import { SimulationHighlight, type CallProgress } from "./simulate/SimulationHighlight";
import { CoverageHighlight } from "./simulate/CoverageHighlight";

export interface FlowEditorProps {
  agentId: string;
  /** The flow to edit (components/flows/flow-json.ts). */
  flowJson: FlowJson;
  lintContext: LintContext;
  variableOptions: VariableOption[];
  /** What the simulator panel needs; absent, the editor offers no simulator. */
  simulation?: EditorSimulation;
  /** Function name → id, for editing functions beside the canvas. */
  functionIds?: Readonly<Record<string, string>>;
  /** Paths of the scenarios' last runs of this flow (node ids), for the toolbar's Coverage toggle. */
  coveragePaths?: readonly (readonly string[])[];
}

// Loaded when first opened: the simulator (SIP engine, runtime) and Monaco are not needed to draw the canvas.
const EditorSimulator = dynamic(() => import("./simulate/EditorSimulator").then((m) => m.EditorSimulator), {
  ssr: false,
});
const FunctionSidePanel = dynamic(() => import("./panels/FunctionSidePanel").then((m) => m.FunctionSidePanel), {
  ssr: false,
});

const NO_PROGRESS: CallProgress = { currentNodeId: null, path: [] };

/** Keys do nothing while the editor checks for a newer saved revision; Tab still moves focus. */
function swallowKey(e: React.KeyboardEvent) {
  if (e.key === "Tab") return;
  e.preventDefault();
  e.stopPropagation();
}

/** The flow editor: one store per instance, the save loop beside it, the canvas and panels inside. */
export function FlowEditor({
  agentId,
  flowJson,
  lintContext,
  variableOptions,
  simulation,
  functionIds = {},
  coveragePaths,
}: FlowEditorProps) {
  // View-only: which nodes no scenario reaches; never part of the flow or its history.
  const [showCoverage, setShowCoverage] = useState(false);
  const [flow] = useState(() => fromFlowJson(flowJson));
  const [store] = useState(() => createFlowEditorStore({ flow, lintContext, variableOptions, deferLint: true }));
  // Lint once the canvas and its minimap have painted: problems show a moment later instead of
  // delaying the first render of a big flow.
  const lintNow = useCallback(() => store.getState().lintNow(), [store]);
  const readOnly = !useCan("flows.edit");
  const [meta] = useState(() => ({ agentId, flowId: flow.id, readOnly }));
  const { flush } = useAutosave(store, agentId, flow.id);
  const checking = useLatestOnOpen(store, agentId, flow.id);
  useLeaveGuard(store, flush);
  // Publish (top bar) saves what is on screen first.
  useEffect(() => registerPendingSave(flush), [flush]);
  // Until the check is done, shortcuts edit nothing (they listen on the window, wherever focus is).
  useEditorShortcuts(store, readOnly || checking);
  const [panel, setPanelState] = useState<SidePanel>({ kind: "inspector" });
  // The simulator (and its Python worker) starts when first opened, not with the editor; once open
  // it stays mounted so a call survives a look at the inspector.
  const [simulatorOpened, setSimulatorOpened] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const setPanel = useCallback((p: SidePanel) => {
    if (p.kind === "simulator") setSimulatorOpened(true);
    if (p.kind !== "function") setExpanded(false);
    setPanelState(p);
  }, []);
  const [progress, setProgress] = useState<CallProgress>(NO_PROGRESS);
  const onProgress = useCallback((p: CallProgress) => setProgress(p), []);
  const panels = useMemo(
    () => ({ panel, open: setPanel, functionIds, expanded, setExpanded }),
    [panel, setPanel, functionIds, expanded],
  );
  // The function editor over the canvas: the canvas stays mounted (and keeps its view) underneath.
  const overCanvas = expanded && panel.kind === "function";
  // The canvas and the side panel share this row's width; the splitter moves the line between them.
  const shared = useRef<HTMLDivElement>(null);
  const panelWidth = usePanelWidth(panel.kind, shared);

  return (
    <EditorMetaProvider value={meta}>
      <SidePanelProvider value={panels}>
        <FlowEditorStoreProvider value={store}>
          {/* Initial nodes here (not only via <ReactFlow nodes>) so they render on the server and hydrate, as a bare ReactFlow does. */}
          <ReactFlowProvider
            initialNodes={store.getState().nodes}
            initialEdges={store.getState().edges}
            initialMinZoom={0.05}
            initialMaxZoom={2}
          >
            <CanvasViewProvider>
              {/*
                Nothing is edited on an old revision while the editor checks for a newer one: a cover takes
                the pointer and keys are swallowed. Not `inert` or a class on this element: either restyles
                every element below it when it changes, a second full restyle of a 1,000-node canvas.
              */}
              <div
                className="relative flex h-[calc(100vh-3rem)] flex-col"
                data-testid="flow-editor"
                aria-busy={checking}
                onKeyDownCapture={checking ? swallowKey : undefined}
              >
                {checking && <div aria-hidden className="absolute inset-0 z-50 cursor-progress" />}
                <EditorToolbar
                  coverage={
                    coveragePaths
                      ? { on: showCoverage, toggle: () => setShowCoverage((v) => !v), paths: coveragePaths }
                      : undefined
                  }
                />
                <StaleBanner />
                <div className="flex min-h-0 flex-1">
                  {!readOnly && <NodePalette />}
                  <div ref={shared} className="relative flex min-w-0 flex-1">
                    <div className="min-w-0 flex-1">
                      <FlowContextProvider>
                        <FlowCanvas onPainted={lintNow} />
                      </FlowContextProvider>
                    </div>
                    {!overCanvas && (
                      <PanelSplitter width={panelWidth.width} max={panelWidth.max} onResize={panelWidth.setWidth} />
                    )}
                    <aside
                      className={`flex shrink-0 flex-col border-l border-slate-200 bg-white ${overCanvas ? "absolute inset-0 z-20" : ""}`}
                      style={overCanvas ? undefined : { width: panelWidth.width }}
                      data-testid="side-panel"
                      data-expanded={overCanvas}
                    >
                      {panel.kind !== "function" && (
                        <div role="tablist" aria-label="Side panel" className="flex border-b border-slate-200 text-sm">
                          {(["inspector", "simulator"] as const)
                            .filter((k) => k === "inspector" || simulation)
                            .map((k) => (
                              <button
                                key={k}
                                type="button"
                                role="tab"
                                aria-selected={panel.kind === k}
                                onClick={() => setPanel({ kind: k })}
                                className={`flex-1 px-3 py-2 font-medium ${panel.kind === k ? "border-b-2 border-brand-600 text-brand-700" : "text-slate-600 hover:bg-slate-50"}`}
                              >
                                {k === "inspector" ? "Inspector" : "Simulate"}
                              </button>
                            ))}
                        </div>
                      )}
                      {panel.kind === "inspector" && (
                        <>
                          <div className="min-h-0 flex-[3] overflow-y-auto">
                            {/* A disabled fieldset disables every field inside: read-only roles inspect, never edit. */}
                            <fieldset disabled={readOnly} className="contents">
                              <Inspector />
                            </fieldset>
                          </div>
                          <div className="flex min-h-0 flex-[2] flex-col">
                            <ProblemsList />
                          </div>
                        </>
                      )}
                      {simulation && simulatorOpened && (
                        <div
                          className={panel.kind === "simulator" ? "min-h-0 flex-1" : "hidden"}
                          role="tabpanel"
                          aria-label="Simulate"
                        >
                          <EditorSimulator simulation={simulation} onProgress={onProgress} />
                        </div>
                      )}
                      {panel.kind === "function" && <FunctionSidePanel name={panel.name} />}
                    </aside>
                  </div>
                  <SimulationHighlight progress={progress} />
                  {coveragePaths && showCoverage && <CoverageHighlight paths={coveragePaths} />}
                </div>
              </div>
            </CanvasViewProvider>
          </ReactFlowProvider>
        </FlowEditorStoreProvider>
      </SidePanelProvider>
    </EditorMetaProvider>
  );
}
