import type { LogEntry } from "@/lib/conversations/schema";
import { nodeName } from "./ConversationTranscript";
import { formatOffset } from "./format";

const LEVEL_STYLE: Record<LogEntry["level"], string> = {
  debug: "text-slate-500",
  info: "text-blue-700",
  warning: "text-amber-700",
  error: "text-red-700",
};

/** `node=<id>` shows the node's title, the id on hover; other fields as they are. */
function LogField({ name, value, titles }: { name: string; value: unknown; titles: Readonly<Record<string, string>> }) {
  if (name === "node" && typeof value === "string") {
    return (
      <span title={`Node ${value}`} data-testid="log-node">
        node={nodeName(value, titles)}
      </span>
    );
  }
  return <span>{`${name}=${typeof value === "string" ? value : JSON.stringify(value)}`}</span>;
}

/** The call's log: runtime notes and functions' `conv.log` lines with their structured fields. */
export function LogsPanel({
  logs,
  startedAt,
  titles,
}: {
  logs: readonly LogEntry[];
  startedAt: string;
  titles: Readonly<Record<string, string>>;
}) {
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
              <span className="ml-2 inline-flex flex-wrap gap-x-2 text-slate-500">
                {Object.entries(l.fields).map(([k, v]) => (
                  <LogField key={k} name={k} value={v} titles={titles} />
                ))}
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
