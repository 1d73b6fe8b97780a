"use client";

import { describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Field } from "@/components/ui/Field";
import { VariableInput } from "@/components/ui/VariableInput";
import type { NodeDataOf, NodeKind } from "@/lib/flow";
import { useEditorStore } from "@/components/flows/store/context";

/** What every per-kind inspector receives. `key` groups typing in one field into one undo step. */
export interface InspectorProps<K extends NodeKind> {
  nodeId: string;
  data: NodeDataOf<K>;
  update: (patch: Partial<NodeDataOf<K>>, key?: string) => void;
}

export { Field };

/** A text field with `$variable` highlighting and autocomplete (the agent's and built-in variables). */
export function VariableField({
  id,
  label,
  value,
  onChange,
  placeholder,
  error,
  warning,
  hint,
  multiline,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  error?: string;
  warning?: string;
  hint?: React.ReactNode;
  /** A growing textarea instead of one line. */
  multiline?: boolean;
}) {
  const variables = useEditorStore((s) => s.variableOptions);
  const described = [hint && !error ? `${id}-hint` : undefined, describedBy(id, error, warning)].filter(Boolean);
  return (
    <Field id={id} label={label} error={error} warning={warning} hint={hint}>
      <VariableInput
        id={id}
        value={value}
        onChange={onChange}
        variables={variables}
        placeholder={placeholder}
        multiline={multiline}
        aria-invalid={!!error}
        aria-describedby={described.length > 0 ? described.join(" ") : undefined}
      />
    </Field>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  placeholder,
  error,
  mono,
  hint,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  error?: string;
  mono?: boolean;
  hint?: React.ReactNode;
  maxLength?: number;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error)}
        className={`${inputClass} ${mono ? "font-mono" : ""}`}
      />
    </Field>
  );
}

/** Immutable list helpers for the list-shaped fields (branches, rules, assignments, arguments). */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="rounded px-1.5 text-slate-500 hover:bg-red-50 hover:text-red-700"
    >
      ✕
    </button>
  );
}

export function AddButton({ children, onClick }: { children: React.ReactNode; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="text-sm font-medium text-brand-700 hover:underline">
      + {children}
    </button>
  );
}
