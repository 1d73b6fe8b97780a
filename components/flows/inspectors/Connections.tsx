"use client";

import { useMemo } from "react";
import { anyKind, type NodeDataOf, type NodeKind } from "@/lib/flow";
import { inputClass } from "@/components/ui/FieldMessages";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import { steadyWhileDragging, titleOf } from "@/components/flows/store/node-titles";
import type { EditorState } from "@/components/flows/store/types";

const SEP = "\u0000";
const PAIR = "\u0001";

/** `handle→target` for this node's edges, as one string so the selector is stable while nodes move. */
const wiringOf = (nodeId: string) => (s: EditorState) =>
  s.edges
    .filter((e) => e.source === nodeId)
    .map((e) => `${e.sourceHandle}${PAIR}${e.target}`)
    .join(SEP);

/** Every node this one could lead to (itself too: a retry loop; not Start, which nothing enters), by title. */
const targets = steadyWhileDragging((s: EditorState) =>
  s.nodes
    .filter((n) => n.type !== "start")
    .map((n) => `${n.id}${PAIR}${titleOf(n, s.flowContext)}`)
    .join(SEP),
);

function pairs(key: string): [string, string][] {
  return key === "" ? [] : key.split(SEP).map((p) => p.split(PAIR) as [string, string]);
}

/**
 * "Connect to…" for each of the node's out handles: the keyboard's way to wire a flow (and a quick
 * one with the mouse on a big canvas). Choosing a node moves the handle's edge there; "Not
 * connected" removes it. Nodes are listed by title; a title shared by several nodes shows the id.
 */
export function Connections<K extends NodeKind>({
  nodeId,
  type,
  data,
}: {
  nodeId: string;
  type: K;
  data: NodeDataOf<K>;
}) {
  const handles = useMemo(() => anyKind(type).outHandles(data), [type, data]);
  const wiring = useEditorStore(useMemo(() => wiringOf(nodeId), [nodeId]));
  const targetsKey = useEditorStore(targets);
  const connect = useEditorStore((s) => s.connect);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const store = useEditorStoreApi();

  const options = useMemo(() => {
    const list = pairs(targetsKey).map(([id, title]) => ({ id, title }));
    const count = new Map<string, number>();
    for (const t of list) count.set(t.title, (count.get(t.title) ?? 0) + 1);
    return list
      .map((t) => ({ id: t.id, label: (count.get(t.title) ?? 0) > 1 ? `${t.title} · ${t.id}` : t.title }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [targetsKey]);
  const targetOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const [handle, target] of pairs(wiring)) if (!map.has(handle)) map.set(handle, target);
    return map;
  }, [wiring]);

  if (handles.length === 0) return null;
  return (
    <fieldset className="space-y-2 border-t border-slate-200 pt-3" data-testid="connections">
      <legend className="text-sm font-medium">Connections</legend>
      {handles.map((h) => {
        const id = `${nodeId}-connect-${h.id}`;
        return (
          <div key={h.id} className="grid grid-cols-[minmax(0,6rem)_1fr] items-center gap-2">
            <label htmlFor={id} className="truncate text-xs text-slate-700" title={h.label}>
              {h.label}
            </label>
            <select
              id={id}
              aria-label={`Connect “${h.label}” to…`}
              value={targetOf.get(h.id) ?? ""}
              className={inputClass}
              onChange={(e) => {
                const target = e.target.value;
                if (target) connect({ source: nodeId, sourceHandle: h.id, target, targetHandle: null });
                else
                  onEdgesChange(
                    store
                      .getState()
                      .edges.filter((x) => x.source === nodeId && x.sourceHandle === h.id)
                      .map((x) => ({ type: "remove" as const, id: x.id })),
                  );
              }}
            >
              <option value="">Not connected</option>
              {options.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
