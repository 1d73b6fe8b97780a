"use client";

import { useState } from "react";
import { useReactFlow } from "@xyflow/react";
import type { Problem } from "@/lib/flow";
import { useEditorStore } from "@/components/flows/store/context";
import { steadyWhileDragging, titleOf } from "@/components/flows/store/node-titles";
import type { EditorState } from "@/components/flows/store/types";
import { SEVERITY_MARK } from "./severity";

const SEP = "\u0000";
/**
 * How many problems are listed before "Show all": a big imported flow can have hundreds, and
 * listing them all would add more DOM than the canvas's own nodes while it first renders.
 */
export const PROBLEMS_SHOWN = 100;
/**
 * The titles of the nodes with problems, in problem order, as one string: renaming a node
 * re-renders the list, but moving nodes (a new nodes array, same titles) does not.
 */
const problemTitles = steadyWhileDragging((s: EditorState): string => {
  if (s.problems.length === 0) return "";
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  return s.problems
    .map((p) => {
      const node = p.nodeId === undefined ? undefined : byId.get(p.nodeId);
      return node ? titleOf(node, s.flowContext) : "";
    })
    .join(SEP);
});

/** Every lint problem, naming its node by title (id as tooltip); clicking one selects the node and centres the view on it. */
export function ProblemsList() {
  const problems = useEditorStore((s) => s.problems);
  const linted = useEditorStore((s) => s.linted);
  const selectOnly = useEditorStore((s) => s.selectOnly);
  const titles = useEditorStore(problemTitles).split(SEP);
  const { fitView, getNode } = useReactFlow();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? problems : problems.slice(0, PROBLEMS_SHOWN);
  const errors = problems.filter((p) => p.severity === "error").length;
  const suggestions = problems.filter((p) => p.severity === "info").length;

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
          <span className="ml-1 normal-case text-slate-500">
            ({errors} errors, {problems.length - errors - suggestions} warnings
            {suggestions > 0 ? `, ${suggestions} suggestions` : ""})
          </span>
        )}
      </h2>
      {!linted ? (
        <p className="px-4 pb-3 text-sm text-slate-500" role="status">
          Checking the flow…
        </p>
      ) : problems.length === 0 ? (
        <p className="px-4 pb-3 text-sm text-slate-500">No problems.</p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto pb-2">
          {shown.map((p: Problem, i) => (
            <li key={p.id}>
              <button
                type="button"
                data-testid="problem"
                data-rule={p.rule}
                data-node={p.nodeId}
                onClick={() => show(p.nodeId)}
                className="flex w-full gap-2 px-4 py-1 text-left text-xs hover:bg-slate-50"
              >
                <span aria-label={SEVERITY_MARK[p.severity].label} className={SEVERITY_MARK[p.severity].className}>
                  {SEVERITY_MARK[p.severity].symbol}
                </span>
                <span>
                  {p.message}
                  {p.nodeId && (
                    <span className="ml-1 text-slate-500" title={`Node ${p.nodeId}`} data-testid="problem-node">
                      — {titles[i] || p.nodeId}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
          {shown.length < problems.length && (
            <li>
              <button
                type="button"
                onClick={() => setShowAll(true)}
                className="px-4 py-1 text-xs font-medium text-blue-700 hover:underline"
              >
                Show all {problems.length} problems
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
