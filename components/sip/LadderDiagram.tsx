"use client";

import { LANE_LABELS, type Lane, type TraceMessage } from "@/lib/sip";

const LANES: Lane[] = ["sbc", "agent", "destination"];
const LANE_TITLES: Record<Lane, string> = { sbc: "Customer SBC", agent: "Agent", destination: "Destination" };
const COLUMN: Record<Lane, number> = { sbc: 0, agent: 1, destination: 2 };

/**
 * A sequence (ladder) diagram: one column per party, one row per message with an arrow between
 * lanes. Media events (speech, whisper, bridging) are drawn dashed. Rows are buttons so the raw
 * message is one click or keypress away.
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
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" data-testid="ladder">
      <div className="grid min-w-[36rem] grid-cols-[4.5rem_1fr_1fr_1fr] border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600">
        <div className="px-2 py-1.5">time</div>
        {LANES.map((l) => (
          <div key={l} className="px-2 py-1.5 text-center" data-testid={`lane-${l}`}>
            {LANE_TITLES[l]}
          </div>
        ))}
      </div>
      <ol className="relative min-w-[36rem]">
        {/* Lane lifelines behind the rows. */}
        <div aria-hidden className="pointer-events-none absolute inset-0 grid grid-cols-[4.5rem_1fr_1fr_1fr]">
          <div />
          {LANES.map((l) => (
            <div key={l} className="flex justify-center">
              <div className="w-px bg-slate-200" />
            </div>
          ))}
        </div>
        {messages.map((m, i) => (
          <li key={i}>
            <LadderRow message={m} active={selected === i} onClick={() => onSelect(i)} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function LadderRow({ message: m, active, onClick }: { message: TraceMessage; active: boolean; onClick: () => void }) {
  const from = COLUMN[m.from];
  const to = COLUMN[m.to];
  const left = Math.min(from, to);
  const span = Math.abs(to - from);
  const rightward = to >= from;
  const media = m.kind === "media";
  // Each lane is a third of the lanes area; arrows run between lane centres.
  const start = ((left + 0.5) / 3) * 100;
  const width = span === 0 ? 0 : (span / 3) * 100;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      aria-label={`${m.label}, ${LANE_LABELS[m.from]} to ${LANE_LABELS[m.to]}, at ${(m.at / 1000).toFixed(3)} s`}
      data-testid="ladder-row"
      data-label={m.label}
      className={`relative grid h-9 w-full grid-cols-[4.5rem_1fr] items-center text-left text-xs hover:bg-brand-50/60 focus-visible:outline-2 focus-visible:outline-brand-500 ${active ? "bg-brand-50" : ""}`}
    >
      <span className="px-2 font-mono tabular-nums text-slate-500">{(m.at / 1000).toFixed(3)}s</span>
      <span className="relative h-full">
        {span === 0 ? (
          <span
            className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2 truncate rounded bg-amber-50 px-1.5 py-0.5 text-amber-900 ring-1 ring-amber-200"
            style={{ left: `${start}%`, maxWidth: "60%" }}
          >
            {m.label}
          </span>
        ) : (
          <>
            <span
              className={`absolute bottom-2 block border-t-2 ${media ? "border-dashed border-amber-500" : m.label.match(/^[456]\d\d/) ? "border-red-500" : "border-slate-700"}`}
              style={{ left: `${start}%`, width: `${width}%` }}
            />
            <span
              aria-hidden
              className={`absolute bottom-[3px] h-0 w-0 border-y-[5px] border-y-transparent ${rightward ? "border-l-[8px]" : "border-r-[8px]"} ${media ? "border-l-amber-500 border-r-amber-500" : m.label.match(/^[456]\d\d/) ? "border-l-red-500 border-r-red-500" : "border-l-slate-700 border-r-slate-700"}`}
              style={rightward ? { left: `calc(${start + width}% - 8px)` } : { left: `${start}%` }}
            />
            <span
              className={`absolute top-0.5 -translate-x-1/2 truncate px-1 font-medium ${media ? "italic text-amber-800" : "font-mono text-slate-800"}`}
              style={{ left: `${start + width / 2}%`, maxWidth: `${Math.max(width, 30)}%` }}
            >
              {m.label}
            </span>
          </>
        )}
      </span>
    </button>
  );
}
