import type { AnyKindDefinition, NodeKindDefinition } from "./kind";
import { conditionKind } from "./kinds/condition/definition";
import { endKind } from "./kinds/end/definition";
import { functionKind } from "./kinds/function/definition";
import { gotoFlowKind } from "./kinds/goto_flow/definition";
import { handoffKind } from "./kinds/handoff/definition";
import { listenKind } from "./kinds/listen/definition";
import { sayKind } from "./kinds/say/definition";
import { setKind } from "./kinds/set/definition";
import { startKind } from "./kinds/start/definition";

/**
 * Every node kind, keyed by its `type`. NodeKind, the node data types and the FlowNode union
 * are all derived from this record. Adding a kind starts with a folder and one entry here; the
 * full list of places it touches is in ARCHITECTURE.md ("Adding a flow node kind").
 * Order is the palette order.
 */
export const catalogue = {
  start: startKind,
  say: sayKind,
  listen: listenKind,
  condition: conditionKind,
  set: setKind,
  function: functionKind,
  handoff: handoffKind,
  goto_flow: gotoFlowKind,
  end: endKind,
} as const;

type Catalogue = typeof catalogue;
export type NodeKind = keyof Catalogue;
export type NodeDataOf<K extends NodeKind> = Catalogue[K] extends NodeKindDefinition<K, infer D> ? D : never;

export const NODE_KINDS = Object.keys(catalogue) as NodeKind[];

export function isNodeKind(value: string): value is NodeKind {
  return Object.prototype.hasOwnProperty.call(catalogue, value);
}

/** Type-safe access for one kind: `kindOf("listen").outHandles(data)`. */
export function kindOf<K extends NodeKind>(kind: K): NodeKindDefinition<K, NodeDataOf<K>> {
  return catalogue[kind] as unknown as NodeKindDefinition<K, NodeDataOf<K>>;
}

/** Erased access for generic code that only has a FlowNode of some kind. */
export function anyKind(kind: NodeKind): AnyKindDefinition {
  return catalogue[kind] as AnyKindDefinition;
}
