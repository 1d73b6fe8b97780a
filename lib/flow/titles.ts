import { anyKind } from "./catalogue";
import type { FlowNode } from "./types";

/**
 * Node titles (docs/design.md §2). Every node may carry `data.title`; empty or absent (flows stored
 * before titles existed) means the kind's default title, derived from the node's content. Every
 * place that names a node to a person (canvas, Problems, simulator, Review, logs, usages) goes
 * through `nodeTitle`, and ids are shown only as tooltips.
 */

export { MAX_TITLE } from "./fields";

/** What a default title may need to know: destination names, for handoff nodes. */
export interface TitleContext {
  destinationsById: ReadonlyMap<string, { name: string }>;
  defaultDestination: { name: string } | null;
}

export const NO_TITLE_CONTEXT: TitleContext = { destinationsById: new Map(), defaultDestination: null };

export function titleContextOf(
  destinations: readonly { id: string; name: string; isDefault: boolean }[],
): TitleContext {
  return {
    destinationsById: new Map(destinations.map((d) => [d.id, d])),
    defaultDestination: destinations.find((d) => d.isDefault) ?? null,
  };
}

/** The name someone gave the node, or "" when it has none. */
export function customTitle(node: Pick<FlowNode, "data">): string {
  const title = (node.data as { title?: unknown }).title;
  return typeof title === "string" ? title.trim() : "";
}

export function defaultTitle(node: Pick<FlowNode, "type" | "data">, ctx: TitleContext): string {
  return anyKind(node.type).defaultTitle(node.data, ctx);
}

export function nodeTitle(node: Pick<FlowNode, "type" | "data">, ctx: TitleContext): string {
  return customTitle(node) || defaultTitle(node, ctx);
}

/** The label of one of the node's out handles (a branch's label, "No match", "Else"), or the id if it has none. */
export function handleLabel(node: Pick<FlowNode, "type" | "data">, handleId: string): string {
  return (
    anyKind(node.type)
      .outHandles(node.data)
      .find((h) => h.id === handleId)?.label ?? handleId
  );
}

/** Titles of the given nodes (all when `ids` is absent), keyed by id; unknown ids are left out. */
export function nodeTitles(
  nodes: readonly FlowNode[],
  ctx: TitleContext,
  ids?: Iterable<string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (ids === undefined) {
    for (const n of nodes) out[n.id] = nodeTitle(n, ctx);
    return out;
  }
  const wanted = new Set(ids);
  for (const n of nodes) if (wanted.has(n.id)) out[n.id] = nodeTitle(n, ctx);
  return out;
}
