"use client";

import "@xyflow/react/dist/style.css";
import { useState } from "react";
import { Controls, MiniMap, ReactFlow, ReactFlowProvider, type NodeChange } from "@xyflow/react";
import { CanvasGrid } from "@/components/flows/canvas/CanvasGrid";
import { anyKind, type Flow, type LintContext } from "@/lib/flow";
import { NODE_TYPES } from "./canvas/node-types";
import { FlowContextProvider, useFlowContext } from "./nodes/flow-context";
import { ProblemsList } from "./problems/ProblemsList";
import { createFlowEditorStore } from "./store/create-editor-store";
import { FlowEditorStoreProvider, useEditorStore } from "./store/context";

const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

/**
 * A flow that cannot be changed (a published version): the same node cards, lint and problems as
 * the editor, nodes selectable to read their fields, nothing draggable, connectable or saved.
 */
export function ReadOnlyFlow({ flow, lintContext }: { flow: Flow; lintContext: LintContext }) {
  const [store] = useState(() => createFlowEditorStore({ flow, lintContext }));
  return (
    <FlowEditorStoreProvider value={store}>
      <ReactFlowProvider>
        <div className="flex h-[36rem] rounded-md border border-slate-200 bg-white" data-testid="read-only-flow">
          <div className="min-w-0 flex-1">
            <FlowContextProvider>
              <Canvas />
            </FlowContextProvider>
          </div>
          <aside className="flex w-80 shrink-0 flex-col border-l border-slate-200">
            <div className="min-h-0 flex-[3] overflow-y-auto">
              <FlowContextProvider>
                <NodeDetails />
              </FlowContextProvider>
            </div>
            <div className="flex min-h-0 flex-[2] flex-col">
              <ProblemsList />
            </div>
          </aside>
        </div>
      </ReactFlowProvider>
    </FlowEditorStoreProvider>
  );
}

function Canvas() {
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  // Only selection and measuring reach the store: the content stays as published.
  const onChange = (changes: NodeChange[]) =>
    onNodesChange(changes.filter((c) => c.type === "select" || c.type === "dimensions"));
  return (
    <div className="h-full w-full" data-testid="flow-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesReconnectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
      >
        <CanvasGrid />
        <MiniMap pannable zoomable ariaLabel="Flow overview" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** The selected node's fields as published. */
function NodeDetails() {
  const selected = useEditorStore((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null));
  const node = useEditorStore((s) => (selected ? s.nodes.find((n) => n.id === selected) : undefined));
  const ctx = useFlowContext();
  if (!node) return <p className="p-4 text-sm text-slate-500">Select a node to read its fields.</p>;
  const def = anyKind(node.type);
  // A version names its destinations: show the name under the document's own key.
  const { destinationId, ...rest } = node.data as Record<string, unknown>;
  const data = node.type === "handoff" ? { ...rest, destination: destinationId } : node.data;
  return (
    <div className="space-y-2 p-4 text-sm" data-testid="node-details">
      <h3 className="font-semibold">
        {def.label} <span className="font-mono text-xs font-normal text-slate-500">{node.id}</span>
      </h3>
      <p className="text-slate-700">{def.summary(node.data as never, ctx)}</p>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs">
        {JSON.stringify(data, null, 2)}
      </pre>
    </div>
  );
}
