"use client";

import { SEVERITY_MARK } from "@/components/flows/problems/severity";
import { useCallback } from "react";
import { catalogue, defaultTitle, MAX_TITLE, type FlowNode, type NodeDataOf, type NodeKind } from "@/lib/flow";
import { useEditorStore } from "@/components/flows/store/context";
import { Connections } from "./Connections";
import { TextField, type InspectorProps } from "./fields";
import { ConditionInspector } from "./condition";
import { EndInspector } from "./end";
import { FunctionInspector } from "./function";
import { GotoFlowInspector } from "./goto-flow";
import { HandoffInspector } from "./handoff";
import { ListenInspector } from "./listen";
import { SayInspector } from "./say";
import { SetInspector } from "./set";
import { StartInspector } from "./start";

const INSPECTORS: { [K in NodeKind]: (props: InspectorProps<K>) => React.ReactNode } = {
  start: StartInspector,
  say: SayInspector,
  listen: ListenInspector,
  condition: ConditionInspector,
  set: SetInspector,
  function: FunctionInspector,
  handoff: HandoffInspector,
  goto_flow: GotoFlowInspector,
  end: EndInspector,
};

/** Edits the one selected node; selects its type and data only, so dragging it does not re-render the form. */
export function Inspector() {
  const selectedId = useEditorStore((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0]! : null));
  const count = useEditorStore((s) => s.selectedNodeIds.length);
  const type = useEditorStore((s) => (selectedId ? s.nodes.find((n) => n.id === selectedId)?.type : undefined));
  const data = useEditorStore((s) => (selectedId ? s.nodes.find((n) => n.id === selectedId)?.data : undefined));
  const problems = useEditorStore((s) => (selectedId ? s.problemsByNode.get(selectedId) : undefined));
  const flowContext = useEditorStore((s) => s.flowContext);
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const update = useCallback(
    (patch: Record<string, unknown>, key?: string) => selectedId && updateNodeData(selectedId, patch, key),
    [selectedId, updateNodeData],
  );

  if (!selectedId || !type || !data) {
    return (
      <p className="p-4 text-sm text-slate-500" data-testid="inspector-empty">
        {count > 1
          ? `${count} nodes selected. Select one node to edit it.`
          : "Select a node to edit it, or add one from the palette."}
      </p>
    );
  }
  const Kind = INSPECTORS[type] as (props: InspectorProps<NodeKind>) => React.ReactNode;
  const fallback = defaultTitle({ type, data } as FlowNode, flowContext);
  const title = (data as { title?: string }).title ?? "";
  return (
    <section aria-label="Inspector" data-testid="inspector" className="space-y-3 p-4">
      <header>
        {/* The id only as a tooltip: people name nodes by title (docs/design.md §2). */}
        <h2 className="text-base font-semibold" title={`${catalogue[type].label} node ${selectedId}`}>
          {catalogue[type].label}
        </h2>
        <p className="text-xs text-slate-500">{catalogue[type].description}</p>
      </header>
      <TextField
        key={`${selectedId}-title`}
        id={`${selectedId}-title`}
        label="Title"
        value={title}
        maxLength={MAX_TITLE}
        placeholder={fallback}
        hint={title.trim() ? undefined : "Leave empty to use the name shown, made from what the node does."}
        onChange={(t) => update({ title: t }, "title")}
      />
      {problems && problems.length > 0 && (
        <ul className="space-y-1 text-xs" data-testid="inspector-problems">
          {problems.map((p) => (
            <li key={p.id} className={SEVERITY_MARK[p.severity].className} data-severity={p.severity}>
              {SEVERITY_MARK[p.severity].symbol} {p.message}
            </li>
          ))}
        </ul>
      )}
      <Kind key={selectedId} nodeId={selectedId} data={data as NodeDataOf<NodeKind>} update={update} />
      <Connections nodeId={selectedId} type={type} data={data as NodeDataOf<NodeKind>} />
    </section>
  );
}
