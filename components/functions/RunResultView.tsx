"use client";

import { METHOD_INFO } from "@/lib/handoffs/types";
import type { RunResult } from "@/lib/functions/types";

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="space-y-1" data-testid={testId}>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const none = <span className="text-slate-500">—</span>;

/** What a run did: error, what the agent says, the handoff it asked for, return value, metrics, logs. */
export function RunResultView({ result, functionName }: { result: RunResult; functionName: string }) {
  const e = result.error;
  const said = [...result.says, ...(result.utterance ? [result.utterance] : [])];
  const h = result.handoff;
  return (
    <div className="space-y-4 text-sm" data-testid="run-result" data-ok={result.ok}>
      {e ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3"
          data-testid="run-error"
          data-kind={e.kind}
        >
          <p className="font-medium text-red-800" data-testid="error-message">
            {e.kind === "timeout"
              ? "Stopped: time limit exceeded"
              : e.kind === "crashed"
                ? "The Python worker failed"
                : `${e.type}: `}
            {e.kind === "timeout" || e.kind === "crashed" ? null : e.message}
          </p>
          {(e.kind === "timeout" || e.kind === "crashed") && <p className="mt-1 text-red-800">{e.message}</p>}
          {e.line !== null && <p className="mt-1 text-xs text-red-700">Line {e.line} is marked in the editor.</p>}
          {e.traceback && (
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap text-xs text-red-900" data-testid="traceback">
              {e.traceback}
            </pre>
          )}
        </div>
      ) : (
        <p className="text-emerald-700" data-testid="result-status">
          {functionName} ran in {result.durationMs < 1 ? "<1" : result.durationMs.toFixed(1)} ms
        </p>
      )}

      <Section title="Agent says" testId="agent-says">
        {said.length ? (
          <ul className="space-y-1">
            {said.map((s, i) => (
              <li key={i} className="rounded bg-slate-100 px-2 py-1">
                “{s}”
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">Nothing</p>
        )}
        {result.hangup && <p className="text-amber-700">…then hangs up</p>}
      </Section>

      <Section title={h?.source === "transfer_call" ? "Transfer (transfer_call)" : "Handoff"} testId="handoff">
        {h ? (
          <dl className="space-y-1">
            <Row label="Destination" testId="handoff-destination">
              {h.destination ?? <span className="text-slate-500">none (code-based route)</span>}
            </Row>
            <Row label="Method" testId="handoff-method">
              {METHOD_INFO[h.method].label}
              {h.soft ? " · soft (warm) transfer" : ""}
            </Row>
            <Row label="Route" testId="handoff-route">
              <span className="font-mono">{h.route ?? none}</span>
            </Row>
            <Row label="SIP headers" testId="handoff-headers">
              {h.sipHeaders.length ? (
                <ul className="font-mono text-xs">
                  {h.sipHeaders.map((x) => (
                    <li key={x.name} data-testid="handoff-header">
                      {x.name}: {x.value}
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </Row>
            <Row label="Reason" testId="handoff-reason">
              <span className="font-mono">{h.reason}</span>
            </Row>
            <Row label="Utterance" testId="handoff-utterance">
              {h.utterance ?? none}
            </Row>
            <Row label="Soft" testId="handoff-soft">
              {h.soft ? "yes" : "no"}
            </Row>
            {h.whisper !== null && <Row label="Whisper">{h.whisper}</Row>}
          </dl>
        ) : (
          <p className="text-slate-500">No handoff or transfer</p>
        )}
      </Section>

      <Section title="Return value" testId="return-value">
        <pre className="overflow-x-auto font-mono text-xs">{result.returnRepr ?? "None"}</pre>
      </Section>

      <Section title="Metrics" testId="metrics">
        {result.metrics.length ? (
          <ul className="font-mono text-xs">
            {result.metrics.map((m, i) => (
              <li key={i}>
                {m.name} = {m.value}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None</p>
        )}
      </Section>

      <Section title="Logs" testId="logs">
        {result.logs.length ? (
          <ul className="space-y-0.5 font-mono text-xs">
            {result.logs.map((l, i) => (
              <li
                key={i}
                className={
                  l.level === "error" ? "text-red-700" : l.level === "warning" ? "text-amber-700" : "text-slate-700"
                }
              >
                <span className="uppercase">{l.level}</span> {l.message}
                {Object.keys(l.fields).length > 0 && (
                  <span className="text-slate-500"> {JSON.stringify(l.fields)}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None</p>
        )}
      </Section>
    </div>
  );
}
