import type { SipTraceRecord } from "@/lib/conversations/schema";
import type { Outcome } from "@/lib/handoffs/record";
import type { HandoffTrace, Lane, TraceWarningCode } from "@/lib/sip";

/** Pure formatting for Conversation Review. Times of day are shown in UTC by `lib/time/utc`. */

/** `0 s`, `42 s`, `1 min 05 s`, `1 h 02 min`. Sub-second calls round to the nearest second. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, "0")} s`;
  return `${s} s`;
}

/** Time into the call, `m:ss.s` (`0:04.0`), of `at` after `start`; negative or unreadable → `0:00.0`. */
export function formatOffset(at: string, start: string): string {
  const ms = Date.parse(at) - Date.parse(start);
  const tenths = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 100) : 0;
  const m = Math.floor(tenths / 600);
  const rest = (tenths % 600) / 10;
  return `${m}:${rest.toFixed(1).padStart(4, "0")}`;
}

export const OUTCOME_LABEL: Record<Outcome, string> = {
  handoff: "Handoff",
  hangup: "Hang-up",
  abandoned: "Abandoned",
  failed: "Failed",
};

export const SOURCE_LABEL = {
  builtin: "builtin",
  function: "function",
  transfer_call: "transfer_call",
  topic: "topic",
} as const;

/** A metric value as text: numbers as written, booleans as true/false. */
export function formatMetricValue(value: number | string | boolean): string {
  return typeof value === "string" ? value : String(value);
}

const LANES: readonly Lane[] = ["sbc", "agent", "destination"];
const isLane = (s: string): s is Lane => (LANES as readonly string[]).includes(s);

/**
 * The stored SIP trace (loosely typed: it is also the API's wire format) as the ladder viewer's
 * trace. Messages between unknown parties are dropped rather than drawn in a wrong lane.
 */
export function toHandoffTrace(record: SipTraceRecord): HandoffTrace {
  return {
    messages: record.messages.flatMap((m) =>
      isLane(m.from) && isLane(m.to) ? [{ ...m, from: m.from, to: m.to }] : [],
    ),
    warnings: record.warnings.map((w) => ({ code: w.code as TraceWarningCode, message: w.message })),
  };
}

/** `a.b.c` joined node path, or an em dash when the call visited no node. */
export function formatPath(path: readonly string[]): string {
  return path.length === 0 ? "—" : path.join(" → ");
}

/** What a call ran, as Review shows it: "Draft" or "Version 3". */
export function ranLabel(version: number | null): string {
  return version === null ? "Draft" : `Version ${version}`;
}
