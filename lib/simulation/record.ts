import type { ConversationInput } from "../conversations/schema";
import { titleContextOf } from "../flow";
import { storedAttempt, storedHandoff, transferCompleted } from "../handoffs/record";
import { pathKeys, pathTitles, type Session } from "../runtime";

const iso = (start: number, offsetMs: number) => new Date(start + offsetMs).toISOString();

/**
 * A finished simulated call as a stored conversation. Simulated clock offsets become real
 * timestamps from `startedAt`. A failed transfer is not a handoff outcome: the call's outcome is
 * what happened afterwards, and the record keeps the transfer with its outcome and attempts.
 */
export function conversationFromSession(
  session: Session,
  meta: {
    agentId: string;
    flowId: string | null;
    startedAt: Date;
    channel?: string;
    /** The published version that ran; null or absent for the draft. */
    version?: number | null;
  },
): ConversationInput {
  const start = meta.startedAt.getTime();
  const h = session.handoff;
  const handedOff = session.outcome === "handoff" && h !== null && transferCompleted(h);
  const at = (ms: number) => iso(start, ms);
  const keys = pathKeys(session);
  // A call that changed flow names nodes <flow>/<node id> everywhere (docs/design.md §3).
  const qualified = keys.some((k, i) => k !== session.path[i]);
  return {
    id: session.conversationId,
    agent_id: meta.agentId,
    flow_id: meta.flowId,
    channel: meta.channel ?? "simulator",
    version: meta.version ?? null,
    started_at: iso(start, 0),
    ended_at: iso(start, session.clock),
    duration_ms: Math.round(session.clock),
    outcome: handedOff
      ? "handoff"
      : session.outcome === "abandoned" || session.outcome === "failed"
        ? session.outcome
        : "hangup",
    end_reason: session.endReason,
    turns: session.turns.map((t) => ({
      role: t.role,
      text: t.text,
      at: iso(start, t.at),
      ...(t.nodeId ? { node_id: qualified && t.flow ? `${t.flow}/${t.nodeId}` : t.nodeId } : {}),
    })),
    path: keys,
    // Titles as they were when the call ran, so Review names nodes even after the flow changes.
    node_titles: pathTitles(session, titleContextOf(session.agent.destinations)),
    variables: session.variables,
    handoff: h === null ? null : storedHandoff(h, at),
    transfer_attempts: session.transferAttempts.map((a) => storedAttempt(a, at)),
    metrics: session.metrics.map((m) => ({ name: m.name, value: m.value, at: iso(start, m.at) })),
    logs: session.logs.map((l) => ({
      level: l.level,
      message: l.message,
      at: iso(start, l.at),
      ...(l.fields || l.source ? { fields: { ...(l.source ? { source: l.source } : {}), ...(l.fields ?? {}) } } : {}),
    })),
    sip_trace: session.sipTrace,
  };
}
