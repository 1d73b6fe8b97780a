"use client";

import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { LANE_LABELS, type Lane, type TraceMessage } from "@/lib/sip";
import {
  arrowGeometry,
  destinationEntry,
  formatLadderTime,
  LADDER_DEFAULT_WIDTH,
  ladderLayout,
  ladderRows,
  laneCentre,
  LANE_TITLES,
  LANES,
  type LadderLayout,
} from "./ladder-layout";

const isFailure = (label: string) => /^[456]\d\d/.test(label);

/**
 * A sequence (ladder) diagram: one column per party, one row per message with an arrow between
 * lanes. It fits the width it is given (ladder-layout.ts): lanes compress and long labels truncate,
 * with the full text in a tooltip and, on click, above the raw message. Media events (speech,
 * whisper, bridging) are drawn dashed. Rows are buttons so the raw message is one click or keypress
 * away.
 */
export function LadderDiagram({
  messages,
  selected,
  onSelect,
}: {
  messages: readonly TraceMessage[];
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(LADDER_DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setAvailable(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const layout = ladderLayout(available);
  const rows = useMemo(() => ladderRows(messages), [messages]);
  const entry = destinationEntry(rows);
  const columns = `${layout.timeWidth}px repeat(3, minmax(0, 1fr))`;

  return (
    <div
      ref={box}
      className="rounded-md border border-slate-200 bg-white"
      // Scrolls sideways only below the narrowest layout; otherwise it clips, which (unlike a scroll
      // box) lets the lane titles stick to the top of whatever scrolls the ladder vertically.
      style={{ overflowX: layout.width > available ? "auto" : "clip" }}
      data-testid="ladder"
    >
      <div style={{ width: layout.width }} data-compact={layout.compact}>
        <div
          className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600"
          style={{ gridTemplateColumns: columns }}
        >
          <div className="truncate px-1.5 py-1.5">time</div>
          {LANES.map((l) => (
            <div
              key={l}
              className="truncate px-1 py-1.5 text-center"
              data-testid={`lane-${l}`}
              title={LANE_TITLES[l].full}
            >
              {LANE_TITLES[l][layout.titles]}
            </div>
          ))}
        </div>
        <ol className="relative">
          {/* Lane lifelines behind the rows. */}
          <div aria-hidden className="pointer-events-none absolute inset-0">
            {LANES.map((l) => (
              <div
                key={l}
                className="absolute inset-y-0 w-px bg-slate-200"
                style={{ left: layout.timeWidth + laneCentre(layout, l) }}
              />
            ))}
          </div>
          {rows.map((row, i) =>
            row.kind === "message" ? (
              <li key={row.index} data-destination-entry={i === entry || undefined}>
                <LadderRow
                  message={row.message}
                  layout={layout}
                  active={selected === row.index}
                  onClick={() => onSelect(row.index)}
                />
              </li>
            ) : (
              <PredictedRow key={`predicted-${row.at}`} row={row} layout={layout} entry={i === entry} />
            ),
          )}
        </ol>
      </div>
    </div>
  );
}

function Arrow({
  layout,
  from,
  to,
  tone,
  dashed,
}: {
  layout: LadderLayout;
  from: Lane;
  to: Lane;
  tone: "plain" | "media" | "failure" | "predicted";
  dashed: boolean;
}) {
  const g = arrowGeometry(layout, from, to);
  const line = {
    plain: "border-slate-700",
    media: "border-amber-500",
    failure: "border-red-500",
    predicted: "border-slate-400",
  }[tone];
  const head = {
    plain: "border-l-slate-700 border-r-slate-700",
    media: "border-l-amber-500 border-r-amber-500",
    failure: "border-l-red-500 border-r-red-500",
    predicted: "border-l-slate-400 border-r-slate-400",
  }[tone];
  return (
    <>
      <span
        className={`absolute bottom-2 block border-t-2 ${dashed ? "border-dashed" : ""} ${line}`}
        style={{ left: g.left, width: g.right - g.left }}
      />
      <span
        aria-hidden
        className={`absolute bottom-[3px] h-0 w-0 border-y-[5px] border-y-transparent ${g.rightward ? "border-l-[8px]" : "border-r-[8px]"} ${head}`}
        style={{ left: g.rightward ? g.right - 8 : g.left }}
      />
    </>
  );
}

function LadderRow({
  message: m,
  layout,
  active,
  onClick,
}: {
  message: TraceMessage;
  layout: LadderLayout;
  active: boolean;
  onClick: () => void;
}) {
  const g = arrowGeometry(layout, m.from, m.to);
  const media = m.kind === "media";
  const time = formatLadderTime(m.at, layout.compact);
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      aria-label={`${m.label}, ${LANE_LABELS[m.from]} to ${LANE_LABELS[m.to]}, at ${(m.at / 1000).toFixed(3)} s`}
      title={m.label}
      data-testid="ladder-row"
      data-label={m.label}
      data-from={m.from}
      data-to={m.to}
      className={`relative grid h-9 w-full items-center text-left text-xs hover:bg-brand-50/60 focus-visible:outline-2 focus-visible:outline-brand-500 ${active ? "bg-brand-50" : ""}`}
      style={{ gridTemplateColumns: `${layout.timeWidth}px minmax(0, 1fr)` }}
    >
      <span
        className={`truncate font-mono tabular-nums text-slate-500 ${layout.compact ? "px-1 text-[10px]" : "px-2"}`}
      >
        {time}
      </span>
      <span className="relative h-full">
        {g.left === g.right ? (
          <span
            className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2 truncate rounded bg-amber-50 px-1.5 py-0.5 text-amber-900 ring-1 ring-amber-200"
            style={{ left: g.labelCentre, maxWidth: g.labelMaxWidth }}
            data-testid="ladder-label"
          >
            {m.label}
          </span>
        ) : (
          <>
            <Arrow
              layout={layout}
              from={m.from}
              to={m.to}
              tone={media ? "media" : isFailure(m.label) ? "failure" : "plain"}
              dashed={media}
            />
            <span
              className={`absolute top-0.5 -translate-x-1/2 truncate px-1 font-medium ${media ? "italic text-amber-800" : "font-mono text-slate-800"}`}
              style={{ left: g.labelCentre, maxWidth: g.labelMaxWidth }}
              data-testid="ladder-label"
            >
              {m.label}
            </span>
          </>
        )}
      </span>
    </button>
  );
}

/** What the view adds to a trace (see ladderRows): dashed, lighter, and saying it was not sent by the agent. */
function PredictedRow({
  row,
  layout,
  entry,
}: {
  row: Extract<ReturnType<typeof ladderRows>[number], { kind: "predicted" }>;
  layout: LadderLayout;
  entry: boolean;
}) {
  const g = arrowGeometry(layout, row.from, row.to);
  const description = `${row.label} from the ${LANE_LABELS[row.from]} to the ${LANE_LABELS[row.to]}: predicted, ${row.note}`;
  return (
    <li
      data-testid="ladder-predicted"
      data-destination-entry={entry || undefined}
      data-label={row.label}
      data-from={row.from}
      data-to={row.to}
      aria-label={description}
      title={`${description}. The SBC places this call after accepting the REFER; it is not in the trace.`}
      className="relative grid h-12 items-center text-xs"
      style={{ gridTemplateColumns: `${layout.timeWidth}px minmax(0, 1fr)` }}
    >
      <span aria-hidden />
      <span className="relative h-full">
        <span
          className="absolute top-0.5 -translate-x-1/2 truncate px-1 font-mono font-medium text-slate-500"
          style={{ left: g.labelCentre, maxWidth: g.labelMaxWidth }}
          data-testid="ladder-predicted-label"
        >
          {row.label}
        </span>
        <span className="absolute inset-x-0 top-5 h-5">
          <Arrow layout={layout} from={row.from} to={row.to} tone="predicted" dashed />
        </span>
        <span
          className="absolute bottom-0 -translate-x-1/2 truncate px-1 text-[10px] italic text-slate-500"
          style={{ left: g.labelCentre, maxWidth: g.labelMaxWidth }}
        >
          {row.note}
        </span>
      </span>
    </li>
  );
}
