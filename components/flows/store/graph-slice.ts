import { addEdge, applyEdgeChanges, applyNodeChanges, reconnectEdge, type Connection } from "@xyflow/react";
import type { StateCreator } from "zustand";
import { anyKind, type NodeKind } from "@/lib/flow";
import { commitChange, derive } from "./commit";
import type { CanvasEdge, CanvasNode, EditorDeps, EditorState, GraphSlice } from "./types";

type Init = Pick<GraphSlice, "name" | "nodes" | "edges">;

function deselected<T extends { selected?: boolean }>(items: T[]): T[] {
  return items.map((i) => (i.selected ? { ...i, selected: false } : i));
}

/** Edges leaving a node from handles it no longer has (a deleted branch) go with the branch. */
function pruneEdgesOf(node: CanvasNode, edges: CanvasEdge[]): CanvasEdge[] {
  const handles = new Set(
    anyKind(node.type)
      .outHandles(node.data)
      .map((h) => h.id),
  );
  const kept = edges.filter((e) => e.source !== node.id || handles.has(e.sourceHandle));
  return kept.length === edges.length ? edges : kept;
}

export const createGraphSlice =
  (init: Init, deps: EditorDeps): StateCreator<EditorState, [], [], GraphSlice> =>
  (set, get) => ({
    ...init,
    docVersion: 0,
    dragInProgress: false,

    onNodesChange(changes) {
      const s = get();
      let model = false;
      let content = false;
      let dragging = false;
      let dragEnded = false;
      for (const c of changes) {
        if (c.type === "position") {
          model = true;
          if (c.dragging) dragging = true;
          else if (c.dragging === false) dragEnded = true;
        } else if (c.type === "remove" || c.type === "add" || c.type === "replace") {
          model = true;
          content = true;
        }
      }
      const nodes = applyNodeChanges(changes, s.nodes);
      if (!model) return set({ nodes, ...derive(s, nodes, s.edges, false) });
      if (content) return set(commitChange(s, { nodes }, { now: deps.now() }));
      // A drag is one undo step: recorded when it starts, the rest of it only moves nodes.
      if (dragging)
        return set({
          ...commitChange(s, { nodes }, { content: false, record: !s.dragInProgress, now: deps.now() }),
          dragInProgress: true,
        });
      if (dragEnded && s.dragInProgress)
        return set({
          ...commitChange(s, { nodes }, { content: false, record: false, now: deps.now() }),
          dragInProgress: false,
        });
      set(commitChange(s, { nodes }, { content: false, key: "nudge", now: deps.now() }));
    },

    onEdgesChange(changes) {
      const s = get();
      const edges = applyEdgeChanges(changes, s.edges);
      const model = changes.some((c) => c.type !== "select");
      set(model ? commitChange(s, { edges }, { now: deps.now() }) : { edges, ...derive(s, s.nodes, edges, false) });
    },

    connect(connection: Connection) {
      const { source, target, sourceHandle } = connection;
      if (!source || !target || !sourceHandle) return;
      const s = get();
      // One edge per branch: connecting a branch again moves its edge (lint would flag two).
      const others = s.edges.filter((e) => !(e.source === source && e.sourceHandle === sourceHandle));
      const id = deps.ids.edge(new Set(s.edges.map((e) => e.id)));
      const edges = addEdge<CanvasEdge>({ id, source, sourceHandle, target }, others);
      set(commitChange(s, { edges }, { now: deps.now() }));
    },

    reconnect(oldEdge, connection) {
      const { source, target, sourceHandle } = connection;
      if (!source || !target || !sourceHandle) return;
      const s = get();
      const others = s.edges.filter(
        (e) => e.id === oldEdge.id || !(e.source === source && e.sourceHandle === sourceHandle),
      );
      const edges = reconnectEdge<CanvasEdge>(oldEdge, connection, others, { shouldReplaceId: false }).map((e) =>
        e.id === oldEdge.id ? { id: e.id, source, sourceHandle, target, selected: e.selected } : e,
      );
      set(commitChange(s, { edges }, { now: deps.now() }));
    },

    addNode(kind: NodeKind, position, from) {
      const s = get();
      const id = deps.ids.node(kind, new Set(s.nodes.map((n) => n.id)));
      const node = {
        id,
        type: kind,
        position: { x: position.x, y: position.y },
        data: anyKind(kind).defaults(),
        selected: true,
      } as CanvasNode;
      let edges = deselected(s.edges);
      const source = from === undefined || kind === "start" ? undefined : s.nodes.find((n) => n.id === from);
      if (source) {
        const used = new Set(s.edges.filter((e) => e.source === source.id).map((e) => e.sourceHandle));
        const handle = anyKind(source.type)
          .outHandles(source.data)
          .find((h) => !used.has(h.id));
        if (handle) {
          const edgeId = deps.ids.edge(new Set(s.edges.map((e) => e.id)));
          edges = [...edges, { id: edgeId, source: source.id, sourceHandle: handle.id, target: id }];
        }
      }
      set(commitChange(s, { nodes: [...deselected(s.nodes), node], edges }, { now: deps.now() }));
      return id;
    },

    addConnectedNode(from, kind, data) {
      const s = get();
      const source = s.nodes.find((n) => n.id === from.nodeId);
      if (!source) return null;
      const id = deps.ids.node(kind, new Set(s.nodes.map((n) => n.id)));
      const node = {
        id,
        type: kind,
        position: { x: source.position.x, y: source.position.y + 160 },
        data: { ...(anyKind(kind).defaults() as object), ...data },
        selected: true,
      } as CanvasNode;
      // One edge per branch, as connect() keeps it.
      const others = s.edges.filter((e) => !(e.source === from.nodeId && e.sourceHandle === from.handle));
      const edge: CanvasEdge = {
        id: deps.ids.edge(new Set(s.edges.map((e) => e.id))),
        source: from.nodeId,
        sourceHandle: from.handle,
        target: id,
      };
      set(
        commitChange(
          s,
          { nodes: [...deselected(s.nodes), node], edges: [...deselected(others), edge] },
          { now: deps.now() },
        ),
      );
      return id;
    },

    updateNodeData(id, patch, coalesceKey) {
      const s = get();
      let changed: CanvasNode | null = null;
      const nodes = s.nodes.map((n) => {
        if (n.id !== id) return n;
        changed = { ...n, data: { ...n.data, ...patch } } as CanvasNode;
        return changed;
      });
      if (!changed) return;
      const edges = pruneEdgesOf(changed, s.edges);
      const key = coalesceKey === undefined ? null : `data:${id}:${coalesceKey}`;
      set(commitChange(s, { nodes, edges }, { key, now: deps.now() }));
    },

    deleteSelection() {
      const s = get();
      const gone = new Set(s.selectedNodeIds);
      if (gone.size === 0 && s.selectedEdgeIds.length === 0) return;
      const nodes = s.nodes.filter((n) => !gone.has(n.id));
      const edges = s.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
      set(commitChange(s, { nodes, edges }, { now: deps.now() }));
    },

    replaceContent(content) {
      const s = get();
      set(
        commitChange(
          s,
          { nodes: content.nodes.map((n) => ({ ...n })), edges: content.edges.map((e) => ({ ...e })) },
          { now: deps.now() },
        ),
      );
    },

    applyPositions(positions) {
      const s = get();
      const nodes = s.nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n));
      set(commitChange(s, { nodes }, { content: false, now: deps.now() }));
    },
  });
