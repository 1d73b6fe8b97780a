import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";

/** A labelled input of the sign-in forms, with its field error under it. */
export function AuthField({
  id,
  label,
  type = "text",
  autoComplete,
  error,
  defaultValue,
}: {
  id: string;
  label: string;
  type?: string;
  autoComplete: string;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        className={inputClass}
      />
      <FieldMessages id={id} error={error} />
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
