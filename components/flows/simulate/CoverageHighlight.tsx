"use client";

import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useEditorStore } from "@/components/flows/store/context";
import { flowCoverage } from "@/lib/scenarios/coverage";

const esc = (id: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, "\\$&"));

/** Coverage of what is on the canvas by the scenarios' last runs (node ids entered, in order). */
export function useCoverage(paths: readonly (readonly string[])[]) {
  // Node ids, not nodes: a drag changes positions on every frame, and coverage depends on none.
  const nodeIds = useEditorStore(useShallow((s) => s.nodes.map((n) => n.id)));
  const edges = useEditorStore((s) => s.edges);
  return useMemo(
    () => flowCoverage({ nodes: nodeIds.map((id) => ({ id })), edges } as never, paths),
    [nodeIds, edges, paths],
  );
}

/**
 * Marks the nodes and branches no scenario reaches with one generated stylesheet (as the simulation
 * highlight does): a view-only overlay, never saved in the flow.
 */
export function CoverageHighlight({ paths }: { paths: readonly (readonly string[])[] }) {
  const c = useCoverage(paths);
  const rules = [
    ...c.uncoveredNodes.map(
      (id) =>
        `.react-flow__node[data-id="${esc(id)}"]{outline:2px solid #dc2626;outline-offset:3px;border-radius:10px;opacity:.75}`,
    ),
    ...c.uncoveredEdges.map(
      (id) =>
        `.react-flow__edge[data-id="${esc(id)}"] .react-flow__edge-path{stroke:#dc2626;stroke-dasharray:6 4;stroke-width:2}`,
    ),
  ];
  return (
    <style
      data-testid="coverage-highlight"
      data-uncovered-nodes={c.uncoveredNodes.join(" ")}
      data-uncovered-edges={c.uncoveredEdges.join(" ")}
    >
      {rules.join("\n")}
    </style>
  );
}
