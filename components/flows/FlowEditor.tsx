"use client";

import "@xyflow/react/dist/style.css";
import { useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import type { Flow, LintContext } from "@/lib/flow";
import type { VariableOption } from "@/components/ui/VariableInput";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { EditorMetaProvider } from "./editor-meta";
import { Inspector } from "./inspectors/Inspector";
import { FlowContextProvider } from "./nodes/flow-context";
import { NodePalette } from "./palette/NodePalette";
import { ProblemsList } from "./problems/ProblemsList";
import { StaleBanner } from "./save/StaleBanner";
import { useAutosave } from "./save/useAutosave";
import { useLeaveGuard } from "./save/useLeaveGuard";
import { createFlowEditorStore } from "./store/create-editor-store";
import { FlowEditorStoreProvider } from "./store/context";
import { EditorToolbar } from "./toolbar/EditorToolbar";
import { useEditorShortcuts } from "./useEditorShortcuts";

export interface FlowEditorProps {
  agentId: string;
  flow: Flow;
  lintContext: LintContext;
  variableOptions: VariableOption[];
}

/** The flow editor: one store per instance, the save loop beside it, the canvas and panels inside. */
export function FlowEditor({ agentId, flow, lintContext, variableOptions }: FlowEditorProps) {
  const [store] = useState(() => createFlowEditorStore({ flow, lintContext, variableOptions }));
  const [meta] = useState(() => ({ agentId, flowId: flow.id }));
  const { flush } = useAutosave(store, agentId, flow.id);
  useLeaveGuard(store, flush);
  useEditorShortcuts(store);

  return (
    <EditorMetaProvider value={meta}>
      <FlowEditorStoreProvider value={store}>
        {/* Initial nodes here (not only via <ReactFlow nodes>) so they render on the server and hydrate, as a bare ReactFlow does. */}
        <ReactFlowProvider initialNodes={store.getState().nodes} initialEdges={store.getState().edges} initialMinZoom={0.05} initialMaxZoom={2}>
          <div className="flex h-[calc(100vh-3rem)] flex-col" data-testid="flow-editor">
            <EditorToolbar />
            <StaleBanner />
            <div className="flex min-h-0 flex-1">
              <NodePalette />
              <div className="min-w-0 flex-1">
                <FlowContextProvider>
                  <FlowCanvas />
                </FlowContextProvider>
              </div>
              <aside className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white">
                <div className="min-h-0 flex-[3] overflow-y-auto"><Inspector /></div>
                <div className="flex min-h-0 flex-[2] flex-col"><ProblemsList /></div>
              </aside>
            </div>
          </div>
        </ReactFlowProvider>
      </FlowEditorStoreProvider>
    </EditorMetaProvider>
  );
}
