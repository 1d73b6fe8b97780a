"use client";

import { useEffect, useMemo, useState } from "react";
import { Background, Controls, MiniMap, ReactFlow, useNodesInitialized } from "@xyflow/react";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import type { CanvasEdge } from "@/components/flows/store/types";
import { useRemeasureChangedHandles } from "./useRemeasureChangedHandles";
import { NODE_TYPES } from "./node-types";

const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

/** Only a selected edge shows reconnect anchors: two per edge on every edge would double the DOM of a big flow. */
function withReconnectAnchors(edges: CanvasEdge[]): CanvasEdge[] {
  return edges.map((e) => (e.selected ? { ...e, reconnectable: true } : e));
}

/**
 * The canvas. Deleting is handled by the editor's shortcuts (one undo step for nodes and
 * their edges), so xyflow's own delete key is off. The minimap mounts just after the nodes are
 * measured and painted, so it never delays the first render of a big flow.
 */
export function FlowCanvas() {
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const connect = useEditorStore((s) => s.connect);
  const reconnect = useEditorStore((s) => s.reconnect);
  const { readOnly } = useEditorMeta();
  useRemeasureChangedHandles(useEditorStoreApi());
  const shownEdges = useMemo(() => withReconnectAnchors(edges), [edges]);
  const initialized = useNodesInitialized();
  // Latched: adding a node (briefly unmeasured) must not unmount the minimap.
  const [showMiniMap, setShowMiniMap] = useState(false);
  useEffect(() => {
    if (!initialized || showMiniMap) return;
    // After the frame that shows the nodes has been painted: the minimap is secondary.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShowMiniMap(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [initialized, showMiniMap]);

  return (
    <div className="h-full w-full" data-testid="flow-canvas">
      <ReactFlow
        nodes={nodes}
        edges={shownEdges}
        edgesReconnectable={false}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : connect}
        onReconnect={readOnly ? undefined : reconnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
      >
        <Background gap={20} />
        {showMiniMap && <MiniMap pannable zoomable ariaLabel="Flow overview" />}
        <Controls />
      </ReactFlow>
    </div>
  );
}
