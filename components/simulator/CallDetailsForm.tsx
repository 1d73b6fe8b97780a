"use client";

import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/FieldMessages";
import { behaviourChoices, type DestinationBehaviour } from "@/lib/handoffs/outcomes";
import { METHOD_INFO, type HandoffDestination } from "@/lib/handoffs/types";
import { useSimulator } from "./context";

/** Call details and variable values before the call; nothing here is saved except with the call. */
export function CallDetailsForm({
  runnerNote,
  destinations,
}: {
  runnerNote?: string | null;
  /** The agent's destinations, to choose how each behaves when the call is transferred to it. */
  destinations: readonly Pick<HandoffDestination, "name" | "method" | "attempts">[];
}) {
  const details = useSimulator((s) => s.details);
  const edit = useSimulator((s) => s.editDetails);
  const start = useSimulator((s) => s.start);
  const detailsError = useSimulator((s) => s.detailsError);
  const id = useId();
  const headers = details.sipHeaders ?? [];
  const setHeaders = (sipHeaders: { name: string; value: string }[]) => edit({ sipHeaders });
  return (
    <form
      className="space-y-3"
      data-testid="call-details"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={`${id}-caller`} className="mb-1 block text-xs font-medium">
            Caller number ($caller_id)
          </label>
          <input
            id={`${id}-caller`}
            value={details.callerId}
            onChange={(e) => edit({ callerId: e.target.value })}
            className={`${inputClass} font-mono`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-called`} className="mb-1 block text-xs font-medium">
            Called number ($called_number)
          </label>
          <input
            id={`${id}-called`}
            value={details.calledNumber}
            onChange={(e) => edit({ calledNumber: e.target.value })}
            className={`${inputClass} font-mono`}
          />
        </div>
      </div>
      {Object.keys(details.variables).length > 0 && (
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Variables (conv.state)
          </legend>
          {Object.entries(details.variables).map(([name, value]) => (
            <div key={name}>
              <label htmlFor={`${id}-var-${name}`} className="mb-1 block font-mono text-xs">
                {name}
              </label>
              <input
                id={`${id}-var-${name}`}
                value={value}
                onChange={(e) => edit({ variables: { ...details.variables, [name]: e.target.value } })}
                className={inputClass}
              />
            </div>
          ))}
        </fieldset>
      )}
      {destinations.length > 0 && (
        <fieldset className="grid grid-cols-2 gap-3" data-testid="destination-behaviours">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Destinations (how each behaves when the call is transferred)
          </legend>
          {destinations.map((d) => {
            const choices = behaviourChoices(d.method);
            const field = `${id}-behaviour-${d.name}`;
            return (
              <div key={d.name}>
                <label htmlFor={field} className="mb-1 block text-xs">
                  {d.name} <span className="text-slate-500">({METHOD_INFO[d.method].badge})</span>
                </label>
                {choices.length === 0 ? (
                  <p id={field} className="text-xs text-slate-500">
                    Always succeeds (BYE hands the call back)
                  </p>
                ) : (
                  <select
                    id={field}
                    value={details.behaviours[d.name] ?? "answers"}
                    onChange={(e) =>
                      edit({
                        behaviours: { ...details.behaviours, [d.name]: e.target.value as DestinationBehaviour },
                      })
                    }
                    className={inputClass}
                  >
                    {choices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                )}
                {d.attempts > 1 && choices.length > 0 && (
                  <p className="mt-0.5 text-xs text-slate-500">Every one of its {d.attempts} attempts</p>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      <fieldset className="space-y-2" data-testid="inbound-sip-headers">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Inbound SIP headers (conv.sip_headers)
        </legend>
        {headers.map((h, i) => {
          const error = detailsError?.index === i ? detailsError : null;
          const errorId = `${id}-header-${i}-error`;
          return (
            <div key={i}>
              <div className="flex items-center gap-1">
                <input
                  aria-label={`Header ${i + 1} name`}
                  value={h.name}
                  placeholder="X-Customer-Tier"
                  spellCheck={false}
                  aria-invalid={error?.field === "name" || undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                  className={`${inputClass} w-44 font-mono`}
                />
                <span>:</span>
                <input
                  aria-label={`Header ${i + 1} value`}
                  value={h.value}
                  placeholder="gold"
                  aria-invalid={error?.field === "value" || undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                  className={`${inputClass} flex-1 font-mono`}
                />
                <Button
                  type="button"
                  aria-label={`Remove header ${i + 1}`}
                  onClick={() => setHeaders(headers.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </div>
              {error && (
                <p id={errorId} role="alert" className="mt-0.5 text-xs text-red-700">
                  {error.message}
                </p>
              )}
            </div>
          );
        })}
        <Button type="button" onClick={() => setHeaders([...headers, { name: "", value: "" }])}>
          Add header
        </Button>
      </fieldset>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-slate-500" data-testid="runner-status">
          {runnerNote}
        </span>
        <Button variant="primary" type="submit">
          Start call
        </Button>
      </div>
    </form>
  );
}
