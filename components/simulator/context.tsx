"use client";

import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { SimulatorActions, SimulatorState, SimulatorStore } from "./store";

export const SimulatorContext = createContext<SimulatorStore | null>(null);

export function useSimulator<T>(select: (s: SimulatorState & SimulatorActions) => T): T {
  const store = useContext(SimulatorContext);
  if (!store) throw new Error("useSimulator needs a <SimulatorContext.Provider>");
  return useStore(store, select);
}
