"use client";

import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import type { ParameterType } from "@/lib/functions/parameters";
import { ARGUMENT_TYPES, type ArgumentType } from "@/lib/scenarios";
import type { FormErrors, ScenarioFormValues } from "./form-fields";

/** A function of the agent as the assertions offer it: its name and the parameters its `def` line declares. */
export interface FunctionChoice {
  name: string;
  parameters: { name: string; type: ParameterType | null }[];
}

type Rows = ScenarioFormValues["functions"];

/** The assertion type a declared parameter type compares as. */
const TYPE_OF: Record<ParameterType, ArgumentType> = {
  str: "string",
  int: "integer",
  float: "number",
  bool: "boolean",
};

/**
 * Expectations "function X was called", each with argument values (name, type, value): passes when
 * any call of X had them all. Names come from the agent's functions and their parameters.
 */
export function FunctionAssertions({
  rows,
  functions,
  errors,
  onChange,
}: {
  rows: Rows;
  functions: readonly FunctionChoice[];
  errors: FormErrors;
  onChange: (rows: Rows) => void;
}) {
  const id = useId();
  const update = (i: number, patch: Partial<Rows[number]>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div data-testid="function-assertions">
      <p className="mb-1 text-sm font-medium">Functions called</p>
      <p className="mb-2 text-xs text-slate-500">
        Passes when any call of the function had every argument listed (in any order).
      </p>
      <datalist id={`${id}-functions`}>
        {functions.map((f) => (
          <option key={f.name} value={f.name} />
        ))}
      </datalist>
      <ol className="space-y-3">
        {rows.map((fn, i) => {
          const nameId = `${id}-${i}-name`;
          const nameErr = errors[`functions.${i}.name`];
          const declared = functions.find((f) => f.name === fn.name.trim())?.parameters ?? [];
          const setArg = (j: number, patch: Partial<Rows[number]["args"][number]>) =>
            update(i, { args: fn.args.map((a, k) => (k === j ? { ...a, ...patch } : a)) });
          return (
            <li key={i} className="rounded-md border border-slate-200 p-2" data-testid="function-assertion">
              <div className="flex items-end gap-2">
                <div className="flex-1">
                  <label htmlFor={nameId} className="mb-1 block text-xs text-slate-600">
                    Function
                  </label>
                  <input
                    id={nameId}
                    list={`${id}-functions`}
                    value={fn.name}
                    placeholder="lookup_account"
                    aria-invalid={nameErr ? true : undefined}
                    aria-describedby={describedBy(nameId, nameErr)}
                    onChange={(e) => update(i, { name: e.target.value })}
                    className={inputClass}
                  />
                </div>
                <Button variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </div>
              <FieldMessages id={nameId} error={nameErr} />
              <datalist id={`${id}-${i}-params`}>
                {declared.map((p) => (
                  <option key={p.name} value={p.name} />
                ))}
              </datalist>
              {fn.args.map((a, j) => {
                const base = `${id}-${i}-${j}`;
                const err = (f: string) => errors[`functions.${i}.args.${j}.${f}`];
                return (
                  <div key={j} className="mt-2 grid grid-cols-[1fr_8rem_1fr_auto] items-start gap-2">
                    <div>
                      <input
                        id={`${base}-name`}
                        aria-label={`Argument ${j + 1} of ${fn.name || "the function"}: name`}
                        list={`${id}-${i}-params`}
                        value={a.name}
                        placeholder="argument"
                        aria-invalid={err("name") ? true : undefined}
                        aria-describedby={describedBy(`${base}-name`, err("name"))}
                        onChange={(e) => {
                          const type = declared.find((p) => p.name === e.target.value)?.type;
                          setArg(j, { name: e.target.value, ...(type ? { type: TYPE_OF[type] } : {}) });
                        }}
                        className={inputClass}
                      />
                      <FieldMessages id={`${base}-name`} error={err("name")} />
                    </div>
                    <div>
                      <select
                        id={`${base}-type`}
                        aria-label={`Argument ${j + 1} of ${fn.name || "the function"}: type`}
                        value={a.type}
                        aria-invalid={err("type") ? true : undefined}
                        aria-describedby={describedBy(`${base}-type`, err("type"))}
                        onChange={(e) => setArg(j, { type: e.target.value as ArgumentType })}
                        className={inputClass}
                      >
                        {ARGUMENT_TYPES.map((t) => (
                          <option key={t} value={t}>
                            {t}
                          </option>
                        ))}
                      </select>
                      <FieldMessages id={`${base}-type`} error={err("type")} />
                    </div>
                    <div>
                      <input
                        id={`${base}-value`}
                        aria-label={`Argument ${j + 1} of ${fn.name || "the function"}: expected value`}
                        value={a.value}
                        placeholder="expected value"
                        aria-invalid={err("value") ? true : undefined}
                        aria-describedby={describedBy(`${base}-value`, err("value"))}
                        onChange={(e) => setArg(j, { value: e.target.value })}
                        className={inputClass}
                      />
                      <FieldMessages id={`${base}-value`} error={err("value")} />
                    </div>
                    <Button variant="ghost" onClick={() => update(i, { args: fn.args.filter((_, k) => k !== j) })}>
                      Remove
                    </Button>
                  </div>
                );
              })}
              <Button
                className="mt-2"
                onClick={() => update(i, { args: [...fn.args, { name: "", value: "", type: "string" }] })}
              >
                Add argument
              </Button>
            </li>
          );
        })}
      </ol>
      <Button className="mt-2" onClick={() => onChange([...rows, { name: "", args: [] }])}>
        Add function
      </Button>
    </div>
  );
}
