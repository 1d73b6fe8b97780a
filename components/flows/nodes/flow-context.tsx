"use client";

import { createContext, useContext } from "react";
import { prepareContext, EMPTY_CONTEXT, type FlowContext } from "@/lib/flow";
import { useEditorStore } from "@/components/flows/store/context";

/**
 * The indexed lint context (destinations by id, the default) for node summaries, through React
 * context rather than one store subscription per node: it changes only when a destination is
 * added from the inspector.
 */
const Ctx = createContext<FlowContext>(prepareContext(EMPTY_CONTEXT));

export function FlowContextProvider({ children }: { children: React.ReactNode }) {
  const flowContext = useEditorStore((s) => s.flowContext);
  return <Ctx.Provider value={flowContext}>{children}</Ctx.Provider>;
}

export function useFlowContext(): FlowContext {
  return useContext(Ctx);
}
