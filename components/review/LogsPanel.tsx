import type { LogEntry } from "@/lib/conversations/schema";
import { formatOffset } from "./format";

const LEVEL_STYLE: Record<LogEntry["level"], string> = {
  debug: "text-slate-500",
  info: "text-blue-700",
  warning: "text-amber-700",
  error: "text-red-700",
};

/** The call's log: runtime notes and functions' `conv.log` lines with their structured fields. */
export function LogsPanel({ logs, startedAt }: { logs: readonly LogEntry[]; startedAt: string }) {
  if (logs.length === 0) return <p className="text-sm text-slate-600">No log lines for this call.</p>;
  return (
    <ol className="space-y-1 font-mono text-xs" data-testid="log-list">
      {logs.map((l, i) => (
        <li key={i} className="grid grid-cols-[3.5rem_4rem_1fr] gap-2" data-testid="log-line" data-level={l.level}>
          <span className="text-slate-500">{l.at ? formatOffset(l.at, startedAt) : ""}</span>
          <span className={`font-semibold uppercase ${LEVEL_STYLE[l.level]}`}>{l.level}</span>
          <span className="min-w-0 break-words">
            {l.message}
            {l.fields && Object.keys(l.fields).length > 0 && (
              <span className="ml-2 text-slate-500">
                {Object.entries(l.fields)
                  .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
                  .join(" ")}
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
