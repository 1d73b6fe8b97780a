import { createIdGenerator, sequentialTokens, type Flow, type LintContext } from "@/lib/flow";
import { createFlowEditorStore } from "@/components/flows/store/create-editor-store";

/** A store with reproducible ids and a hand-driven clock, for the slice tests. */
export function testStore(
  flow: Partial<Flow> = {},
  lintContext: LintContext = { destinations: [], functions: [], variables: [] },
) {
  const clock = { t: 10_000 };
  const store = createFlowEditorStore({
    flow: { id: "flow_1", name: "Test", revision: 1, nodes: [], edges: [], ...flow },
    lintContext,
    deps: { ids: createIdGenerator(sequentialTokens()), now: () => clock.t },
  });
  return { store, clock, s: () => store.getState() };
}
