import { titleContextOf } from "../../lib/flow";
import { pathKeys, pathTitles, type Session } from "../../lib/runtime";

/** The human-readable transcript and outcome of a simulated call. */
export function formatSimulation(
  s: Session,
  meta: { agentName: string; flowName: string; warnings: string[]; savedId: string | null },
): string {
  const titles = pathTitles(s, titleContextOf(s.agent.destinations));
  const keys = pathKeys(s);
  // Nodes by title, as the app shows them (ids are in --json); the handoff node also gives its id.
  const name = (id: string) => {
    const key = keys.find((k) => k === id || k.endsWith(`/${id}`)) ?? id;
    return titles[key] ? `${titles[key]} [${id}]` : id;
  };
  const out: string[] = [`# ${meta.agentName} · ${meta.flowName} · ${s.conversationId}`, "", "## Transcript"];
  for (const t of s.turns) {
    const who = t.role === "agent" ? "Agent " : t.role === "caller" ? "Caller" : "  --  ";
    out.push(`[${(t.at / 1000).toFixed(1).padStart(6)}s] ${who}: ${t.text}`);
  }
  out.push(
    "",
    `Path: ${pathText(keys, s.pathFlows, titles)}`,
    `Outcome: ${s.outcome ?? "running"}${s.endReason ? ` (${s.endReason})` : ""}`,
  );
  const h = s.handoff;
  if (h) {
    out.push("", "## Handoff");
    out.push(
      `destination: ${h.destination ?? "(code-based transfer)"}`,
      `method: ${h.method}`,
      `route: ${h.route ?? "-"}`,
      `reason: ${h.reason}`,
    );
    out.push(
      `utterance: ${h.utterance || "-"}`,
      `source: ${h.source}${h.function ? ` (${h.function})` : ""}`,
      `node: ${name(h.node_id)}`,
      `soft: ${h.soft}`,
    );
    out.push(
      `outcome: ${h.outcome}${h.sip_status === null ? "" : ` (${h.sip_status})`}${h.outcome === "completed" ? "" : "; the agent stayed on the call"}`,
    );
    for (const a of h.attempts)
      out.push(
        `attempt: ${(a.at / 1000).toFixed(3)} s ${a.destination} ${a.method.toUpperCase()} → ${a.outcome}${a.sip_status === null ? "" : ` (${a.sip_status})`}`,
      );
    for (const hd of h.sip_headers) out.push(`header: ${hd.name}: ${hd.value}`);
  }
  if (s.metrics.length) out.push("", "## Metrics", ...s.metrics.map((m) => `${m.name} = ${String(m.value)}`));
  const logs = s.logs.filter((l) => l.level !== "info" || l.source);
  if (logs.length)
    out.push("", "## Logs", ...logs.map((l) => `[${l.level}]${l.source ? ` ${l.source}:` : ""} ${l.message}`));
  if (meta.warnings.length) out.push("", "## Warnings", ...meta.warnings.map((w) => `- ${w}`));
  if (meta.savedId) out.push("", `Saved as conversation ${meta.savedId}`);
  return out.join("\n") + "\n";
}

/** Node titles in order; where the call changed flow, `[Flow]` before the first node there. */
function pathText(keys: readonly string[], flows: readonly string[], titles: Record<string, string>): string {
  return keys
    .map((key, i) => {
      const title = titles[key] ?? key;
      return i > 0 && flows[i] !== flows[i - 1] ? `[${flows[i]}] ${title}` : title;
    })
    .join(" → ");
}
