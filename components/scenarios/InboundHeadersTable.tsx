"use client";

import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import type { FormErrors } from "./form-fields";

type Row = { name: string; value: string };

/** The scenario's inbound INVITE headers (`conv.sip_headers`): a row each, errors under their cell. */
export function InboundHeadersTable({
  rows,
  errors,
  onChange,
}: {
  rows: readonly Row[];
  errors: FormErrors;
  onChange: (rows: Row[]) => void;
}) {
  const id = useId();
  const update = (i: number, patch: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div data-testid="inbound-headers">
      <p className="mb-1 text-sm font-medium">Inbound SIP headers</p>
      <p className="mb-2 text-xs text-slate-500">
        Headers of the caller&apos;s INVITE, read by functions as conv.sip_headers (names like X-Campaign).
      </p>
      {rows.length > 0 && (
        <table className="mb-2 w-full table-fixed text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="pb-1 font-normal">Name</th>
              <th className="pb-1 font-normal">Value</th>
              <th className="w-24">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const nameId = `${id}-${i}-name`;
              const valueId = `${id}-${i}-value`;
              const nameErr = errors[`sipHeaders.${i}.name`];
              const valueErr = errors[`sipHeaders.${i}.value`];
              return (
                <tr key={i} className="align-top">
                  <td className="pb-2 pr-2">
                    <input
                      id={nameId}
                      aria-label={`Header ${i + 1} name`}
                      value={r.name}
                      placeholder="X-Campaign"
                      aria-invalid={nameErr ? true : undefined}
                      aria-describedby={describedBy(nameId, nameErr)}
                      onChange={(e) => update(i, { name: e.target.value })}
                      className={inputClass}
                    />
                    <FieldMessages id={nameId} error={nameErr} />
                  </td>
                  <td className="pb-2 pr-2">
                    <input
                      id={valueId}
                      aria-label={`Header ${i + 1} value`}
                      value={r.value}
                      aria-invalid={valueErr ? true : undefined}
                      aria-describedby={describedBy(valueId, valueErr)}
                      onChange={(e) => update(i, { value: e.target.value })}
                      className={inputClass}
                    />
                    <FieldMessages id={valueId} error={valueErr} />
                  </td>
                  <td className="pb-2 text-right">
                    <Button variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                      Remove
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Button onClick={() => onChange([...rows, { name: "", value: "" }])}>Add header</Button>
    </div>
  );
}
