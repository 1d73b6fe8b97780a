"use client";

import { Badge } from "@/components/ui/Badge";
import { TraceViewer } from "@/components/sip/TraceViewer";
import { TransferAttempts } from "@/components/sip/TransferAttempts";
import { TRANSFER_OUTCOME_LABELS, reasonPhrase } from "@/lib/handoffs/outcomes";
import { transferCompleted, type HandoffAttempt } from "@/lib/handoffs/record";
import { METHOD_INFO } from "@/lib/handoffs/types";
import type { HandoffTrace } from "@/lib/sip";

const SOURCE_LABEL = {
  builtin: "builtin",
  function: "function",
  transfer_call: "transfer_call",
  topic: "topic",
} as const;

/** The outcome card of a handoff (docs/design.md §1's record) and its SIP ladder. */
export function HandoffOutcome({ record, trace }: { record: HandoffAttempt; trace: HandoffTrace }) {
  const completed = transferCompleted(record);
  const status = record.sip_status === null ? "no response" : `${record.sip_status} ${reasonPhrase(record.sip_status)}`;
  return (
    <section
      aria-label="Handoff"
      data-testid="handoff-outcome"
      data-source={record.source}
      data-outcome={record.outcome}
      className={`rounded-lg border p-3 ${completed ? "border-emerald-200 bg-emerald-50/40" : "border-red-200 bg-red-50/40"}`}
    >
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">
          {completed
            ? "Handed off"
            : `Transfer failed: ${TRANSFER_OUTCOME_LABELS[record.outcome].toLowerCase()} (${status})`}
        </h3>
        <Badge tone="violet">{METHOD_INFO[record.method].badge}</Badge>
        <Badge tone={record.source === "builtin" ? "slate" : "amber"} data-testid="handoff-source">
          {SOURCE_LABEL[record.source]}
        </Badge>
        {record.soft && <Badge tone="blue">soft</Badge>}
      </header>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Destination</dt>
        <dd data-testid="handoff-destination">
          {record.destination ?? <span className="text-slate-500">(code-based transfer)</span>}
        </dd>
        <dt className="text-slate-500">Route</dt>
        <dd className="font-mono text-xs leading-5" data-testid="handoff-route">
          {record.route ?? "—"}
        </dd>
        <dt className="text-slate-500">Reason</dt>
        <dd className="font-mono text-xs leading-5" data-testid="handoff-reason">
          {record.reason}
        </dd>
        <dt className="text-slate-500">Utterance</dt>
        <dd>{record.utterance || "—"}</dd>
        {record.topic && (
          <>
            <dt className="text-slate-500">Topic</dt>
            <dd data-testid="handoff-topic">{record.topic}</dd>
          </>
        )}
        {record.function && (
          <>
            <dt className="text-slate-500">Function</dt>
            <dd className="font-mono text-xs leading-5">{record.function}</dd>
          </>
        )}
        <dt className="text-slate-500">Headers</dt>
        <dd className="font-mono text-xs leading-5" data-testid="handoff-headers">
          {record.sip_headers.length === 0
            ? "—"
            : record.sip_headers.map((h) => (
                <div key={h.name}>
                  {h.name}: {h.value}
                </div>
              ))}
        </dd>
        <dt className="text-slate-500">Attempts</dt>
        <dd>
          <TransferAttempts attempts={record.attempts.map((a) => ({ ...a, when: `${(a.at / 1000).toFixed(1)} s` }))} />
        </dd>
      </dl>
      <div className="mt-3">
        <TraceViewer trace={trace} fileName={`handoff-${record.node_id}-trace.txt`} />
      </div>
    </section>
  );
}
