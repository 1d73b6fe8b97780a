import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import { AUDIT_TARGET_LABELS, AUDIT_TARGETS, type AuditEntry } from "@/lib/audit/types";
import { formatUtc } from "@/lib/time/utc";

interface Props {
  basePath: string;
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  entries: AuditEntry[];
  nextBefore: number | null;
  actors: { id: string; name: string }[];
  agents: { id: string; name: string }[];
}

/** `destination.updated` → `updated`; the target column says what it was. */
function verb(action: string): string {
  return (action.split(".")[1] ?? action).replace(/_/g, " ");
}

export function AuditLogView({ basePath, values, fieldErrors, entries, nextBefore, actors, agents }: Props) {
  const agentName = new Map(agents.map((a) => [a.id, a.name]));
  const olderHref = () => {
    const q = new URLSearchParams(values);
    q.set("before", String(nextBefore));
    return `${basePath}?${q.toString()}`;
  };
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`audit-${name}`} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={`audit-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        aria-invalid={fieldErrors[name] ? true : undefined}
        className={inputClass}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={`audit-${name}`} error={fieldErrors[name]} />
    </div>
  );
  const date = (name: string, label: string) => (
    <div>
      <label htmlFor={`audit-${name}`} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={`audit-${name}`}
        name={name}
        type="date"
        defaultValue={values[name] ?? ""}
        aria-invalid={fieldErrors[name] ? true : undefined}
        className={inputClass}
      />
      <FieldMessages id={`audit-${name}`} error={fieldErrors[name]} />
    </div>
  );
  const unknown = Object.entries(fieldErrors).filter(([k]) => !["actor", "type", "agent", "from", "to"].includes(k));

  return (
    <section aria-labelledby="audit-heading" className="space-y-5">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every change, newest first: who, when, what, and a short before → after. Entries cannot be edited or deleted.
          A flow&apos;s autosaves by one person within a minute of each other are one entry. The same list is at{" "}
          <code className="font-mono">GET /api/v1/audit</code>.
        </p>
      </div>

      <form method="get" action={basePath} aria-label="Audit filters" className="grid grid-cols-6 items-end gap-3">
        {select(
          "actor",
          "Who",
          actors.map((a) => ({ value: a.id, label: a.name })),
        )}
        {select(
          "type",
          "What",
          AUDIT_TARGETS.map((t) => ({ value: t, label: AUDIT_TARGET_LABELS[t] })),
        )}
        {select(
          "agent",
          "Agent",
          agents.map((a) => ({ value: a.id, label: a.name })),
        )}
        {date("from", "From (UTC)")}
        {date("to", "To (UTC)")}
        <div className="flex gap-2">
          <Button variant="primary" type="submit">
            Apply filters
          </Button>
          <Link href={basePath} className="self-center text-sm text-slate-600 underline" prefetch={false}>
            Clear
          </Link>
        </div>
      </form>
      {unknown.length > 0 && (
        <ul role="alert" className="text-sm text-red-700" data-testid="filter-errors">
          {unknown.map(([k, m]) => (
            <li key={k}>
              <code className="font-mono">{k}</code>: {m}
            </li>
          ))}
        </ul>
      )}

      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
          No changes match.
        </p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="audit-table">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-semibold">When</th>
              <th className="py-2 pr-3 font-semibold">Who</th>
              <th className="py-2 pr-3 font-semibold">What</th>
              <th className="py-2 pr-3 font-semibold">Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr
                key={e.id}
                className="border-b border-slate-100 align-top"
                data-testid="audit-row"
                data-action={e.action}
              >
                <td className="whitespace-nowrap py-2 pr-3">
                  <time dateTime={e.at}>{formatUtc(e.at, "minute")}</time>
                  {e.burst && e.burst.saves > 1 && (
                    <div className="text-xs text-slate-500">
                      {e.burst.saves} saves until {formatUtc(e.burst.lastAt, "minute").slice(11)}
                    </div>
                  )}
                </td>
                <td className="py-2 pr-3" data-testid="audit-actor" title={e.actor.email ?? undefined}>
                  {e.actor.name}
                  {e.actor.via !== "app" && <span className="ml-1 text-xs text-slate-500">via {e.actor.via}</span>}
                </td>
                <td className="py-2 pr-3">
                  <span className="text-slate-500">{AUDIT_TARGET_LABELS[e.targetType] ?? e.targetType}</span>{" "}
                  <span className="font-medium" data-testid="audit-target">
                    {e.targetName}
                  </span>{" "}
                  <span className="text-slate-500">{verb(e.action)}</span>
                  {e.agentId && agentName.has(e.agentId) && e.targetType !== "agent" && (
                    <div className="text-xs text-slate-500">in {agentName.get(e.agentId)}</div>
                  )}
                </td>
                <td className="py-2 pr-3 text-slate-700" data-testid="audit-summary">
                  {e.summary}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore !== null && (
        <Link href={olderHref()} prefetch={false} className="text-sm font-medium text-brand-700 underline">
          Older →
        </Link>
      )}
    </section>
  );
}
