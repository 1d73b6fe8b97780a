import { inputClass } from "@/components/ui/FieldMessages";
import { VariableInput } from "@/components/ui/VariableInput";
import { useEditorStore } from "@/components/flows/store/context";
import { AddButton, RemoveButton, removeAt, replaceAt, type InspectorProps } from "./fields";

export function SetInspector({ data, update }: InspectorProps<"set">) {
  const variables = useEditorStore((s) => s.variableOptions);
  const list = data.assignments;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Assignments</legend>
      {list.map((a, i) => (
        <div key={i} className="flex items-center gap-1">
          <span className="text-slate-500">$</span>
          <input
            aria-label={`Variable ${i + 1}`}
            value={a.variable}
            spellCheck={false}
            className={`${inputClass} w-28 font-mono`}
            onChange={(e) =>
              update({ assignments: replaceAt(list, i, { ...a, variable: e.target.value }) }, `assign.${i}.variable`)
            }
          />
          <span>=</span>
          <div className="flex-1">
            <VariableInput
              aria-label={`Value ${i + 1}`}
              value={a.value}
              variables={variables}
              onChange={(value) => update({ assignments: replaceAt(list, i, { ...a, value }) }, `assign.${i}.value`)}
            />
          </div>
          <RemoveButton
            label={`Remove assignment ${i + 1}`}
            onClick={() => update({ assignments: removeAt(list, i) })}
          />
        </div>
      ))}
      <AddButton onClick={() => update({ assignments: [...list, { variable: "", value: "" }] })}>
        Add assignment
      </AddButton>
    </fieldset>
  );
}
