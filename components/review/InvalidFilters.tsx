import Link from "next/link";

/** Shown instead of the table when the URL's filters do not parse: every problem by parameter. */
export function InvalidFilters({ errors, clearHref }: { errors: Record<string, string>; clearHref: string }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
      data-testid="invalid-filters"
    >
      <p className="font-medium">These filters cannot be applied:</p>
      <ul className="mt-1 list-disc pl-5">
        {Object.entries(errors).map(([name, message]) => (
          <li key={name}>
            <code className="font-mono">{name}</code>: {message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        Fix them above, or{" "}
        <Link href={clearHref} className="font-medium underline">
          clear the filters
        </Link>
        .
      </p>
    </div>
  );
}
