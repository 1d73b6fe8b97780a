import type { NodeKind } from "@/lib/flow";

/** Accent colours per kind: the card's top border on the canvas and the palette swatch (an overview card is filled with a tint of it: flow-node.css). */
export const KIND_STYLE: Record<NodeKind, { border: string; swatch: string }> = {
  start: { border: "border-t-emerald-500", swatch: "bg-emerald-500" },
  say: { border: "border-t-blue-500", swatch: "bg-blue-500" },
  listen: { border: "border-t-violet-500", swatch: "bg-violet-500" },
  condition: { border: "border-t-amber-500", swatch: "bg-amber-500" },
  set: { border: "border-t-slate-500", swatch: "bg-slate-500" },
  function: { border: "border-t-cyan-600", swatch: "bg-cyan-600" },
  handoff: { border: "border-t-rose-500", swatch: "bg-rose-500" },
  goto_flow: { border: "border-t-indigo-500", swatch: "bg-indigo-500" },
  end: { border: "border-t-slate-800", swatch: "bg-slate-800" },
};
