/** The error (blocking) and warning (advisory) lines under a form field. */
export function FieldMessages({ id, error, warning }: { id: string; error?: string; warning?: string }) {
  return (
    <>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700" data-testid="field-error">
          {error}
        </p>
      )}
      {!error && warning && (
        <p id={`${id}-warning`} className="mt-1 text-xs text-amber-700" data-testid="field-warning">
          {warning}
        </p>
      )}
    </>
  );
}

export function describedBy(id: string, error?: string, warning?: string): string | undefined {
  if (error) return `${id}-error`;
  if (warning) return `${id}-warning`;
  return undefined;
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500";
