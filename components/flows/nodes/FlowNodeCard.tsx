"use client";

import { memo, useEffect, useMemo, useRef } from "react";
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "@xyflow/react";
import { anyKind, type HandoffData } from "@/lib/flow";
import { useEditorStore } from "../store/context";
import type { CanvasNode } from "../store/types";
import { HandoffNodeBody } from "./HandoffNodeBody";
import { KIND_STYLE } from "./kind-style";

/**
 * Every node kind on the canvas: a header, the kind's key fields at a glance, one labelled
 * output handle per branch. Memoised and subscribed only to this node's problems and the
 * (rarely changing) lint context, so editing one node does not re-render the others.
 */
function FlowNodeCardImpl({ id, type, data, selected }: NodeProps<CanvasNode>) {
  const problems = useEditorStore((s) => s.problemsByNode.get(id));
  const ctx = useEditorStore((s) => s.flowContext);
  const def = anyKind(type);
  const handles = useMemo(() => def.outHandles(data), [def, data]);
  const summary = useMemo(() => (type === "handoff" ? "" : def.summary(data, ctx)), [def, type, data, ctx]);

  // New or removed branches move handles: tell xyflow to re-measure them (not on first render).
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = handles.map((h) => h.id).join("\u0000");
  const firstKey = useRef(handleKey);
  useEffect(() => {
    if (handleKey !== firstKey.current) updateNodeInternals(id);
  }, [handleKey, id, updateNodeInternals]);

  const errors = problems?.filter((p) => p.severity === "error").length ?? 0;
  const count = problems?.length ?? 0;
  const ring = errors > 0 ? "ring-2 ring-red-500" : count > 0 ? "ring-2 ring-amber-400" : selected ? "ring-2 ring-brand-500" : "";

  return (
    <div
      data-testid="flow-node"
      data-kind={type}
      data-problems={count}
      className={`relative w-60 rounded-lg border border-slate-300 border-t-4 bg-white shadow-sm ${KIND_STYLE[type].accent} ${ring} ${selected && count > 0 ? "outline outline-2 outline-offset-2 outline-brand-500" : ""}`}
    >
      {type !== "start" && <Handle type="target" position={Position.Top} className="!h-3 !w-3 !bg-slate-500" />}
      <div className="flex items-center justify-between px-3 pt-1.5">
        <span className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">{def.label}</span>
        {count > 0 && (
          <span
            data-testid="node-problem-count"
            title={problems!.map((p) => p.message).join("\n")}
            className={`rounded-full px-1.5 text-[11px] font-bold text-white ${errors > 0 ? "bg-red-600" : "bg-amber-500"}`}
          >
            {count}
          </span>
        )}
      </div>
      <div className="px-3 pb-2 pt-0.5">
        {type === "handoff" ? (
          <HandoffNodeBody data={data as HandoffData} ctx={ctx} />
        ) : (
          <p className="line-clamp-2 text-xs text-slate-700" data-testid="node-summary">{summary}</p>
        )}
      </div>
      {handles.length > 0 && (
        <div className="flex border-t border-slate-100">
          {handles.map((h) => (
            <div key={h.id} className="relative flex-1 px-1 pb-2 pt-1 text-center text-[10px] leading-tight text-slate-500">
              <span className="line-clamp-1">{h.label}</span>
              <Handle type="source" id={h.id} position={Position.Bottom} className="!h-3 !w-3 !bg-brand-600" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const FlowNodeCard = memo(FlowNodeCardImpl);
