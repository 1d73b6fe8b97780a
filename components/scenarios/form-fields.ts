import type { DestinationBehaviour } from "@/lib/handoffs/outcomes";
import type { Scenario } from "@/lib/scenarios";
import type { FieldErrors } from "@/lib/validation/field-errors";

/**
 * The scenario form's fields: lists are edited as lines of text (one turn, header or title a line),
 * turned into a scenario on save; the server's field-keyed errors map back to the field they came from.
 */
export interface ScenarioFormValues {
  name: string;
  description: string;
  flow: string;
  version: string;
  variables: string;
  turns: string;
  behaviours: Record<string, DestinationBehaviour | "">;
  seed: string;
  outcome: string;
  destination: string;
  method: string;
  reason: string;
  source: string;
  function: string;
  headers: string;
  utterance: string;
  path: string;
  metrics: string;
  transcript: string;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

const pairs = (list: readonly { name: string; value: string }[], sep: string) =>
  list.map((p) => `${p.name}${sep}${p.value}`).join("\n");

export function formValuesOf(s: Scenario | null, flows: readonly string[]): ScenarioFormValues {
  const h = s?.expect.handoff;
  return {
    name: s?.name ?? "",
    description: s?.description ?? "",
    flow: s?.flow ?? flows[0] ?? "",
    version: s?.version ?? "draft",
    variables: pairs(
      Object.entries(s?.variables ?? {}).map(([name, value]) => ({ name, value })),
      "=",
    ),
    turns: (s?.turns ?? []).map((t) => ("say" in t ? t.say : `DTMF ${t.dtmf}`)).join("\n"),
    behaviours: Object.fromEntries((s?.behaviours ?? []).map((b) => [b.destination, b.behaviours[0] ?? ""])),
    seed: s?.seed ?? "",
    outcome: s?.expect.outcome ?? "handoff",
    destination: h?.destination ?? "",
    method: h?.method ?? "",
    reason: h?.reason ?? "",
    source: h?.source ?? "",
    function: h?.function ?? "",
    headers: pairs(h?.headers ?? [], ": "),
    utterance: h?.utterance ?? "",
    path: (s?.expect.path ?? []).join("\n"),
    metrics: pairs(s?.expect.metrics ?? [], "="),
    transcript: (s?.expect.transcript ?? []).join("\n"),
  };
}

/** Splits `name<sep>value` lines; a line without the separator is an error naming its line. */
function splitPairs(
  text: string,
  sep: string,
  what: string,
): { list: { name: string; value: string }[]; error?: string } {
  const list: { name: string; value: string }[] = [];
  for (const [i, line] of lines(text).entries()) {
    const at = line.indexOf(sep);
    if (at <= 0) return { list, error: `Line ${i + 1}: write ${what}` };
    list.push({ name: line.slice(0, at).trim(), value: line.slice(at + sep.length).trim() });
  }
  return { list };
}

/**
 * The scenario the form describes (unvalidated: the server parses it with the one schema), or the
 * errors found in its lines of text.
 */
export function scenarioOf(
  v: ScenarioFormValues,
  previous: Scenario | null,
): { ok: true; scenario: unknown } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const variables = splitPairs(v.variables, "=", "name=value");
  if (variables.error) errors.variables = variables.error;
  const headers = splitPairs(v.headers, ":", "Header-Name: value");
  if (headers.error) errors.headers = headers.error;
  const metrics = splitPairs(v.metrics, "=", "name=value");
  if (metrics.error) errors.metrics = metrics.error;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const opt = (text: string) => (text.trim() === "" ? undefined : text.trim());
  const handoff = {
    destination: opt(v.destination),
    method: opt(v.method),
    reason: opt(v.reason),
    source: opt(v.source),
    function: opt(v.function),
    headers: headers.list.length > 0 ? headers.list : undefined,
    utterance: opt(v.utterance),
  };
  const hasHandoff = Object.values(handoff).some((x) => x !== undefined);
  const behaviours = Object.entries(v.behaviours)
    .filter(([, b]) => b !== "")
    .map(([destination, b]) => {
      // Keep a per-attempt list the form shows as its first entry.
      const old = previous?.behaviours?.find((x) => x.destination === destination);
      return { destination, behaviours: old && old.behaviours[0] === b ? old.behaviours : [b] };
    });
  return {
    ok: true,
    scenario: {
      // Fields this form does not edit (added by later features) are kept as they were.
      ...(previous ?? {}),
      name: v.name,
      description: opt(v.description),
      flow: opt(v.flow),
      version: opt(v.version) === "draft" ? undefined : opt(v.version),
      variables:
        variables.list.length > 0 ? Object.fromEntries(variables.list.map((p) => [p.name, p.value])) : undefined,
      turns: lines(v.turns).map((l) => {
        const dtmf = /^DTMF\s+(.+)$/i.exec(l);
        return dtmf ? { dtmf: dtmf[1]!.trim() } : { say: l };
      }),
      behaviours: behaviours.length > 0 ? behaviours : undefined,
      seed: opt(v.seed),
      expect: {
        ...(previous?.expect ?? {}),
        outcome: v.outcome,
        handoff: hasHandoff ? handoff : undefined,
        path: lines(v.path).length > 0 ? lines(v.path) : undefined,
        metrics: metrics.list.length > 0 ? metrics.list : undefined,
        transcript: lines(v.transcript).length > 0 ? lines(v.transcript) : undefined,
      },
    },
  };
}

const FIELD_OF: [prefix: string, field: keyof ScenarioFormValues | "_form"][] = [
  ["expect.handoff.headers", "headers"],
  ["expect.handoff.destination", "destination"],
  ["expect.handoff.method", "method"],
  ["expect.handoff.reason", "reason"],
  ["expect.handoff.source", "source"],
  ["expect.handoff.function", "function"],
  ["expect.handoff.utterance", "utterance"],
  ["expect.outcome", "outcome"],
  ["expect.path", "path"],
  ["expect.metrics", "metrics"],
  ["expect.transcript", "transcript"],
  ["variables", "variables"],
  ["turns", "turns"],
  ["behaviours", "behaviours"],
  ["description", "description"],
  ["version", "version"],
  ["flow", "flow"],
  ["seed", "seed"],
  ["name", "name"],
];

/**
 * The server's errors (`turns.1.dtmf`, `expect.handoff.headers.0.name`) on the form's fields; a
 * line-list error says which line.
 */
export function formErrorsOf(fieldErrors: FieldErrors): Partial<Record<keyof ScenarioFormValues | "_form", string>> {
  const out: Partial<Record<keyof ScenarioFormValues | "_form", string>> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const hit = FIELD_OF.find(([prefix]) => key === prefix || key.startsWith(`${prefix}.`));
    const field = hit?.[1] ?? "_form";
    const index = hit ? /^\.(\d+)/.exec(key.slice(hit[0].length))?.[1] : undefined;
    const text = index !== undefined && hit![0] !== "behaviours" ? `Line ${Number(index) + 1}: ${message}` : message;
    out[field] ??= field === "_form" && key !== "_form" ? `${key}: ${text}` : text;
  }
  return out;
}
