"use client";

import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/FieldMessages";
import { useSimulator } from "./context";

/** Call details and variable values before the call; nothing here is saved except with the call. */
export function CallDetailsForm({ runnerNote }: { runnerNote?: string | null }) {
  const details = useSimulator((s) => s.details);
  const edit = useSimulator((s) => s.editDetails);
  const start = useSimulator((s) => s.start);
  const id = useId();
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
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={details.busy} onChange={(e) => edit({ busy: e.target.checked })} />
        Handoff destination is busy (see the failed transfer and the agent staying on the call)
      </label>
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
