"use client";

import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from "@xyflow/react";
import { generateMixedFlow, type FlowDocument } from "@/lib/flow";
import { fromFlowJson, type FlowJson } from "@/components/flows/flow-json";
import { DEMO_FUNCTION } from "@/lib/functions/templates";

const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

/**
 * The benchmark's baseline: the same generated flow on a bare @xyflow/react canvas (default
 * nodes, useNodesState, a minimap as the editor has), no store, no custom node components, no
 * panels. `size` is the editor canvas's size, so both pages lay out and paint the same area. The
 * flow is generated here (`count` nodes) or is a stored flow the page read (`flowJson`).
 */
export function BareCanvas({
  source,
  size,
}: {
  source: { count: number } | { flowJson: FlowJson };
  size: { width: number; height: number } | null;
}) {
  const flow: FlowDocument = useMemo(
    () => ("flowJson" in source ? fromFlowJson(source.flowJson) : generateMixedFlow(source.count, DEMO_FUNCTION.name)),
    [source],
  );
  const [nodes, , onNodesChange] = useNodesState<Node>(
    flow.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: `${n.type} ${n.id}` } })),
  );
  // Default nodes have one unnamed source handle, so edges drop their branch handle.
  const [edges, , onEdgesChange] = useEdgesState<Edge>(
    flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  );
  return (
    <div style={size ?? { width: "100vw", height: "100vh" }} data-testid="bare-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
      >
        <MiniMap />
      </ReactFlow>
    </div>
  );
}
