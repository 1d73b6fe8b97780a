"use client";

import { useSidePanel } from "./side-panel";

/** Opens a function in the Monaco panel beside the canvas. */
export function EditFunctionButton({ name }: { name: string }) {
  const { open, functionIds } = useSidePanel();
  if (!functionIds[name]) return null;
  return (
    <button
      type="button"
      onClick={() => open({ kind: "function", name })}
      className="mt-1 text-xs font-medium text-brand-700 hover:underline"
    >
      Edit {name} beside the canvas
    </button>
  );
}
