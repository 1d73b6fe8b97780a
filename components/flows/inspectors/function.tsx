import { inputClass } from "@/components/ui/FieldMessages";
import { VariableInput } from "@/components/ui/VariableInput";
import { useEditorStore } from "@/components/flows/store/context";
import { AddButton, Field, RemoveButton, removeAt, replaceAt, type InspectorProps } from "./fields";
import { EditFunctionButton } from "@/components/flows/panels/EditFunctionButton";
import { functionSignature, parameterLabel } from "@/lib/functions/parameters";

export function FunctionInspector({ nodeId, data, update }: InspectorProps<"function">) {
  const functions = useEditorStore((s) => s.lintContext.functions);
  const variables = useEditorStore((s) => s.variableOptions);
  const chosen = functions.find((f) => f.name === data.functionName);
  const known = chosen !== undefined;
  // Typed parameters (docs/design.md §4), read from the def line: what the arguments should supply.
  const signature = chosen ? functionSignature(chosen.code, chosen.name) : null;
  const args = data.arguments;
  return (
    <div className="space-y-3">
      <Field
        id={`${nodeId}-function`}
        label="Function"
        hint={functions.length === 0 ? "This agent has no functions yet." : undefined}
      >
        <select
          id={`${nodeId}-function`}
          value={data.functionName}
          className={inputClass}
          onChange={(e) => update({ functionName: e.target.value })}
        >
          <option value="">Choose a function…</option>
          {functions.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
          {!known && data.functionName && <option value={data.functionName}>{data.functionName} (missing)</option>}
        </select>
        {known && <EditFunctionButton name={data.functionName} />}
      </Field>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Arguments</legend>
        {signature && (
          <p className="text-xs text-slate-500" data-testid="function-parameters">
            {signature.parameters.length === 0
              ? `${chosen!.name} takes no parameters.`
              : `${chosen!.name} takes ${signature.parameters.map(parameterLabel).join(", ")}.`}
          </p>
        )}
        {args.map((a, i) => (
          <div key={i} className="flex items-center gap-1">
            <input
              aria-label={`Argument ${i + 1} name`}
              value={a.name}
              spellCheck={false}
              className={`${inputClass} w-28 font-mono`}
              onChange={(e) =>
                update({ arguments: replaceAt(args, i, { ...a, name: e.target.value }) }, `arg.${i}.name`)
              }
            />
            <span>=</span>
            <div className="flex-1">
              <VariableInput
                aria-label={`Argument ${i + 1} value`}
                value={a.value}
                variables={variables}
                onChange={(value) => update({ arguments: replaceAt(args, i, { ...a, value }) }, `arg.${i}.value`)}
              />
            </div>
            <RemoveButton label={`Remove argument ${i + 1}`} onClick={() => update({ arguments: removeAt(args, i) })} />
          </div>
        ))}
        <AddButton onClick={() => update({ arguments: [...args, { name: "", value: "" }] })}>Add argument</AddButton>
      </fieldset>
    </div>
  );
}
