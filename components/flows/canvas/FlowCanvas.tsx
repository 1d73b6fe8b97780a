"use client";

import { Background, Controls, MiniMap, ReactFlow } from "@xyflow/react";
import { useEditorStore } from "../store/context";
import { NODE_TYPES } from "./node-types";

const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

/**
 * The canvas. Deleting is handled by the editor's shortcuts (one undo step for nodes and
 * their edges), so xyflow's own delete key is off.
 */
export function FlowCanvas() {
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const connect = useEditorStore((s) => s.connect);
  const reconnect = useEditorStore((s) => s.reconnect);

  return (
    <div className="h-full w-full" data-testid="flow-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        onReconnect={reconnect}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Flow overview" />
        <Controls />
      </ReactFlow>
    </div>
  );
}
