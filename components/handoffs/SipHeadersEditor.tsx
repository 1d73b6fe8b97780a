"use client";

import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { VariableInput, type VariableOption } from "@/components/ui/VariableInput";
import type { FieldErrors } from "@/lib/handoffs/schema";
import { newRowKey, type DestinationDraft } from "./draft";

type Rows = DestinationDraft["sipHeaders"];

export function SipHeadersEditor({
  rows,
  onChange,
  errors,
  warnings,
  variables,
}: {
  rows: Rows;
  onChange: (rows: Rows) => void;
  errors: FieldErrors;
  warnings: FieldErrors;
  variables: readonly VariableOption[];
}) {
  const update = (key: number, patch: Partial<Rows[number]>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <fieldset className="space-y-2" data-testid="sip-headers">
      <legend className="text-sm font-medium">SIP headers</legend>
      <p className="text-xs text-slate-500">
        Sent with the transfer. Use <code className="font-mono">$variables</code> in values, e.g.{" "}
        <code className="font-mono">$customer_id</code>.
      </p>
      {rows.map((row, i) => {
        const nameKey = `sipHeaders.${i}.name`;
        const valueKey = `sipHeaders.${i}.value`;
        const nameId = `header-${row.key}-name`;
        const valueId = `header-${row.key}-value`;
        return (
          <div
            key={row.key}
            className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2"
            data-testid="sip-header-row"
          >
            <div>
              <input
                id={nameId}
                aria-label="Header name"
                aria-invalid={!!errors[nameKey]}
                aria-describedby={describedBy(nameId, errors[nameKey], warnings[nameKey])}
                placeholder="X-Customer-ID"
                spellCheck={false}
                value={row.name}
                onChange={(e) => update(row.key, { name: e.target.value })}
                className={`${inputClass} font-mono`}
              />
              <FieldMessages id={nameId} error={errors[nameKey]} warning={warnings[nameKey]} />
            </div>
            <div>
              <VariableInput
                id={valueId}
                aria-label="Header value"
                aria-invalid={!!errors[valueKey]}
                aria-describedby={describedBy(valueId, errors[valueKey], warnings[valueKey])}
                placeholder="$customer_id"
                value={row.value}
                variables={variables}
                onChange={(value) => update(row.key, { value })}
              />
              <FieldMessages id={valueId} error={errors[valueKey]} warning={warnings[valueKey]} />
            </div>
            <Button
              variant="ghost"
              aria-label={`Remove header ${i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              ✕
            </Button>
          </div>
        );
      })}
      {errors.sipHeaders && (
        <p role="alert" className="text-xs text-red-700">
          {errors.sipHeaders}
        </p>
      )}
      <Button onClick={() => onChange([...rows, { key: newRowKey(), name: "", value: "" }])}>
        <span aria-hidden>+</span> Add SIP Header
      </Button>
    </fieldset>
  );
}
