import { createStore } from "zustand/vanilla";
import { createIdGenerator, type Flow, type LintContext } from "@/lib/flow";
import type { VariableOption } from "@/components/ui/VariableInput";
import { createGraphSlice } from "./graph-slice";
import { createHistorySlice } from "./history-slice";
import { createLintSlice } from "./lint-slice";
import { createSaveSlice } from "./save-slice";
import { createSelectionSlice } from "./selection-slice";
import type { CanvasEdge, CanvasNode, EditorDeps, EditorState } from "./types";

export interface EditorStoreOptions {
  flow: Flow;
  lintContext: LintContext;
  variableOptions?: readonly VariableOption[];
  /** Injected in tests for reproducible ids and coalescing. */
  deps?: Partial<EditorDeps>;
  /** Lint after the first paint (`lintNow`) instead of while creating the store. */
  deferLint?: boolean;
}

/** One store per editor instance (see context.tsx), so two editors or tests never share state. */
export function createFlowEditorStore({
  flow,
  lintContext,
  variableOptions = [],
  deps: given = {},
  deferLint = false,
}: EditorStoreOptions) {
  const deps: EditorDeps = { ids: given.ids ?? createIdGenerator(), now: given.now ?? (() => Date.now()) };
  const nodes = flow.nodes.map((n) => ({ ...n })) as CanvasNode[];
  const edges = flow.edges.map((e) => ({ ...e })) as CanvasEdge[];
  return createStore<EditorState>()((...a) => ({
    ...createGraphSlice({ name: flow.name, nodes, edges }, deps)(...a),
    ...createHistorySlice(...a),
    ...createSelectionSlice(deps)(...a),
    ...createLintSlice({ lintContext, variableOptions, nodes, edges, deferLint })(...a),
    ...createSaveSlice(flow.revision, deps)(...a),
  }));
}

export type FlowEditorStore = ReturnType<typeof createFlowEditorStore>;
