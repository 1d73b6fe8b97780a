import type { DocumentDiff, ItemChange } from "./diff";

/** A diff as short lines (`destination "Billing" changed: route, outbound_endpoint`), for a dry run. */
export function changeLines(d: DocumentDiff): string[] {
  if (d.identical) return ["no changes"];
  const out: string[] = [];
  if (d.agent.length > 0) out.push(`agent settings changed: ${d.agent.map((f) => f.field).join(", ")}`);
  const items = (kind: string, list: readonly ItemChange[]) => {
    for (const c of list)
      out.push(
        `${kind} "${c.name}" ${c.status}${c.status === "changed" ? `: ${c.fields.map((f) => f.field).join(", ")}` : ""}`,
      );
  };
  items("variable", d.variables);
  items("destination", d.destinations);
  for (const f of d.functions)
    out.push(
      `function "${f.name}" ${f.status}${f.patch ? ` (+${f.linesAdded} −${f.linesRemoved} lines)` : ""}${f.fields.length ? `: ${f.fields.map((x) => x.field).join(", ")}` : ""}`,
    );
  for (const f of d.flows)
    out.push(
      `flow "${f.name}" ${f.status}${f.status === "changed" ? `: ${f.nodes.length} node${f.nodes.length === 1 ? "" : "s"}, ${f.edges.length} edge${f.edges.length === 1 ? "" : "s"}` : ""}`,
    );
  items("topic", d.topics);
  items("scenario", d.scenarios);
  return out;
}
