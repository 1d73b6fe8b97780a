"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import { Button } from "@/components/ui/Button";
import { HANDOFF_METHODS, METHOD_INFO } from "@/lib/handoffs/types";
import { HANDOFF_SOURCES, OUTCOMES } from "@/lib/handoffs/record";
import { TRANSFER_OUTCOME_LABELS, TRANSFER_OUTCOMES } from "@/lib/handoffs/outcomes";
import { OUTCOME_LABEL } from "./format";
import { FILTER_FIELDS, hasFilters, reviewHref, type FilterField, type FilterValues } from "./url";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filter form. Applying it navigates to the list's URL with the filters as search params (the
 * server parses them with the API's schema), starting again from the newest page. Without
 * JavaScript it is a plain GET form.
 */
export function ReviewFilters({
  base,
  values,
  errors,
  limit,
  reasons,
  destinations,
  versions,
}: {
  base: string;
  values: FilterValues;
  errors: Partial<Record<string, string>>;
  limit?: string;
  reasons: readonly string[];
  destinations: readonly string[];
  /** The agent's published versions, newest first. */
  versions: readonly number[];
}) {
  const router = useRouter();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = Object.fromEntries(FILTER_FIELDS.map((f) => [f, String(data.get(f) ?? "")])) as FilterValues;
    router.push(reviewHref(base, next, { limit }));
  }

  const field = (name: FilterField) => ({
    id: `filter-${name}`,
    name,
    defaultValue: values[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(`filter-${name}`, errors[name]),
  });
  const select = (name: FilterField, label: string, options: readonly { value: string; label: string }[]) => (
    <Cell name={name} label={label} error={errors[name]}>
      <select {...field(name)} className={inputClass}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {/* Keep an invalid value visible so its error makes sense. */}
        {values[name] !== "" && !options.some((o) => o.value === values[name]) && (
          <option value={values[name]}>{values[name]}</option>
        )}
      </select>
    </Cell>
  );
  const date = (name: "from" | "to", label: string) => (
    <Cell name={name} label={label} error={errors[name]}>
      {/* A date picker for days; text when the URL holds a date-time (the API accepts both). */}
      <input
        {...field(name)}
        type={values[name] === "" || DATE_ONLY.test(values[name]) ? "date" : "text"}
        className={inputClass}
      />
    </Cell>
  );

  return (
    <form
      method="get"
      action={base}
      onSubmit={onSubmit}
      aria-label="Filter conversations"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Cell name="q" label="Text in transcript" error={errors.q} wide>
          <input {...field("q")} type="search" placeholder="e.g. refund" className={inputClass} />
        </Cell>
        <Cell name="reason" label="Reason" error={errors.reason}>
          <input
            {...field("reason")}
            list="filter-reason-options"
            placeholder="e.g. billing"
            autoComplete="off"
            className={`${inputClass} font-mono`}
          />
          <datalist id="filter-reason-options">
            {reasons.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </Cell>
        <Cell name="destination" label="Destination" error={errors.destination}>
          <input
            {...field("destination")}
            list="filter-destination-options"
            autoComplete="off"
            className={inputClass}
          />
          <datalist id="filter-destination-options">
            {destinations.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </Cell>
        {select(
          "outcome",
          "Outcome",
          OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] })),
        )}
        {select(
          "transfer_outcome",
          "Transfer",
          TRANSFER_OUTCOMES.map((o) => ({ value: o, label: TRANSFER_OUTCOME_LABELS[o] })),
        )}
        {select(
          "method",
          "Method",
          HANDOFF_METHODS.map((m) => ({ value: m, label: METHOD_INFO[m].badge })),
        )}
        {select(
          "source",
          "Source",
          HANDOFF_SOURCES.map((s) => ({ value: s, label: s })),
        )}
        {select("version", "Ran", [
          { value: "draft", label: "Draft" },
          ...versions.map((n) => ({ value: String(n), label: `Version ${n}` })),
        ])}
        {date("from", "From (UTC)")}
        {date("to", "To (UTC, inclusive)")}
      </div>
      {limit && <input type="hidden" name="limit" value={limit} />}
      <div className="mt-3 flex items-center gap-2">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {(hasFilters(values) || Object.keys(errors).length > 0) && (
          <Link href={base} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}

function Cell({
  name,
  label,
  error,
  wide,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <label htmlFor={`filter-${name}`} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      <FieldMessages id={`filter-${name}`} error={error} />
    </div>
  );
}
