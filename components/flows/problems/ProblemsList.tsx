"use client";

import { useReactFlow } from "@xyflow/react";
import { catalogue, type NodeKind } from "@/lib/flow";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";

/** Every lint problem; clicking one selects its node and centres the view on it. */
export function ProblemsList() {
  const problems = useEditorStore((s) => s.problems);
  const selectOnly = useEditorStore((s) => s.selectOnly);
  const store = useEditorStoreApi();
  // Read, not subscribed: kinds only change with content, which also re-lints (new problems).
  const kinds = new Map<string, NodeKind>();
  if (problems.length > 0) for (const n of store.getState().nodes) kinds.set(n.id, n.type);
  const { fitView, getNode } = useReactFlow();
  const errors = problems.filter((p) => p.severity === "error").length;

  const show = (nodeId: string | undefined) => {
    if (!nodeId || !getNode(nodeId)) return;
    selectOnly(nodeId);
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
  };

  return (
    <section aria-label="Problems" data-testid="problems" className="flex min-h-0 flex-col border-t border-slate-200">
      <h2 className="px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Problems <span data-testid="problem-count">{problems.length}</span>
        {problems.length > 0 && (
          <span className="ml-1 normal-case text-slate-400">
            ({errors} errors, {problems.length - errors} warnings)
          </span>
        )}
      </h2>
      {problems.length === 0 ? (
        <p className="px-4 pb-3 text-sm text-slate-500">No problems.</p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto pb-2">
          {problems.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                data-testid="problem"
                data-rule={p.rule}
                data-node={p.nodeId}
                onClick={() => show(p.nodeId)}
                className="flex w-full gap-2 px-4 py-1 text-left text-xs hover:bg-slate-50"
              >
                <span aria-label={p.severity} className={p.severity === "error" ? "text-red-600" : "text-amber-500"}>
                  {p.severity === "error" ? "●" : "▲"}
                </span>
                <span>
                  {p.message}
                  {p.nodeId && (
                    <span className="ml-1 text-slate-400">
                      — {kinds.has(p.nodeId) ? catalogue[kinds.get(p.nodeId)!].label : "node"} {p.nodeId}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
