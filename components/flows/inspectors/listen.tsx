import { useMemo } from "react";
import { inputClass } from "@/components/ui/FieldMessages";
import { MAX_RETRIES, branchLabel, createIdGenerator } from "@/lib/flow";
import { AddButton, Field, RemoveButton, VariableField, removeAt, replaceAt, type InspectorProps } from "./fields";

function BranchLabel({ htmlFor, hint, children }: { htmlFor: string; hint?: string; children: React.ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-700">
      {children}
      {hint && <span className="ml-1 font-normal text-slate-500">({hint})</span>}
    </label>
  );
}

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
          const id = `${nodeId}-branch-${b.id}`;
          const set = (patch: Partial<typeof b>, key?: string) =>
            update({ branches: replaceAt(branches, i, { ...b, ...patch }) }, key && `branch.${i}.${key}`);
          return (
            <div key={b.id} className="space-y-1.5 rounded-md border border-slate-200 p-2">
              {/* Visible labels stay when a field is filled (a placeholder would vanish): examples vs keywords. */}
              <BranchLabel htmlFor={`${id}-label`}>Label</BranchLabel>
              <div className="flex items-center gap-1">
                <input
                  id={`${id}-label`}
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
              <BranchLabel htmlFor={`${id}-examples`} hint="one per line, matched by meaning">
                Examples
              </BranchLabel>
              <textarea
                id={`${id}-examples`}
                aria-label={`Branch ${i + 1} examples`}
                rows={2}
                value={b.examples.join("\n")}
                placeholder="I have a question about my bill"
                className={inputClass}
                onChange={(e) => set({ examples: e.target.value.split("\n") }, "examples")}
              />
              <BranchLabel htmlFor={`${id}-keywords`} hint="comma-separated, whole words">
                Keywords
              </BranchLabel>
              <input
                id={`${id}-keywords`}
                aria-label={`Branch ${i + 1} keywords`}
                value={b.keywords.join(",")}
                placeholder="bill, invoice"
                className={inputClass}
                onChange={(e) => set({ keywords: e.target.value === "" ? [] : e.target.value.split(",") }, "keywords")}
              />
              <BranchLabel htmlFor={`${id}-regex`} hint="optional, case-insensitive">
                Regex
              </BranchLabel>
              <input
                id={`${id}-regex`}
                aria-label={`Branch ${i + 1} regex`}
                value={b.regex ?? ""}
                placeholder="\b(bill|invoice)s?\b"
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
