"use client";

import { useMemo } from "react";
import { TraceViewer } from "@/components/sip/TraceViewer";
import type { SipTraceRecord } from "@/lib/conversations/schema";
import { toHandoffTrace } from "./format";

/** The stored SIP trace in the shared ladder viewer (raw text, copy, download). */
export function SipTracePanel({
  trace,
  conversationId,
  startedAt,
}: {
  trace: SipTraceRecord | null;
  conversationId: string;
  startedAt: string;
}) {
  const viewable = useMemo(() => (trace ? toHandoffTrace(trace) : null), [trace]);
  if (!viewable || viewable.messages.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No SIP trace: this call was not handed off, so no SIP beyond the inbound call was exchanged.
      </p>
    );
  }
  return <TraceViewer trace={viewable} fileName={`${conversationId}-sip-trace.txt`} startedAt={startedAt} />;
}
