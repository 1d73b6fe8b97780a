import type { Turn } from "@/lib/conversations/schema";
import { splitPathKey } from "@/lib/runtime/path";
import { formatOffset } from "./format";

const ROLE_LABEL = { agent: "Agent", caller: "Caller", system: "System" } as const;

type Titles = Readonly<Record<string, string>>;

/** A node as people know it: its title when the call ran (records stored before titles show the id), the id on hover. */
export function nodeName(id: string, titles: Titles): string {
  return titles[id] ?? id;
}

/** The turns as spoken, each with its time into the call and the node that spoke it. */
export function ConversationTranscript({
  turns,
  startedAt,
  titles,
}: {
  turns: readonly Turn[];
  startedAt: string;
  titles: Titles;
}) {
  if (turns.length === 0) return <p className="text-sm text-slate-600">Nothing was said on this call.</p>;
  return (
    <ol className="space-y-2" aria-label="Transcript" data-testid="review-transcript">
      {turns.map((t, i) => (
        <li
          key={i}
          data-testid="review-turn"
          data-role={t.role}
          className={`flex flex-col ${t.role === "caller" ? "items-end" : "items-start"}`}
        >
          <div className="mb-0.5 flex items-center gap-2 text-xs text-slate-500">
            <span className="font-medium">{ROLE_LABEL[t.role]}</span>
            <span className="font-mono">{formatOffset(t.at, startedAt)}</span>
            {t.node_id && (
              <span
                className="rounded bg-slate-100 px-1 text-slate-600"
                data-testid="turn-node"
                title={`Node ${t.node_id}`}
              >
                {nodeName(t.node_id, titles)}
              </span>
            )}
          </div>
          <p
            className={`max-w-[85%] rounded-lg px-3 py-1.5 text-sm ${t.role === "caller" ? "rounded-tr-none bg-slate-200" : t.role === "agent" ? "rounded-tl-none bg-brand-50" : "bg-amber-50 italic"}`}
          >
            {t.text}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The nodes the call visited, in order; where the call changed flow, the flow it went to (docs/design.md §3). */
export function NodePath({ path, titles }: { path: readonly string[]; titles: Titles }) {
  if (path.length === 0) return <p className="text-sm text-slate-500">The call visited no node.</p>;
  const parts = path.map(splitPathKey);
  return (
    <ol aria-label="Path of nodes" data-testid="review-path" className="flex flex-wrap items-center gap-1 text-xs">
      {path.map((key, i) => {
        const { flow, nodeId } = parts[i]!;
        const flowStart = flow !== null && (i === 0 || parts[i - 1]!.flow !== flow);
        return (
          <li key={i} className="flex items-center gap-1">
            {i > 0 && (
              <span aria-hidden className="text-slate-400">
                →
              </span>
            )}
            {flowStart && (
              <span
                className="rounded bg-indigo-50 px-1.5 py-0.5 font-semibold text-indigo-700"
                data-testid="path-flow"
              >
                {flow}:
              </span>
            )}
            <span
              className="rounded bg-white px-1.5 py-0.5 ring-1 ring-slate-200"
              data-testid="path-node"
              data-node-id={nodeId}
              data-flow={flow ?? undefined}
              title={`Node ${nodeId}${flow ? ` in flow ${flow}` : ""}`}
            >
              {nodeName(key, titles)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
