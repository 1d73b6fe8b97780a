import { useMemo } from "react";
import { inputClass } from "@/components/ui/FieldMessages";
import { VariableInput } from "@/components/ui/VariableInput";
import { CONDITION_OPERATORS, OPERATOR_INFO, createIdGenerator, type ConditionOperator } from "@/lib/flow";
import { useEditorStore } from "@/components/flows/store/context";
import { AddButton, RemoveButton, removeAt, replaceAt, type InspectorProps } from "./fields";

export function ConditionInspector({ data, update }: InspectorProps<"condition">) {
  const variables = useEditorStore((s) => s.variableOptions);
  const ids = useMemo(() => createIdGenerator(), []);
  const rules = data.rules;
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium">Rules (first that holds wins; otherwise Else)</legend>
      {rules.map((r, i) => (
        <div key={r.id} className="space-y-1 rounded-md border border-slate-200 p-2">
          <div className="flex items-center gap-1">
            <span className="text-slate-500">$</span>
            <input
              aria-label={`Rule ${i + 1} variable`}
              value={r.variable}
              spellCheck={false}
              className={`${inputClass} font-mono`}
              onChange={(e) =>
                update({ rules: replaceAt(rules, i, { ...r, variable: e.target.value }) }, `rule.${i}.variable`)
              }
            />
            <RemoveButton label={`Remove rule ${i + 1}`} onClick={() => update({ rules: removeAt(rules, i) })} />
          </div>
          <select
            aria-label={`Rule ${i + 1} operator`}
            value={r.operator}
            className={inputClass}
            onChange={(e) =>
              update({ rules: replaceAt(rules, i, { ...r, operator: e.target.value as ConditionOperator }) })
            }
          >
            {CONDITION_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {OPERATOR_INFO[op].label}
              </option>
            ))}
          </select>
          {OPERATOR_INFO[r.operator].takesValue && (
            <VariableInput
              aria-label={`Rule ${i + 1} value`}
              value={r.value}
              variables={variables}
              onChange={(value) => update({ rules: replaceAt(rules, i, { ...r, value }) }, `rule.${i}.value`)}
            />
          )}
        </div>
      ))}
      <AddButton
        onClick={() => update({ rules: [...rules, { id: ids.rule(), variable: "", operator: "equals", value: "" }] })}
      >
        Add rule
      </AddButton>
    </fieldset>
  );
}
