"use client";

import { useEffect, useRef } from "react";
import { FunctionCallCard } from "./FunctionCallCard";
import { HandoffOutcome } from "./HandoffOutcome";
import type { TimelineItem } from "./timeline";

export function Transcript({ items, working }: { items: readonly TimelineItem[]; working: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  const end = useRef<HTMLLIElement>(null);
  const shown = useRef(0);
  useEffect(() => {
    const added = items.slice(items.length < shown.current ? 0 : shown.current);
    shown.current = items.length;
    // A new handoff: show where the call went (the ladder's first Destination-lane row) rather than
    // the end, which in a short panel is only the hang-up.
    const handoff = added.some((i) => i.kind === "handoff")
      ? [...(list.current?.querySelectorAll('[data-testid="handoff-outcome"]') ?? [])]
          .at(-1)
          ?.querySelector("[data-destination-entry]")
      : null;
    if (handoff) handoff.scrollIntoView({ block: "center" });
    else end.current?.scrollIntoView({ block: "nearest" });
  }, [items]);
  return (
    <ol ref={list} className="space-y-2 py-3" aria-label="Transcript" data-testid="transcript">
      {items.map((item, i) => (
        <li key={i} data-kind={item.kind}>
          {item.kind === "agent" && (
            <p
              className="max-w-[85%] rounded-lg rounded-tl-none bg-brand-50 px-3 py-1.5 text-sm"
              data-testid="agent-turn"
            >
              <span className="sr-only">Agent: </span>
              {item.text}
            </p>
          )}
          {item.kind === "caller" && (
            <p
              className="ml-auto max-w-[85%] rounded-lg rounded-tr-none bg-slate-200 px-3 py-1.5 text-right text-sm"
              data-testid="caller-turn"
            >
              <span className="sr-only">Caller: </span>
              {item.text}
            </p>
          )}
          {item.kind === "function" && (
            <FunctionCallCard functionName={item.functionName} outcome={item.outcome} lifecycle={item.nodeId === ""} />
          )}
          {item.kind === "flow" && (
            <p className="text-center text-xs font-medium text-indigo-700" data-testid="flow-change">
              {item.how === "exit"
                ? `Left flow “${item.from}”, back in “${item.to}”`
                : item.how === "start"
                  ? `start_function chose flow “${item.to}”`
                  : `Went to flow “${item.to}”`}
            </p>
          )}
          {item.kind === "handoff" && <HandoffOutcome record={item.record} trace={item.trace} />}
          {item.kind === "note" && (
            <p
              className={`text-center text-xs ${item.tone === "error" ? "text-red-700" : item.tone === "warning" ? "text-amber-700" : "text-slate-500"}`}
              data-testid="call-note"
            >
              {item.text}
            </p>
          )}
        </li>
      ))}
      {working && (
        <li className="text-xs text-slate-500" aria-live="polite">
          Running Python…
        </li>
      )}
      <li ref={end} aria-hidden />
    </ol>
  );
}
