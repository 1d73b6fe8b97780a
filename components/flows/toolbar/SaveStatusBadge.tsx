"use client";

import { useEditorStore } from "@/components/flows/store/context";
import { saveStatus } from "@/components/flows/store/save-slice";

const LABEL = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  error: "Not saved",
  stale: "Not saved: changed elsewhere",
} as const;
const TONE = {
  saved: "text-emerald-700",
  saving: "text-slate-600",
  unsaved: "text-slate-600",
  error: "text-red-700",
  stale: "text-red-700",
} as const;

export function SaveStatusBadge() {
  const status = useEditorStore(saveStatus);
  const error = useEditorStore((s) => s.save.error);
  const savedAt = useEditorStore((s) => s.save.savedAt);
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
      title={
        status === "error"
          ? (error ?? "")
          : savedAt
            ? `Last saved ${new Date(savedAt).toLocaleTimeString()}`
            : undefined
      }
      className={`text-sm ${TONE[status]}`}
    >
      {LABEL[status]}
      {status === "error" && error && <span className="ml-1 text-xs">({error})</span>}
    </span>
  );
}
