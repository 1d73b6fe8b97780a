"use client";

import { useEditorStore } from "@/components/flows/store/context";

export interface CallProgress {
  currentNodeId: string | null;
  path: readonly string[];
  /** Nodes of this flow where the call went on in another flow (Go to flow, conv.goto_flow), with where to. */
  flowExits?: readonly { nodeId: string; to: string }[];
}

const esc = (id: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, "\\$&"));

/**
 * Marks the simulated call on the canvas with one generated stylesheet: the current node, the
 * nodes and edges already taken. Node components do not re-render for it, which keeps a
 * 1,000-node canvas as fast during a call as without one.
 */
export function SimulationHighlight({ progress }: { progress: CallProgress }) {
  const edges = useEditorStore((s) => s.edges);
  if (progress.path.length === 0) return null;
  const visited = new Set(progress.path);
  // Index edges by their ends once, so a long call on a large flow stays linear.
  const byEnds = new Map<string, string[]>();
  for (const e of edges) {
    const key = `${e.source}\u0000${e.target}`;
    byEnds.set(key, [...(byEnds.get(key) ?? []), e.id]);
  }
  const taken = new Set<string>();
  for (let i = 1; i < progress.path.length; i++) {
    for (const id of byEnds.get(`${progress.path[i - 1]}\u0000${progress.path[i]}`) ?? []) taken.add(id);
  }
  const rules = [
    ...[...visited].map(
      (id) =>
        `.react-flow__node[data-id="${esc(id)}"]{outline:2px dashed #7c9cf5;outline-offset:3px;border-radius:10px}`,
    ),
    ...[...taken].map(
      (id) => `.react-flow__edge[data-id="${esc(id)}"] .react-flow__edge-path{stroke:#2f58d6;stroke-width:3}`,
    ),
    progress.currentNodeId
      ? `.react-flow__node[data-id="${esc(progress.currentNodeId)}"]{outline:3px solid #2f58d6;outline-offset:3px;border-radius:10px}`
      : "",
    // Where the call changed flow: a double indigo outline.
    ...(progress.flowExits ?? []).map(
      (x) =>
        `.react-flow__node[data-id="${esc(x.nodeId)}"]{outline:3px double #4f46e5;outline-offset:3px;border-radius:10px}`,
    ),
  ];
  return (
    <style
      data-testid="simulation-highlight"
      data-current={progress.currentNodeId ?? ""}
      data-path={progress.path.join(" ")}
      data-flow-exits={(progress.flowExits ?? []).map((x) => `${x.nodeId}>${x.to}`).join(" ")}
    >
      {rules.join("\n")}
    </style>
  );
}
