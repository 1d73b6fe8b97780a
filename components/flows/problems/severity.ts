import type { Severity } from "@/lib/flow";

/** How a problem's severity is drawn in Problems and the inspector: errors ●, warnings ▲, suggestions ○. */
export const SEVERITY_MARK: Record<Severity, { symbol: string; className: string; label: string }> = {
  error: { symbol: "●", className: "text-red-700", label: "error" },
  warning: { symbol: "▲", className: "text-amber-700", label: "warning" },
  info: { symbol: "○", className: "text-sky-700", label: "suggestion" },
};
