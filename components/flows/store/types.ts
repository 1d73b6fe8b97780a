import type { Edge, Node } from "@xyflow/react";
import type {
  Flow,
  FlowContext,
  FlowEdge,
  FlowNode,
  IdGenerator,
  LintContext,
  NodeKind,
  Position,
  Problem,
} from "@/lib/flow";
import type { VariableOption } from "@/components/ui/VariableInput";

/**
 * A flow node as the canvas holds it: the model fields (FlowNode) plus the view-only fields
 * @xyflow/react adds. The view-only fields are stripped by `toDocument` before saving.
 */
export type CanvasNode = FlowNode &
  Partial<Pick<Node, "selected" | "dragging" | "measured" | "width" | "height" | "resizing" | "zIndex">>;
export type CanvasEdge = FlowEdge & Partial<Pick<Edge, "selected" | "animated">>;

/** What undo/redo restores: the canvas arrays as they were (objects are never mutated, so sharing is free). */
export interface Snapshot {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export interface GraphSlice {
  name: string;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Bumped on every change to the saved document (never for selection, hover or measuring). */
  docVersion: number;
  dragInProgress: boolean;
  onNodesChange(changes: import("@xyflow/react").NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: import("@xyflow/react").EdgeChange<CanvasEdge>[]): void;
  connect(connection: import("@xyflow/react").Connection): void;
  reconnect(oldEdge: CanvasEdge, connection: import("@xyflow/react").Connection): void;
  /**
   * Adds a selected node of `kind`. With `from`, also connects the first of that node's out
   * handles that has no edge yet to the new node (one undo step for both).
   */
  addNode(kind: NodeKind, position: Position, from?: string): string;
  /**
   * Adds a node below `from` with `data` over the kind's defaults, connected from its `handle`, as one
   * undoable change, and selects it (the handoff inspector's Add fallback). Returns its id.
   */
  addConnectedNode(
    from: { nodeId: string; handle: string },
    kind: NodeKind,
    data: Record<string, unknown>,
  ): string | null;
  /** Merges `patch` into the node's data; edits with the same `coalesceKey` in a burst are one undo step. */
  updateNodeData(id: string, patch: Record<string, unknown>, coalesceKey?: string): void;
  deleteSelection(): void;
  /** Replaces the canvas content (import, "Reload theirs") as one undoable change. */
  replaceContent(content: { nodes: FlowNode[]; edges: FlowEdge[] }): void;
  applyPositions(positions: Readonly<Record<string, Position>>): void;
}

export interface HistoryState {
  past: Snapshot[];
  future: Snapshot[];
  /** The coalesce key and time of the last recorded change, for merging typing bursts. */
  lastKey: string | null;
  lastAt: number;
}

export interface HistorySlice {
  history: HistoryState;
  undo(): void;
  redo(): void;
}

export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  clipboard: Snapshot | null;
  pasteCount: number;
  /** Selects exactly this node (problems list, inspector links). */
  selectOnly(nodeId: string): void;
  clearSelection(): void;
  copySelection(): void;
  paste(): void;
}

export interface LintSlice {
  lintContext: LintContext;
  /** Indexed lint context for node summaries (destination names, methods). */
  flowContext: FlowContext;
  variableOptions: readonly VariableOption[];
  problems: Problem[];
  /** Arrays are reused when a node's problems did not change, so node components skip re-rendering. */
  problemsByNode: ReadonlyMap<string, Problem[]>;
  /** False until the first lint: the editor lints just after its first paint (see FlowEditor). */
  linted: boolean;
  /** Lints now if the flow has not been linted yet. */
  lintNow(): void;
  /** E.g. after "New destination…" in the inspector. */
  addDestination(destination: LintContext["destinations"][number]): void;
  /** After a function is edited beside the canvas: lint and override badges see the new code. */
  upsertFunction(fn: LintContext["functions"][number]): void;
}

export type SaveStatus = "saved" | "saving" | "unsaved" | "error" | "stale";

export interface SaveSlice {
  save: {
    /** The revision the next save is based on. */
    revision: number;
    savedVersion: number;
    inFlight: boolean;
    savedAt: string | null;
    error: string | null;
    /** Set when the server refused a save as stale; autosave pauses until resolved. */
    theirs: Flow | null;
  };
  saveStarted(): void;
  saveSucceeded(version: number, revision: number, savedAt: string): void;
  saveFailed(message: string): void;
  saveConflict(theirs: Flow): void;
  /**
   * The editor opened with an older revision than the server has (a cached page, or a reload
   * that raced its own save): the saved flow becomes the canvas, as if just opened.
   */
  loadSaved(flow: Pick<Flow, "name" | "nodes" | "edges" | "revision"> & { savedAt: string }): void;
  /** "Reload theirs": their version replaces the canvas (undoable) and becomes the base. */
  reloadTheirs(): void;
}

export type EditorState = GraphSlice & HistorySlice & SelectionSlice & LintSlice & SaveSlice;

export interface EditorDeps {
  ids: IdGenerator;
  now: () => number;
}
