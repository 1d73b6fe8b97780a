"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useReactFlow, useStoreApi, type FitViewOptions } from "@xyflow/react";
import { boundsOf, DEFAULT_NODE_SIZE, fitPadding } from "@/lib/flow";
import { useEditorStoreApi } from "@/components/flows/store/context";

/**
 * How the canvas is viewed, never saved with the flow: whether the minimap shows (a preference in
 * this browser's localStorage), and fit-view options that keep nodes out from under it.
 */

const MINIMAP_KEY = "switchboard.canvas.minimap";
/** xyflow's minimap (200 × 150) and its 15 px margin: the corner fit-view keeps free. */
export const MINIMAP_CORNER = { width: 230, height: 180 };
const FIT_MAX_ZOOM = 1;

interface CanvasView {
  miniMap: boolean;
  setMiniMap(show: boolean): void;
}

const Ctx = createContext<CanvasView>({ miniMap: true, setMiniMap: () => undefined });

export function CanvasViewProvider({ children }: { children: React.ReactNode }) {
  const [miniMap, setState] = useState(true);
  useEffect(() => {
    // Read after hydration: the server renders the default.
    try {
      if (window.localStorage.getItem(MINIMAP_KEY) === "hidden") setState(false);
    } catch {
      // storage disabled: the default stands
    }
  }, []);
  const setMiniMap = useCallback((show: boolean) => {
    setState(show);
    try {
      window.localStorage.setItem(MINIMAP_KEY, show ? "shown" : "hidden");
    } catch {
      // A preference that cannot be kept is not worth an error.
    }
  }, []);
  const value = useMemo(() => ({ miniMap, setMiniMap }), [miniMap, setMiniMap]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCanvasView(): CanvasView {
  return useContext(Ctx);
}

/**
 * Fit-view options for the flow as it is now (read when called, so dragging does not re-render
 * anything): padding that keeps the minimap's corner free when it shows.
 */
export function useFitOptions(): () => FitViewOptions {
  const { miniMap } = useCanvasView();
  const editor = useEditorStoreApi();
  const flow = useStoreApi();
  return useCallback(() => {
    const { width, height } = flow.getState();
    const nodes = editor.getState().nodes;
    if (nodes.length === 0 || width === 0 || height === 0) return { padding: 0.15, maxZoom: FIT_MAX_ZOOM };
    const bounds = boundsOf(
      nodes.map((n) => ({
        ...n.position,
        width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
        height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
      })),
    );
    const p = fitPadding(bounds, { width, height }, miniMap ? MINIMAP_CORNER : null);
    return {
      maxZoom: FIT_MAX_ZOOM,
      padding: { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` },
    };
  }, [miniMap, editor, flow]);
}

/** Fits the whole flow, animated, keeping clear of the minimap. */
export function useFitFlow(): () => void {
  const { fitView } = useReactFlow();
  const options = useFitOptions();
  return useCallback(() => void fitView({ ...options(), duration: 300 }), [fitView, options]);
}
