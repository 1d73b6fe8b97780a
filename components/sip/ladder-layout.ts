import type { Lane, TraceMessage } from "@/lib/sip";

/**
 * The ladder's geometry for the width it is given (pure, so the maths is unit-tested). Lanes share
 * what the time column leaves; labels get the room between the lanes they join and truncate past
 * it. Below LADDER_MIN_WIDTH the ladder stops shrinking and its box scrolls instead.
 */

export const LANES: readonly Lane[] = ["sbc", "agent", "destination"];
const COLUMN: Record<Lane, number> = { sbc: 0, agent: 1, destination: 2 };

/** The narrowest ladder drawn: a 360 px side panel leaves about this much after its padding. */
export const LADDER_MIN_WIDTH = 280;
/** Where the ladder is drawn before the browser has measured it (server render). */
export const LADDER_DEFAULT_WIDTH = 480;
/** Below this the time column and lane titles use their compact forms. */
const COMPACT_BELOW = 440;
/** Room a label keeps from the lifelines on either side. */
const LABEL_GUTTER = 8;

export const LANE_TITLES: Record<Lane, { full: string; short: string }> = {
  sbc: { full: "Customer SBC", short: "SBC" },
  agent: { full: "Agent", short: "Agent" },
  destination: { full: "Destination", short: "Dest." },
};

export interface LadderLayout {
  /** The width drawn (never below LADDER_MIN_WIDTH). */
  width: number;
  compact: boolean;
  timeWidth: number;
  laneWidth: number;
  /** Lane titles: the short forms once a lane is too narrow for "Destination". */
  titles: "full" | "short";
}

export function ladderLayout(available: number): LadderLayout {
  const width = Math.max(LADDER_MIN_WIDTH, Math.floor(Number.isFinite(available) ? available : LADDER_DEFAULT_WIDTH));
  const compact = width < COMPACT_BELOW;
  const timeWidth = compact ? 48 : 72;
  const laneWidth = (width - timeWidth) / LANES.length;
  return { width, compact, timeWidth, laneWidth, titles: laneWidth < 96 ? "short" : "full" };
}

/** The x of a lane's lifeline, measured from the start of the lanes area (after the time column). */
export function laneCentre(layout: LadderLayout, lane: Lane): number {
  return (COLUMN[lane] + 0.5) * layout.laneWidth;
}

export interface ArrowGeometry {
  /** Arrow start and end (left < right), from the start of the lanes area; equal for an event on one lane. */
  left: number;
  right: number;
  rightward: boolean;
  /** The label's centre and the most it may take before it truncates. */
  labelCentre: number;
  labelMaxWidth: number;
}

export function arrowGeometry(layout: LadderLayout, from: Lane, to: Lane): ArrowGeometry {
  const a = laneCentre(layout, from);
  const b = laneCentre(layout, to);
  const left = Math.min(a, b);
  const right = Math.max(a, b);
  const lanesWidth = layout.laneWidth * LANES.length;
  if (left === right) {
    // An event on one lane (speech, "agent resumes"): centred on it, as wide as fits on both sides.
    const room = Math.min(left, lanesWidth - left);
    return { left, right, rightward: true, labelCentre: left, labelMaxWidth: Math.max(0, 2 * room - LABEL_GUTTER) };
  }
  return {
    left,
    right,
    rightward: b >= a,
    labelCentre: (left + right) / 2,
    labelMaxWidth: Math.max(0, right - left - LABEL_GUTTER),
  };
}

/** Time into the call as the ladder prints it; compact drops to two decimals. */
export function formatLadderTime(at: number, compact: boolean): string {
  return `${(at / 1000).toFixed(compact ? 2 : 3)}s`;
}

/** A row of the ladder: a message of the trace, or what the view adds to explain it. */
export type LadderRow =
  | { kind: "message"; index: number; message: TraceMessage }
  | { kind: "predicted"; from: Lane; to: Lane; label: string; note: string; at: number };

/**
 * The trace's messages as ladder rows. For a REFER, the SBC (not the agent) calls the destination,
 * so that INVITE is in no trace; without it the Destination lane stays empty. It is drawn as a
 * predicted row just before the SBC's final NOTIFY reports how that call went, once per REFER (a
 * retried transfer REFERs again). A view-level note only: traces, downloads and stored records never
 * contain it. A soft transfer's trace already shows the SBC's INVITE with Replaces, so nothing is
 * added there; nor to a REFER the SBC refused or never reported on.
 */
export function ladderRows(messages: readonly TraceMessage[]): LadderRow[] {
  const isRefer = (m: TraceMessage) => m.kind === "sip" && m.from === "agent" && m.to === "sbc" && m.label === "REFER";
  const insertBefore = new Set<number>();
  messages.forEach((m, refer) => {
    if (!isRefer(m)) return;
    const next = messages.findIndex((x, i) => i > refer && isRefer(x));
    const end = next < 0 ? messages.length : next;
    const segment = messages.slice(refer + 1, end);
    if (segment.some((x) => x.from === "sbc" && x.to === "destination")) return;
    const notifies = segment.flatMap((x, i) =>
      x.kind === "sip" && x.from === "sbc" && x.to === "agent" && x.label.startsWith("NOTIFY") ? [refer + 1 + i] : [],
    );
    // The SBC calls the destination between its first NOTIFY (100 Trying) and the one reporting the result.
    if (notifies.length >= 2) insertBefore.add(notifies.at(-1)!);
  });
  return messages.flatMap((message, index): LadderRow[] => {
    const row: LadderRow = { kind: "message", index, message };
    if (!insertBefore.has(index)) return [row];
    const predicted: LadderRow = {
      kind: "predicted",
      from: "sbc",
      to: "destination",
      label: "INVITE",
      note: "not sent by the agent",
      at: messages[index - 1]!.at,
    };
    return [predicted, row];
  });
}

/**
 * The first row that reaches the Destination lane (the INVITE, or the predicted one), or -1. The
 * simulator scrolls a new handoff's ladder to it: that row is the story of where the call went.
 */
export function destinationEntry(rows: readonly LadderRow[]): number {
  return rows.findIndex((r) =>
    r.kind === "predicted"
      ? r.to === "destination"
      : r.message.to === "destination" || r.message.from === "destination",
  );
}
