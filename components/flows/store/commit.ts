import { lintFlow } from "@/lib/flow";
import { sameIds, sameProblems, selectedIds, stableProblemsByNode } from "./document";
import type { CanvasEdge, CanvasNode, EditorState, HistoryState } from "./types";

/** Typing in one field within this long after the last keystroke joins the same undo step. */
export const COALESCE_MS = 1000;
export const HISTORY_LIMIT = 200;

export interface ChangeOptions {
  /** Same key within COALESCE_MS of the previous change: no new undo step. */
  key?: string | null;
  /** Whether node data, kinds or edges changed (lint reruns); false for moves. */
  content?: boolean;
  /** Skip recording (the rest of a drag is part of the step recorded at its start). */
  record?: boolean;
  now: number;
}

export function pushHistory(
  history: HistoryState,
  before: { nodes: CanvasNode[]; edges: CanvasEdge[] },
  key: string | null,
  now: number,
): HistoryState {
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = [...history.past, { nodes: before.nodes, edges: before.edges }];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Lint and selection derived from new canvas arrays. */
export function derive(
  s: EditorState,
  nodes: CanvasNode[],
  edges: CanvasEdge[],
  content: boolean,
): Partial<EditorState> {
  const out: Partial<EditorState> = {};
  if (content) {
    const problems = lintFlow({ nodes, edges }, s.lintContext);
    // Unchanged problems keep their array, so the problems list does not re-render per keystroke.
    if (!sameProblems(s.problems, problems)) out.problems = problems;
    out.problemsByNode = stableProblemsByNode(s.problemsByNode, problems);
    if (!s.linted) out.linted = true;
  }
  const sn = selectedIds(nodes);
  const se = selectedIds(edges);
  if (!sameIds(sn, s.selectedNodeIds)) out.selectedNodeIds = sn;
  if (!sameIds(se, s.selectedEdgeIds)) out.selectedEdgeIds = se;
  return out;
}

/**
 * One change to the document: records the undo step (unless told not to), bumps the
 * document version (which drives autosave) and re-derives lint and selection.
 */
export function commitChange(
  s: EditorState,
  next: { nodes?: CanvasNode[]; edges?: CanvasEdge[] },
  opts: ChangeOptions,
): Partial<EditorState> {
  const nodes = next.nodes ?? s.nodes;
  const edges = next.edges ?? s.edges;
  const history = opts.record === false ? s.history : pushHistory(s.history, s, opts.key ?? null, opts.now);
  return {
    nodes,
    edges,
    history,
    docVersion: s.docVersion + 1,
    ...derive(s, nodes, edges, opts.content ?? true),
  };
}
