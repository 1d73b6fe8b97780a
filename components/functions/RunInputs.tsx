"use client";

import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/FieldMessages";
import type { SampleRow } from "@/lib/functions/sample";

/** Editable sample conv.state (key/value rows) and call variables for a Run. */
export function RunInputs({
  rows,
  onRows,
  callerNumber,
  onCallerNumber,
  calleeNumber,
  onCalleeNumber,
}: {
  rows: SampleRow[];
  onRows: (rows: SampleRow[]) => void;
  callerNumber: string;
  onCallerNumber: (v: string) => void;
  calleeNumber: string;
  onCalleeNumber: (v: string) => void;
}) {
  const set = (i: number, patch: Partial<SampleRow>) => onRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const small = `${inputClass} py-1 font-mono text-xs`;
  return (
    <div className="space-y-3 text-sm">
      <fieldset>
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">conv.state</legend>
        <div className="space-y-1">
          {rows.map((r, i) => (
            <div key={i} className="flex items-center gap-1" data-testid="state-row" data-key={r.key}>
              <input
                aria-label={`State key ${i + 1}`}
                value={r.key}
                spellCheck={false}
                onChange={(e) => set(i, { key: e.target.value })}
                className={small}
                placeholder="key"
              />
              <span className="text-slate-500">=</span>
              <input
                aria-label={`State value ${i + 1}`}
                value={r.value}
                spellCheck={false}
                onChange={(e) => set(i, { value: e.target.value })}
                className={small}
                placeholder="value"
              />
              <button
                type="button"
                aria-label={`Remove state row ${i + 1}`}
                onClick={() => onRows(rows.filter((_, k) => k !== i))}
                className="rounded px-1 text-slate-500 hover:bg-slate-100"
              >
                ✕
              </button>
            </div>
          ))}
        </div>
        <Button
          variant="ghost"
          className="mt-1 px-2 py-0.5 text-xs"
          onClick={() => onRows([...rows, { key: "", value: "" }])}
        >
          + Add state key
        </Button>
      </fieldset>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Call</legend>
        <label className="text-xs text-slate-600">
          $caller_id
          <input
            aria-label="Caller number"
            value={callerNumber}
            onChange={(e) => onCallerNumber(e.target.value)}
            className={small}
          />
        </label>
        <label className="text-xs text-slate-600">
          $called_number
          <input
            aria-label="Called number"
            value={calleeNumber}
            onChange={(e) => onCalleeNumber(e.target.value)}
            className={small}
          />
        </label>
      </fieldset>
    </div>
  );
}
