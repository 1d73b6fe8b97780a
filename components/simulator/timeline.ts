import { describeEndReason } from "@/lib/conversations/end-reasons";
import type { HandoffAttempt } from "@/lib/handoffs/record";
import type { Effect, FunctionOutcome, Session } from "@/lib/runtime";
import type { HandoffTrace } from "@/lib/sip";

/** One line of the simulator's transcript: speech, a function call, a handoff, or a note. */
export type TimelineItem =
  | { kind: "agent"; text: string; nodeId: string }
  | { kind: "caller"; text: string }
  | { kind: "function"; nodeId: string; functionName: string; outcome: FunctionOutcome }
  | { kind: "handoff"; record: HandoffAttempt; trace: HandoffTrace }
  | { kind: "note"; text: string; tone: "info" | "warning" | "error" }
  /** The call changed flow (docs/design.md §3). */
  | { kind: "flow"; from: string | null; to: string; how: "goto" | "exit" | "start" };

/** Timeline items for the effects of one step, plus any warnings or errors the runtime logged meanwhile. */
export function timelineOf(effects: readonly Effect[], before: Session, after: Session): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of effects) {
    if (e.type === "say") items.push({ kind: "agent", text: e.text, nodeId: e.nodeId });
    else if (e.type === "function_finished")
      items.push({ kind: "function", nodeId: e.nodeId, functionName: e.functionName, outcome: e.outcome });
    else if (e.type === "handoff") items.push({ kind: "handoff", record: e.record, trace: e.trace });
    else if (e.type === "hang_up") items.push({ kind: "note", text: describeEndReason(e.reason), tone: "info" });
    else if (e.type === "flow_changed") items.push({ kind: "flow", from: e.from, to: e.to, how: e.how });
  }
  for (const log of after.logs.slice(before.logs.length)) {
    // Function logs are shown with their function; runtime warnings and errors are notes.
    if (log.source || log.level === "info") continue;
    items.push({ kind: "note", text: log.message, tone: log.level === "error" ? "error" : "warning" });
  }
  return items;
}
