"use client";

import type { FunctionOutcome } from "@/lib/runtime";

/** A function call inline in the transcript: its logs, metrics and error. */
export function FunctionCallCard({
  functionName,
  outcome,
  lifecycle = false,
}: {
  functionName: string;
  outcome: FunctionOutcome;
  /** start_function / end_function: run by the call itself, not by a node. */
  lifecycle?: boolean;
}) {
  return (
    <details
      open={!outcome.ok}
      className={`rounded-md border px-3 py-2 text-xs ${outcome.ok ? "border-slate-200 bg-slate-50" : "border-red-200 bg-red-50"}`}
      data-testid={lifecycle ? "lifecycle-call" : "function-call"}
    >
      <summary className="cursor-pointer font-mono">
        {lifecycle && (
          <span className="mr-1 font-sans text-slate-500">
            {functionName === "end_function" ? "Call ended:" : "Call started:"}
          </span>
        )}
        {functionName}(){" "}
        {outcome.ok ? "ran" : outcome.error.timedOut ? "was stopped (time limit)" : `raised ${outcome.error.type}`}
        {outcome.ok && outcome.action ? ` → ${outcome.action.kind}` : ""}
      </summary>
      {!outcome.ok && (
        <div className="mt-1 space-y-1 text-red-800">
          <p>
            {outcome.error.message}
            {outcome.error.line ? ` (line ${outcome.error.line})` : ""}
          </p>
          {outcome.error.traceback && <pre className="whitespace-pre-wrap font-mono">{outcome.error.traceback}</pre>}
        </div>
      )}
      {outcome.metrics.length > 0 && (
        <ul className="mt-1" aria-label="Metrics">
          {outcome.metrics.map((m, i) => (
            <li key={i} className="font-mono">
              metric {m.name} = {String(m.value)}
            </li>
          ))}
        </ul>
      )}
      {outcome.logs.length > 0 && (
        <ul className="mt-1" aria-label="Logs">
          {outcome.logs.map((l, i) => (
            <li
              key={i}
              className={l.level === "error" ? "text-red-700" : l.level === "warning" ? "text-amber-700" : ""}
            >
              [{l.level}] {l.message}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
