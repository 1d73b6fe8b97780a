"use client";

import { createContext, useContext } from "react";

/** What the editor's right-hand side shows. View state only: never saved with the flow. */
export type SidePanel = { kind: "inspector" } | { kind: "simulator" } | { kind: "function"; name: string };

interface SidePanelApi {
  panel: SidePanel;
  open(panel: SidePanel): void;
  /** Function name → id, for opening a function's editor beside the canvas. */
  functionIds: Readonly<Record<string, string>>;
  /** The function editor takes the canvas's width (view state, reset when another panel opens). */
  expanded: boolean;
  setExpanded(expanded: boolean): void;
}

const SidePanelContext = createContext<SidePanelApi | null>(null);
export const SidePanelProvider = SidePanelContext.Provider;

export function useSidePanel(): SidePanelApi {
  const api = useContext(SidePanelContext);
  if (!api) throw new Error("useSidePanel must be used inside <SidePanelProvider>");
  return api;
}
