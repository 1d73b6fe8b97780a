"use client";

import { useEffect, useMemo, useState } from "react";
import { ControlButton, Controls, MiniMap, ReactFlow, useNodesInitialized, useStore } from "@xyflow/react";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import type { CanvasEdge, EditorState } from "@/components/flows/store/types";
import { useCanvasView, useFitOptions } from "./canvas-view";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useRemeasureChangedHandles } from "./useRemeasureChangedHandles";
import { NODE_TYPES } from "./node-types";
import { CanvasGrid } from "./CanvasGrid";
import { useLatchedAfterPaint } from "./useLatchedAfterPaint";
import { LowDetailProvider, useLowDetailAtZoom, useShownNodes } from "./card-detail";
import { startsInLowDetail } from "@/lib/flow";

const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];

/** Only a selected edge shows reconnect anchors: two per edge on every edge would double the DOM of a big flow. */
function withReconnectAnchors(edges: CanvasEdge[]): CanvasEdge[] {
  return edges.map((e) => (e.selected ? { ...e, reconnectable: true } : e));
}

/**
 * The graph for <ReactFlow>, updated as an ordinary React state update: the renders of several
 * pointer moves within a frame are batched, as with xyflow's own useNodesState. A store selector
 * (useSyncExternalStore) re-rendered the canvas synchronously after every move during a drag.
 */
function useGraph(): Pick<EditorState, "nodes" | "edges"> {
  const store = useEditorStoreApi();
  const [graph, setGraph] = useState(() => pickGraph(store.getState()));
  useEffect(() => {
    const sync = (s: EditorState) => setGraph((g) => (g.nodes === s.nodes && g.edges === s.edges ? g : pickGraph(s)));
    // A change between the first render and this effect is not missed.
    sync(store.getState());
    return store.subscribe((s, prev) => {
      if (s.nodes !== prev.nodes || s.edges !== prev.edges) sync(s);
    });
  }, [store]);
  return graph;
}

const pickGraph = (s: EditorState) => ({ nodes: s.nodes, edges: s.edges });

/**
 * The canvas. Deleting is handled by the editor's shortcuts (one undo step for nodes and
 * their edges), so xyflow's own delete key is off. The minimap mounts just after the nodes are
 * measured and painted, so it never delays the first render of a big flow; it can be hidden from
 * the controls, and fit-view keeps nodes out from under it. `onPainted` runs once, after the frame
 * that shows the nodes and the minimap: the editor lints then. Zoomed out below legibility the cards
 * draw in overview detail (card-detail.tsx): a frame per node, no text or handle elements.
 */
export function FlowCanvas({ onPainted }: { onPainted?: () => void }) {
  const { nodes, edges } = useGraph();
  const store = useEditorStoreApi();
  // From the flow as the page was rendered: the server and the browser must draw the same cards.
  const [startsLow] = useState(() => startsInLowDetail(store.getState().nodes));
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const connect = useEditorStore((s) => s.connect);
  const reconnect = useEditorStore((s) => s.reconnect);
  useRemeasureChangedHandles(store);
  const shownEdges = useMemo(() => withReconnectAnchors(edges), [edges]);
  const initialized = useNodesInitialized();
  const { readOnly } = useEditorMeta();
  const { miniMap, setMiniMap } = useCanvasView();
  const fitOptions = useFitOptions();
  // Recomputed once the pane has a size (and when the minimap is toggled), before the first fit.
  const pane = useStore((s) => (s.width > 0 && s.height > 0 ? `${s.width}x${s.height}` : ""));
  const fitViewOptions = useMemo(() => (pane ? fitOptions() : undefined), [pane, fitOptions]);
  // Latched: adding a node (briefly unmeasured) must not unmount the minimap. xyflow never reports
  // an empty flow as initialized, so an empty one counts as ready.
  const canvasPainted = useLatchedAfterPaint(initialized || nodes.length === 0);
  const miniMapPainted = useLatchedAfterPaint(canvasPainted);
  const lowDetail = useLowDetailAtZoom(startsLow, canvasPainted);
  const shownNodes = useShownNodes(nodes, lowDetail);
  useEffect(() => {
    if (miniMapPainted) onPainted?.();
  }, [miniMapPainted, onPainted]);

  return (
    <div className="h-full w-full" data-testid="flow-canvas" data-detail={lowDetail ? "overview" : "full"}>
      <LowDetailProvider value={lowDetail}>
        <ReactFlow
          nodes={shownNodes}
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
          fitViewOptions={fitViewOptions}
          minZoom={0.05}
        >
          <CanvasGrid />
          {canvasPainted && miniMap && <MiniMap pannable zoomable ariaLabel="Flow overview" />}
          <Controls fitViewOptions={fitViewOptions}>
            <ControlButton
              onClick={() => setMiniMap(!miniMap)}
              aria-pressed={miniMap}
              aria-label={miniMap ? "Hide minimap" : "Show minimap"}
              title={miniMap ? "Hide minimap" : "Show minimap"}
              data-testid="toggle-minimap"
            >
              <svg viewBox="0 0 16 16" aria-hidden fill="none" stroke="currentColor" strokeWidth={1.5}>
                <rect x="1.5" y="2.5" width="13" height="11" rx="1" />
                <rect x="8" y="8" width="5" height="4" fill="currentColor" stroke="none" />
              </svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
      </LowDetailProvider>
    </div>
  );
}
