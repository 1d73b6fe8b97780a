import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { METHOD_INFO } from "@/lib/handoffs/types";
import { TRANSFER_OUTCOME_LABELS } from "@/lib/handoffs/outcomes";
import type { ConversationSummary } from "@/lib/conversations/schema";
import { formatUtc } from "@/lib/time/utc";
import { formatDuration, ranLabel, SOURCE_LABEL } from "./format";
import { OutcomeBadge } from "./OutcomeBadge";

const dash = <span className="text-slate-500">—</span>;

/** One page of conversations, newest first; the started time links to the conversation. */
export function ConversationTable({
  rows,
  agentId,
  flowNames,
}: {
  rows: readonly ConversationSummary[];
  agentId: string;
  /** The agent's flows by id, to name the flow each call ran. */
  flowNames: Readonly<Record<string, string>>;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="conversation-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            {["Started (UTC)", "Flow", "Ran", "Duration", "Turns", "Outcome", "Reason", "Destination", "Source"].map(
              (h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="conversation-row" data-id={r.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-3 py-2">
                <Link
                  href={`/agents/${agentId}/conversations/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                  aria-label={`Conversation started ${formatUtc(r.started_at)}`}
                >
                  <time dateTime={r.started_at}>{formatUtc(r.started_at).replace(" UTC", "")}</time>
                </Link>
              </td>
              <td className="max-w-40 truncate px-3 py-2" data-testid="row-flow">
                {r.flow_id === null ? (
                  dash
                ) : flowNames[r.flow_id] ? (
                  flowNames[r.flow_id]
                ) : (
                  <span className="text-slate-500" title={r.flow_id}>
                    deleted flow
                  </span>
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-xs" data-testid="row-version">
                {ranLabel(r.version)}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDuration(r.duration_ms)}</td>
              <td className="px-3 py-2 tabular-nums">{r.turn_count}</td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap items-center gap-1.5">
                  <OutcomeBadge outcome={r.outcome} />
                  {/* A transfer that did not complete: how it ended, the reason the call went on. */}
                  {r.transfer_outcome && r.transfer_outcome !== "completed" && (
                    <Badge tone="red" data-testid="row-transfer-outcome">
                      {TRANSFER_OUTCOME_LABELS[r.transfer_outcome]}
                    </Badge>
                  )}
                </span>
              </td>
              <td className="px-3 py-2 font-mono text-xs" data-testid="row-reason">
                {/* A failed call has no handoff reason; why it failed is what the reader needs. */}
                {r.reason ??
                  (r.outcome === "failed" && r.end_reason ? (
                    <span className="text-red-700">{r.end_reason}</span>
                  ) : (
                    dash
                  ))}
              </td>
              <td className="px-3 py-2" data-testid="row-destination">
                {r.destination ? (
                  <span className="flex items-center gap-1.5">
                    {r.destination}
                    {r.method && <Badge tone="violet">{METHOD_INFO[r.method].badge}</Badge>}
                  </span>
                ) : (
                  dash
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs" data-testid="row-source">
                {r.source ? SOURCE_LABEL[r.source] : dash}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
