import type { z } from "zod";
import type { FlowContext, NodeLintContext, Problem } from "./problems";
import type { TitleContext } from "./titles";

export interface OutHandle {
  /** The edge's sourceHandle: a branch/rule id, or a fixed name like `next`, `no_match`, `else`. */
  id: string;
  label: string;
  /**
   * A branch the node works without (a handoff's Failed): with no edge the node does something
   * sensible itself, so lint suggests connecting it (this text) instead of warning of a dead end.
   */
  suggestion?: string;
}

/** A field whose text may contain `$variables`, for the unknown-variable rule. */
export interface VariableText {
  path: string;
  label: string;
  text: string;
}

/**
 * Everything about one node kind except its React UI and runtime step, which live in their
 * own layers. Methods (not arrow properties) so a concrete definition is assignable to the
 * erased `AnyKindDefinition` used by generic code.
 */
export interface NodeKindDefinition<K extends string, D> {
  kind: K;
  label: string;
  description: string;
  dataSchema: z.ZodType<D>;
  defaults(): D;
  /** Empty for terminal kinds. */
  outHandles(data: D): OutHandle[];
  validate(data: D, ctx: NodeLintContext): Problem[];
  summary(data: D, ctx: FlowContext): string;
  /**
   * The title a node has until someone names it (`data.title` empty or absent, as in flows stored
   * before titles existed): the kind and what it is about, e.g. "Listen: billing, agent".
   */
  defaultTitle(data: D, ctx: TitleContext): string;
  variableTexts(data: D): VariableText[];
  /** Variables this node writes (they become known everywhere in the flow). */
  assignedVariables(data: D): string[];
}

export type AnyKindDefinition = NodeKindDefinition<string, unknown>;

export function defineKind<K extends string, D>(def: NodeKindDefinition<K, D>): NodeKindDefinition<K, D> {
  return def;
}

export function truncate(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

export const NEXT_HANDLE: OutHandle = { id: "next", label: "Next" };
