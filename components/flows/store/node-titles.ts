import { nodeTitle } from "@/lib/flow";
import type { CanvasNode, EditorState } from "./types";

// Titles by node data object: a drag copies nodes but keeps their data, so selectors that name
// nodes cost a map lookup per node on each frame, not a title computation.
let cached: { ctx: EditorState["flowContext"]; titles: WeakMap<object, string> } | null = null;

/** The node's title (lib/flow/titles.ts), memoised per data object and flow context. */
export function titleOf(node: CanvasNode, ctx: EditorState["flowContext"]): string {
  if (cached?.ctx !== ctx) cached = { ctx, titles: new WeakMap() };
  let title = cached.titles.get(node.data);
  if (title === undefined) cached.titles.set(node.data, (title = nodeTitle(node, ctx)));
  return title;
}

/**
 * Wraps a selector that names nodes so it reuses its last result while a drag is in progress:
 * titles cannot change mid-drag, and every frame of a drag is a store change.
 */
export function steadyWhileDragging<T>(selector: (s: EditorState) => T): (s: EditorState) => T {
  let last: { value: T } | null = null;
  return (s) => {
    if (last && s.dragInProgress) return last.value;
    last = { value: selector(s) };
    return last.value;
  };
}
