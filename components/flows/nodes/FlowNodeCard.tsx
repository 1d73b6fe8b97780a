"use client";

import "./flow-node.css";
import { memo, useMemo } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { anyKind, customTitle, isBadgeProblem, type HandoffData } from "@/lib/flow";
import { truncate } from "@/lib/flow/kind";
import { useNodeProblems } from "@/components/flows/store/node-problems";
import { useFlowContext } from "./flow-context";
import { useLowDetail } from "@/components/flows/canvas/card-detail";
import type { CanvasNode } from "@/components/flows/store/types";
import { HandoffNodeBody } from "./HandoffNodeBody";
import { KIND_STYLE } from "./kind-style";
import { sameCard } from "./same-card";

/**
 * Every node kind on the canvas: a header, the kind's key fields at a glance, one labelled
 * output handle per branch (labelled when there is more than one). Memoised on what it draws
 * (same-card.ts) and otherwise woken only by changes to this node's problems (store/node-problems.ts); the lint context (destination names,
 * rarely changing) comes through React context. Editing one node does not re-render the others. Handles are re-measured when
 * branches change by canvas/useRemeasureChangedHandles.
 * Kept to the card and its handles (the kind label is a ::before, the summary a text node; see
 * flow-node.css), so a 1,000-node flow costs little more DOM than xyflow's default nodes.
 */
function FlowNodeCardImpl({ id, type, data, selected }: NodeProps<CanvasNode>) {
  const allProblems = useNodeProblems(id);
  // Suggestions (a handoff without a Failed branch) stay off the badge: Problems lists them.
  const problems = useMemo(() => allProblems?.filter(isBadgeProblem), [allProblems]);
  const ctx = useFlowContext();
  const low = useLowDetail();
  const def = anyKind(type);
  const handles = useMemo(() => def.outHandles(data), [def, data]);
  const summary = useMemo(() => (low || type === "handoff" ? "" : def.summary(data, ctx)), [low, def, type, data, ctx]);
  const custom = customTitle({ data } as CanvasNode);
  const title = useMemo(() => custom || def.defaultTitle(data, ctx), [custom, def, data, ctx]);

  const count = problems?.length ?? 0;
  const errors = count > 0 && problems!.some((p) => p.severity === "error");
  const state = `${errors ? " sb-error" : count > 0 ? " sb-warning" : ""}${selected ? " sb-selected" : ""}${handles.length === 0 ? " sb-terminal" : ""}`;

  if (low) {
    // Overview: the frame only; the node declares its handles (canvas/card-detail.tsx). The title on hover.
    return (
      <div
        data-testid="flow-node"
        data-kind={type}
        data-problems={count}
        data-detail="overview"
        title={title}
        className={`sb-node sb-overview ${KIND_STYLE[type].border}${state}`}
      />
    );
  }

  return (
    <div
      data-testid="flow-node"
      data-kind={type}
      data-problems={count}
      data-label={custom ? def.label : undefined}
      className={`sb-node ${KIND_STYLE[type].border}${state}`}
    >
      <div className="sb-node-title" data-testid="node-title">
        {title}
      </div>
      {type !== "start" && <Handle type="target" position={Position.Top} className="sb-handle" />}
      {count > 0 && (
        <span
          data-testid="node-problem-count"
          title={problems!.map((p) => p.message).join("\n")}
          className={`sb-node-count ${errors ? "bg-red-600" : "bg-amber-500"}`}
        >
          {count}
        </span>
      )}
      {type === "handoff" ? <HandoffNodeBody data={data as HandoffData} ctx={ctx} /> : summary}
      {handles.map((h, i) => (
        <Handle
          key={h.id}
          type="source"
          id={h.id}
          position={Position.Bottom}
          className="sb-handle"
          data-label={handles.length > 1 || h.suggestion !== undefined ? truncate(h.label, 14) : undefined}
          style={{ left: `${((i + 0.5) / handles.length) * 100}%` }}
        />
      ))}
    </div>
  );
}

export const FlowNodeCard = memo(FlowNodeCardImpl, sameCard);
