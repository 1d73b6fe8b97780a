import { Badge } from "@/components/ui/Badge";
import type { AgentDocument } from "@/lib/agent-document";
import { METHOD_INFO } from "@/lib/handoffs/types";

function Heading({ children }: { children: React.ReactNode }) {
  return <h2 className="mb-2 mt-6 text-lg font-semibold">{children}</h2>;
}

/** A version's configuration as published: destinations, functions, variables and settings (read-only). */
export function VersionConfig({ doc }: { doc: AgentDocument }) {
  return (
    <div data-testid="version-config">
      <Heading>Handoff destinations</Heading>
      {doc.destinations.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <table
          className="w-full border-collapse rounded-md border border-slate-200 bg-white text-sm"
          aria-label="Handoff destinations"
        >
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Method</th>
              <th className="px-3 py-2">Route</th>
              <th className="px-3 py-2">SIP headers</th>
              <th className="px-3 py-2">Description</th>
            </tr>
          </thead>
          <tbody>
            {doc.destinations.map((d) => (
              <tr
                key={d.name}
                className="border-t border-slate-100 align-top"
                data-testid="version-destination"
                data-name={d.name}
              >
                <td className="px-3 py-2 font-medium">
                  {d.name} {d.is_default && <Badge tone="violet">DEFAULT</Badge>}
                </td>
                <td className="px-3 py-2">
                  {METHOD_INFO[d.method].badge}
                  {d.method === "refer" && d.sip_headers.length > 0 && (
                    <span className="block text-xs text-slate-500">headers: {d.refer_header_placement}</span>
                  )}
                </td>
                <td className="px-3 py-2 font-mono text-xs" data-testid="version-destination-route">
                  {d.route ?? "—"}
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  {d.sip_headers.length === 0
                    ? "—"
                    : d.sip_headers.map((h) => <div key={h.name}>{`${h.name}: ${h.value}`}</div>)}
                </td>
                <td className="px-3 py-2 text-slate-600">{d.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Heading>Functions</Heading>
      {doc.functions.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        doc.functions.map((f) => (
          <details key={f.name} className="mb-2 rounded-md border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer text-sm">
              <span className="font-mono font-medium">{f.name}</span>{" "}
              <span className="text-slate-600">{f.description}</span>
            </summary>
            <pre className="mt-2 overflow-x-auto rounded bg-slate-950 p-2 text-xs leading-5 text-slate-100">
              {f.code}
            </pre>
          </details>
        ))
      )}

      <Heading>Variables</Heading>
      {doc.variables.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="text-sm">
          {doc.variables.map((v) => (
            <li key={v.name}>
              <span className="font-mono">${v.name}</span> = <span className="font-mono">{v.sample_value}</span>{" "}
              <span className="text-slate-600">{v.description}</span>
            </li>
          ))}
        </ul>
      )}

      <Heading>Settings</Heading>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Trunk host</dt>
        <dd className="font-mono">{doc.agent.trunk_host}</dd>
        <dt className="text-slate-500">PBX host</dt>
        <dd className="font-mono">{doc.agent.pbx_host}</dd>
        <dt className="text-slate-500">Function time limit</dt>
        <dd>{doc.agent.function_timeout_ms} ms</dd>
      </dl>
    </div>
  );
}
