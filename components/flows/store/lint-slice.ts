import type { StateCreator } from "zustand";
import { lintFlow, prepareContext, type LintContext } from "@/lib/flow";
import type { VariableOption } from "@/components/ui/VariableInput";
import { stableProblemsByNode } from "./document";
import type { CanvasEdge, CanvasNode, EditorState, LintSlice } from "./types";

export const createLintSlice =
  (init: {
    lintContext: LintContext;
    variableOptions: readonly VariableOption[];
    nodes: CanvasNode[];
    edges: CanvasEdge[];
    /** Start unlinted; `lintNow` (or the first edit) lints. Keeps lint off the first render's path. */
    deferLint?: boolean;
  }): StateCreator<EditorState, [], [], LintSlice> =>
  (set, get) => {
    const problems = init.deferLint ? [] : lintFlow({ nodes: init.nodes, edges: init.edges }, init.lintContext);
    const relint = (lintContext: LintContext) => {
      const s = get();
      const next = lintFlow({ nodes: s.nodes, edges: s.edges }, lintContext);
      set({
        // Every card reads flowContext: a new one for the same context re-rendered a thousand cards
        // when the first lint ran after the first paint.
        ...(lintContext === s.lintContext ? {} : { lintContext, flowContext: prepareContext(lintContext) }),
        problems: next,
        problemsByNode: stableProblemsByNode(s.problemsByNode, next),
        linted: true,
      });
    };
    return {
      lintContext: init.lintContext,
      flowContext: prepareContext(init.lintContext),
      variableOptions: init.variableOptions,
      problems,
      problemsByNode: stableProblemsByNode(new Map(), problems),
      linted: !init.deferLint,

      lintNow() {
        if (!get().linted) relint(get().lintContext);
      },

      addDestination(destination) {
        relint({
          ...get().lintContext,
          destinations: [...get().lintContext.destinations.filter((d) => d.id !== destination.id), destination],
        });
      },

      upsertFunction(fn) {
        const functions = get().lintContext.functions;
        const exists = functions.some((f) => f.name === fn.name);
        relint({
          ...get().lintContext,
          functions: exists ? functions.map((f) => (f.name === fn.name ? fn : f)) : [...functions, fn],
        });
      },
    };
  };
