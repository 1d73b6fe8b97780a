import { useMemo } from "react";
import { inputClass } from "@/components/ui/FieldMessages";
import { MAX_RETRIES, branchLabel, createIdGenerator } from "@/lib/flow";
import { AddButton, Field, RemoveButton, VariableField, removeAt, replaceAt, type InspectorProps } from "./fields";

/** Examples one per line, keywords comma-separated; blanks are kept while typing and ignored by matching. */
export function ListenInspector({ nodeId, data, update }: InspectorProps<"listen">) {
  const ids = useMemo(() => createIdGenerator(), []);
  const branches = data.branches;
  return (
    <div className="space-y-3">
      <VariableField
        id={`${nodeId}-prompt`}
        label="Prompt"
        value={data.prompt}
        onChange={(prompt) => update({ prompt }, "prompt")}
        placeholder="Optional question before listening"
      />
      <Field id={`${nodeId}-retries`} label="Retries on no match">
        <input
          id={`${nodeId}-retries`}
          type="number"
          min={0}
          max={MAX_RETRIES}
          value={data.retries}
          className={`${inputClass} w-24`}
          onChange={(e) =>
            update({ retries: Math.max(0, Math.min(MAX_RETRIES, Math.trunc(Number(e.target.value) || 0))) })
          }
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Branches</legend>
        {branches.map((b, i) => {
          const set = (patch: Partial<typeof b>, key?: string) =>
            update({ branches: replaceAt(branches, i, { ...b, ...patch }) }, key && `branch.${i}.${key}`);
          return (
            <div key={b.id} className="space-y-1 rounded-md border border-slate-200 p-2">
              <div className="flex items-center gap-1">
                <input
                  aria-label={`Branch ${i + 1} label`}
                  value={b.label}
                  placeholder={branchLabel(b, i)}
                  className={inputClass}
                  onChange={(e) => set({ label: e.target.value }, "label")}
                />
                <RemoveButton
                  label={`Remove branch ${branchLabel(b, i)}`}
                  onClick={() => update({ branches: removeAt(branches, i) })}
                />
              </div>
              <textarea
                aria-label={`Branch ${i + 1} examples`}
                rows={2}
                value={b.examples.join("\n")}
                placeholder="Examples, one per line"
                className={inputClass}
                onChange={(e) => set({ examples: e.target.value.split("\n") }, "examples")}
              />
              <input
                aria-label={`Branch ${i + 1} keywords`}
                value={b.keywords.join(",")}
                placeholder="Keywords, comma-separated"
                className={inputClass}
                onChange={(e) => set({ keywords: e.target.value === "" ? [] : e.target.value.split(",") }, "keywords")}
              />
              <input
                aria-label={`Branch ${i + 1} regex`}
                value={b.regex ?? ""}
                placeholder="Regex (optional, case-insensitive)"
                spellCheck={false}
                className={`${inputClass} font-mono`}
                onChange={(e) => set({ regex: e.target.value }, "regex")}
              />
            </div>
          );
        })}
        <AddButton
          onClick={() =>
            update({ branches: [...branches, { id: ids.branch(), label: "", examples: [], keywords: [] }] })
          }
        >
          Add branch
        </AddButton>
      </fieldset>
    </div>
  );
}
