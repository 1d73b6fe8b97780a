"use client";

import { createContext, useContext } from "react";
import { can, type Permission } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/types";

/**
 * The signed-in member, for hiding what their role cannot do. Only a convenience: the server
 * checks every action and route again.
 */
const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: React.ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}

/** Whether the signed-in member may do this. Outside a provider (tests, bench pages) nothing is hidden. */
export function useCan(permission: Permission): boolean {
  const viewer = useContext(ViewerContext);
  return viewer === null || can(viewer.role, permission);
}
