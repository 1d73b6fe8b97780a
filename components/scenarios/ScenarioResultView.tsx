"use client";

import { Badge } from "@/components/ui/Badge";
import { TraceViewer } from "@/components/sip/TraceViewer";
import type { ScenarioResult } from "@/lib/scenarios";
import type { HandoffTrace } from "@/lib/sip";

export const STATUS_LABEL = { pass: "Passed", fail: "Failed", cannot_run: "Cannot run" } as const;
export const STATUS_TONE = { pass: "green", fail: "red", cannot_run: "amber" } as const;

/** One scenario's run: each expectation expected against actual, then the transcript and SIP trace of the call. */
export function ScenarioResultView({ result, startedAt }: { result: ScenarioResult; startedAt?: string }) {
  const call = result.call;
  const trace = (call?.sip_trace ?? null) as HandoffTrace | null;
  return (
    <section
      className="space-y-4 rounded-md border border-slate-200 bg-white p-4"
      aria-label={`Result of ${result.name}`}
      data-testid="scenario-result"
      data-status={result.status}
    >
      <header className="flex items-center gap-2">
        <h3 className="text-sm font-semibold">{result.name}</h3>
        <Badge tone={STATUS_TONE[result.status]}>{STATUS_LABEL[result.status]}</Badge>
        {result.flow && (
          <span className="text-xs text-slate-500">
            {result.flow}, {result.version === null ? "draft" : `version ${result.version}`}
          </span>
        )}
      </header>
      {result.status === "cannot_run" ? (
        <p className="text-sm text-amber-800" role="status">
          cannot run: {result.reason}
        </p>
      ) : (
        <table className="w-full table-fixed text-left text-sm" data-testid="expectations">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-1/4 py-1">Expectation</th>
              <th className="py-1">Expected</th>
              <th className="py-1">Actual</th>
              <th className="w-16 py-1">Result</th>
            </tr>
          </thead>
          <tbody>
            {result.expectations.map((e) => (
              <tr
                key={e.key}
                data-testid="expectation"
                data-pass={e.pass}
                className={`border-t border-slate-100 align-top ${e.pass ? "" : "bg-red-50"}`}
              >
                <td className="py-1 pr-2 font-medium">{e.label}</td>
                <td className="py-1 pr-2 font-mono text-xs break-words" data-testid="expected">
                  {e.expected}
                </td>
                <td className="py-1 pr-2 font-mono text-xs break-words whitespace-pre-wrap" data-testid="actual">
                  {e.actual}
                </td>
                <td className={`py-1 text-xs font-semibold ${e.pass ? "text-emerald-700" : "text-red-700"}`}>
                  {e.pass ? "✓ pass" : "✗ fail"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.warnings.length > 0 && (
        <ul className="text-xs text-amber-800">
          {result.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {call && (
        <details open={result.status === "fail"}>
          <summary className="cursor-pointer text-sm font-medium">Transcript</summary>
          <ol className="mt-2 space-y-1 text-sm" data-testid="scenario-transcript">
            {(call.turns ?? []).map((t, i) => (
              <li key={i}>
                <span className="font-medium capitalize text-slate-600">{t.role}:</span> {t.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      {trace && trace.messages.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">SIP trace</summary>
          <div className="mt-2">
            <TraceViewer
              trace={trace}
              fileName={`${call?.id ?? "scenario"}-sip-trace.txt`}
              startedAt={startedAt ?? call?.started_at}
            />
          </div>
        </details>
      )}
    </section>
  );
}
