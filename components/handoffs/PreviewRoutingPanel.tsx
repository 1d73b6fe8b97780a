"use client";

import { useId, useMemo, useState } from "react";
import { Modal } from "@/components/ui/Modal";
import { inputClass } from "@/components/ui/FieldMessages";
import { TraceViewer } from "@/components/sip/TraceViewer";
import { buildHandoffTrace, methodNote } from "@/lib/sip";
import type { RouteHosts } from "@/lib/sip/route";
import type { HandoffDestination } from "@/lib/handoffs/types";
import { METHOD_INFO } from "@/lib/handoffs/types";
import { referencedVariables } from "@/lib/variables/variables";

/**
 * What a handoff to this destination would put on the wire, recomputed in the browser (the SIP
 * engine is pure) as sample values change.
 */
export function PreviewRoutingPanel({
  destination,
  samples,
  hosts,
  agentName,
  onClose,
}: {
  destination: HandoffDestination;
  samples: Readonly<Record<string, string>>;
  hosts: RouteHosts;
  agentName: string;
  onClose: () => void;
}) {
  const used = useMemo(() => {
    const names = destination.sipHeaders.flatMap((h) => referencedVariables(h.value));
    return [...new Set(["caller_id", ...names])];
  }, [destination.sipHeaders]);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(used.map((n) => [n, samples[n] ?? ""])),
  );
  const [reason, setReason] = useState("");
  const [utterance, setUtterance] = useState("One moment, I'm transferring your call.");
  const [busy, setBusy] = useState(false);
  const ids = useId();

  const result = useMemo(() => {
    try {
      return {
        trace: buildHandoffTrace({
          destination,
          reason: reason.trim() || undefined,
          utterance,
          variables: { ...samples, ...values },
          hosts,
          agentName,
          behaviour: busy ? "busy" : "answers",
          seed: destination.id,
        }),
      };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [destination, reason, utterance, samples, values, hosts, agentName, busy]);

  return (
    <Modal wide title={`Preview call routing: ${destination.name}`} onClose={onClose} testId="preview-panel">
      <div className="space-y-4">
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="method-note">
          <strong>{METHOD_INFO[destination.method].label}.</strong> {methodNote(destination.method)}
        </p>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium">Sample values</legend>
          {used.map((name) => (
            <div key={name}>
              <label htmlFor={`${ids}-${name}`} className="mb-1 block font-mono text-xs">
                ${name}
              </label>
              <input
                id={`${ids}-${name}`}
                value={values[name] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                className={inputClass}
              />
            </div>
          ))}
          <div>
            <label htmlFor={`${ids}-reason`} className="mb-1 block text-xs font-medium">
              Reason
            </label>
            <input
              id={`${ids}-reason`}
              value={reason}
              placeholder={`${destination.name} (destination name)`}
              onChange={(e) => setReason(e.target.value)}
              className={`${inputClass} font-mono`}
            />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={`${ids}-utterance`} className="mb-1 block text-xs font-medium">
              Pre-handoff utterance
            </label>
            <input
              id={`${ids}-utterance`}
              value={utterance}
              onChange={(e) => setUtterance(e.target.value)}
              className={inputClass}
            />
          </div>
          {destination.method !== "bye" && (
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" checked={busy} onChange={(e) => setBusy(e.target.checked)} />
              Destination is busy (486 Busy Here): see the failure ladder
            </label>
          )}
        </fieldset>
        {"trace" in result && result.trace ? (
          <TraceViewer trace={result.trace} fileName={`${destination.name.replace(/[^\w.-]+/g, "_")}-trace.txt`} />
        ) : (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.error}
          </p>
        )}
      </div>
    </Modal>
  );
}
