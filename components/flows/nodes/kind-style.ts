import type { NodeKind } from "@/lib/flow";

/** Accent colours per kind: the header stripe on the canvas and the palette swatch. */
export const KIND_STYLE: Record<NodeKind, { accent: string; swatch: string }> = {
  start: { accent: "border-t-emerald-500", swatch: "bg-emerald-500" },
  say: { accent: "border-t-blue-500", swatch: "bg-blue-500" },
  listen: { accent: "border-t-violet-500", swatch: "bg-violet-500" },
  condition: { accent: "border-t-amber-500", swatch: "bg-amber-500" },
  set: { accent: "border-t-slate-500", swatch: "bg-slate-500" },
  function: { accent: "border-t-cyan-600", swatch: "bg-cyan-600" },
  handoff: { accent: "border-t-rose-500", swatch: "bg-rose-500" },
  end: { accent: "border-t-slate-800", swatch: "bg-slate-800" },
};
