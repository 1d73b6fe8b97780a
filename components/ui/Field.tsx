"use client";

import { FieldMessages } from "./FieldMessages";

/** A labelled form field with its hint, error and warning (forms and the flow inspectors share it). */
export function Field({
  id,
  label,
  error,
  warning,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  /** Advisory (a lint warning): shown in amber under the field; an error wins. */
  warning?: string;
  hint?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldMessages id={id} error={error} warning={warning} />
    </div>
  );
}
