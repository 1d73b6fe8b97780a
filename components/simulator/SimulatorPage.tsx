"use client";

import { useCallback, useState } from "react";
import { anyKind, nodeTitle, prepareContext } from "@/lib/flow";
import { SimulatorPanel, type CallProgress, type SimulatorProps } from "./SimulatorPanel";

/** The simulator on its own page: the panel beside the path the call has taken. */
export function SimulatorPage(props: Omit<SimulatorProps, "onProgress"> & { flowName: string }) {
  const [progress, setProgress] = useState<CallProgress>({
    currentNodeId: null,
    path: [],
    pathFlows: [],
    currentFlow: null,
  });
  const onProgress = useCallback((p: CallProgress) => setProgress(p), []);
  const entry = props.agent.flow.name || props.flowName;
  // Nodes by flow: a call may go to other flows of the agent (Go to flow).
  const flows = new Map(
    [...(props.agent.flows ?? []), { name: entry, flow: props.agent.flow }].map((f) => [
      f.name,
      new Map(f.flow.nodes.map((n) => [n.id, n])),
    ]),
  );
  const ctx = prepareContext({
    destinations: [...props.agent.destinations],
    functions: [...props.agent.functions],
    variables: [],
  });
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_18rem] gap-4">
      <SimulatorPanel {...props} onProgress={onProgress} />
      <aside className="min-h-0 overflow-y-auto rounded-md border border-slate-200 bg-white p-3" aria-label="Path">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Path from {props.flowName}
        </h2>
        {progress.path.length === 0 ? (
          <p className="text-xs text-slate-500">Start a call to trace its path.</p>
        ) : (
          <ol className="space-y-1 text-xs" data-testid="call-path">
            {progress.path.map((id, i) => {
              const flow = progress.pathFlows[i] ?? entry;
              const node = flows.get(flow)?.get(id);
              const current = i === progress.path.length - 1 && id === progress.currentNodeId;
              const changed = i > 0 && flow !== (progress.pathFlows[i - 1] ?? entry);
              return [
                changed && (
                  <li
                    key={`${i}-flow`}
                    data-testid="call-path-flow"
                    className="pt-1 text-[11px] font-semibold uppercase tracking-wide text-indigo-700"
                  >
                    → flow {flow}
                  </li>
                ),
                <li
                  key={i}
                  data-node-id={id}
                  data-flow={flow}
                  title={`Node ${id}`}
                  aria-current={current ? "step" : undefined}
                  className={`rounded px-2 py-1 ${current ? "bg-brand-50 ring-1 ring-brand-500" : "bg-slate-50"}`}
                >
                  <span className="font-medium" data-testid="call-path-title">
                    {node ? nodeTitle(node, ctx) : id}
                  </span>
                  {node && (
                    <div className="truncate text-slate-600">{anyKind(node.type).summary(node.data as never, ctx)}</div>
                  )}
                </li>,
              ];
            })}
          </ol>
        )}
      </aside>
    </div>
  );
}
