import { Badge } from "@/components/ui/Badge";
import type { ChangeStatus, DocumentDiff, FieldChange } from "@/lib/versions/diff";
import { formatDiffValue } from "@/lib/versions/format";

const STATUS_TONE = { added: "green", removed: "amber", changed: "blue" } as const;
/** A flow where every node moved would be tens of thousands of rows: show this many per flow. */
const MAX_NODES_SHOWN = 300;

function StatusBadge({ status }: { status: ChangeStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} data-testid="change-status">
      {status}
    </Badge>
  );
}

function Value({ value }: { value: unknown }) {
  const text = formatDiffValue(value);
  return value === undefined ? (
    <span className="text-slate-500">—</span>
  ) : (
    <span className="whitespace-pre-wrap break-words font-mono text-xs">{text}</span>
  );
}

/** Field | before | after, one row per changed field. */
function Fields({ fields, label }: { fields: FieldChange[]; label: string }) {
  return (
    <table className="mt-1 w-full table-fixed border-collapse text-sm" aria-label={label}>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="w-1/4 py-1 pr-2 font-medium">Field</th>
          <th className="w-[37.5%] py-1 pr-2 font-medium">Before</th>
          <th className="w-[37.5%] py-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr
            key={f.field}
            className="border-t border-slate-100 align-top"
            data-testid="field-change"
            data-field={f.field}
          >
            <td className="py-1 pr-2 font-mono text-xs">{f.field}</td>
            <td className="bg-red-50/60 py-1 pr-2">
              <Value value={f.before} />
            </td>
            <td className="bg-emerald-50/60 py-1">
              <Value value={f.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="mb-6" aria-label={title}>
      <h2 className="mb-2 text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({count})</span>
      </h2>
      <div className="space-y-3">{children}</div>
    </section>
  );
}

function Card({ children, testId, name }: { children: React.ReactNode; testId: string; name: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3" data-testid={testId} data-name={name}>
      {children}
    </div>
  );
}

/** A unified diff with removed lines red and added lines green. */
function Patch({ patch }: { patch: string }) {
  const lines = patch.replace(/\n$/, "").split("\n");
  return (
    <pre className="mt-2 max-h-[32rem] overflow-auto rounded bg-slate-950 p-2 text-xs leading-5" data-testid="patch">
      {lines.map((l, i) => (
        <div
          key={i}
          className={
            l.startsWith("@@")
              ? "text-sky-300"
              : l.startsWith("+++") || l.startsWith("---")
                ? "text-slate-400"
                : l.startsWith("+")
                  ? "bg-emerald-900/50 text-emerald-200"
                  : l.startsWith("-")
                    ? "bg-red-900/50 text-red-200"
                    : "text-slate-300"
          }
        >
          {l || " "}
        </div>
      ))}
    </pre>
  );
}

/** What changed between two agent documents, section by section. */
export function DiffView({ diff }: { diff: DocumentDiff }) {
  if (diff.identical) {
    return (
      <p
        className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600"
        data-testid="no-differences"
      >
        No differences.
      </p>
    );
  }
  return (
    <div data-testid="diff">
      <Section title="Agent settings" count={diff.agent.length}>
        <Card testId="settings-change" name="agent">
          <Fields fields={diff.agent} label="Agent settings" />
        </Card>
      </Section>
      <Section title="Handoff destinations" count={diff.destinations.length}>
        {diff.destinations.map((d) => (
          <Card key={`${d.status}:${d.name}`} testId="destination-change" name={d.name}>
            <h3 className="font-medium">
              {d.name} <StatusBadge status={d.status} />
            </h3>
            <Fields fields={d.fields} label={`Destination ${d.name}`} />
          </Card>
        ))}
      </Section>
      <Section title="Knowledge topics" count={diff.topics.length}>
        {diff.topics.map((t) => (
          <Card key={`${t.status}:${t.name}`} testId="topic-change" name={t.name}>
            <h3 className="font-medium">
              {t.name} <StatusBadge status={t.status} />
            </h3>
            <Fields fields={t.fields} label={`Topic ${t.name}`} />
          </Card>
        ))}
      </Section>
      <Section title="Scenarios" count={diff.scenarios.length}>
        {diff.scenarios.map((t) => (
          <Card key={`${t.status}:${t.name}`} testId="scenario-change" name={t.name}>
            <h3 className="font-medium">
              {t.name} <StatusBadge status={t.status} />
            </h3>
            <Fields fields={t.fields} label={`Scenario ${t.name}`} />
          </Card>
        ))}
      </Section>
      <Section title="Flows" count={diff.flows.length}>
        {diff.flows.map((f) => (
          <Card key={`${f.status}:${f.name}`} testId="flow-change" name={f.name}>
            <h3 className="font-medium">
              {f.name} <StatusBadge status={f.status} />{" "}
              <span className="text-xs font-normal text-slate-500">
                {f.nodes.length} node{f.nodes.length === 1 ? "" : "s"}, {f.edges.length} edge
                {f.edges.length === 1 ? "" : "s"} {f.status === "changed" ? "changed" : f.status}
              </span>
            </h3>
            {f.status === "changed" && (
              <ul className="mt-2 space-y-2">
                {f.nodes.slice(0, MAX_NODES_SHOWN).map((n) => (
                  <li
                    key={n.id}
                    data-testid="node-change"
                    data-node={n.id}
                    className="rounded border border-slate-100 p-2"
                  >
                    <span className="font-mono text-xs">{n.id}</span>{" "}
                    <span className="text-xs text-slate-500">{n.type}</span> <StatusBadge status={n.status} />
                    {n.status === "changed" && <Fields fields={n.fields} label={`Node ${n.id}`} />}
                  </li>
                ))}
                {f.nodes.length > MAX_NODES_SHOWN && (
                  <li className="text-xs text-slate-600" data-testid="nodes-not-shown">
                    …and {f.nodes.length - MAX_NODES_SHOWN} more changed nodes, not shown here (the API&apos;s diff
                    lists them all).
                  </li>
                )}
                {f.edges.length > 0 && (
                  <li className="rounded border border-slate-100 p-2 text-xs" data-testid="edge-changes">
                    <span className="font-medium">Edges</span>
                    <ul className="mt-1 space-y-0.5 font-mono">
                      {f.edges.slice(0, MAX_NODES_SHOWN).map((e) => (
                        <li key={e.id}>
                          <StatusBadge status={e.status} /> {e.id}: {e.before ?? ""}
                          {e.before && e.after ? " ⇒ " : ""}
                          {e.after ?? ""}
                        </li>
                      ))}
                      {f.edges.length > MAX_NODES_SHOWN && <li>…and {f.edges.length - MAX_NODES_SHOWN} more edges</li>}
                    </ul>
                  </li>
                )}
              </ul>
            )}
          </Card>
        ))}
      </Section>
      <Section title="Functions" count={diff.functions.length}>
        {diff.functions.map((f) => (
          <Card key={`${f.status}:${f.name}`} testId="function-change" name={f.name}>
            <h3 className="font-medium">
              {f.name} <StatusBadge status={f.status} />{" "}
              <span className="text-xs font-normal text-slate-500">
                +{f.linesAdded} −{f.linesRemoved}
              </span>
            </h3>
            {f.fields.length > 0 && <Fields fields={f.fields} label={`Function ${f.name}`} />}
            {f.patch && <Patch patch={f.patch} />}
          </Card>
        ))}
      </Section>
      <Section title="Variables" count={diff.variables.length}>
        {diff.variables.map((v) => (
          <Card key={`${v.status}:${v.name}`} testId="variable-change" name={v.name}>
            <h3 className="font-medium">
              {v.name} <StatusBadge status={v.status} />
            </h3>
            <Fields fields={v.fields} label={`Variable ${v.name}`} />
          </Card>
        ))}
      </Section>
    </div>
  );
}
