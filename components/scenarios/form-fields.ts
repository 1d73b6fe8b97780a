import type { DestinationBehaviour } from "@/lib/handoffs/outcomes";
import type { ArgumentType, Scenario } from "@/lib/scenarios";
import { normaliseIsoInstant } from "@/lib/time/iso-instant";
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
  /** The inbound INVITE's headers, a row each (a table, not lines: values may hold ": "). */
  sipHeaders: { name: string; value: string }[];
  callerNumber: string;
  /** The caller withheld their number: `caller_number` is "" (the number field is ignored). */
  callerWithheld: boolean;
  /** The test clock as a datetime-local value, read as UTC (`2026-03-01T09:30:00`); "" for none. */
  clock: string;
  /** The datetime input holds something that is not a date yet (the browser reports it as ""). */
  clockIncomplete: boolean;
  /** Tags separated by commas or spaces. */
  tags: string;
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
  /** Functions that must have been called, each with the argument values asserted. */
  functions: { name: string; args: { name: string; value: string; type: ArgumentType }[] }[];
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
    sipHeaders: (s?.sip_headers ?? []).map((h) => ({ name: h.name, value: h.value })),
    callerNumber: s?.caller_number ?? "",
    callerWithheld: s?.caller_number === "",
    clock: clockInputOf(s?.simulated_at),
    clockIncomplete: false,
    tags: (s?.tags ?? []).join(", "),
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
    functions: (s?.expect.functions ?? []).map((f) => ({
      name: f.name,
      args: (f.args ?? []).map((a) => ({ name: a.name, value: a.value, type: a.type })),
    })),
  };
}

/** A stored clock (any offset) as the form's UTC datetime-local value; what is not a moment stays as written. */
export function clockInputOf(simulatedAt: string | undefined): string {
  if (!simulatedAt) return "";
  const utc = normaliseIsoInstant(simulatedAt);
  return utc ? utc.slice(0, 19) : simulatedAt;
}

/** The form's clock as stored: the previous text when it is the same moment (kept as written), else UTC with Z. */
function simulatedAtOf(clock: string, previous: string | undefined): string | undefined {
  const c = clock.trim();
  if (c === "") return undefined;
  const written = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(c) ? `${c}Z` : c;
  const utc = normaliseIsoInstant(written);
  if (previous !== undefined && utc !== null && normaliseIsoInstant(previous) === utc) return previous;
  return written;
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
  if (v.clockIncomplete) errors.clock = "Finish the date and time (UTC), or clear it";
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
      sip_headers:
        v.sipHeaders.length > 0 ? v.sipHeaders.map((h) => ({ name: h.name.trim(), value: h.value })) : undefined,
      caller_number: v.callerWithheld ? "" : opt(v.callerNumber),
      simulated_at: simulatedAtOf(v.clock, previous?.simulated_at),
      tags: tagList(v.tags).length > 0 ? tagList(v.tags) : undefined,
      expect: {
        ...(previous?.expect ?? {}),
        outcome: v.outcome,
        handoff: hasHandoff ? handoff : undefined,
        path: lines(v.path).length > 0 ? lines(v.path) : undefined,
        metrics: metrics.list.length > 0 ? metrics.list : undefined,
        transcript: lines(v.transcript).length > 0 ? lines(v.transcript) : undefined,
        functions:
          v.functions.length > 0
            ? v.functions.map((f) => ({
                name: f.name.trim(),
                ...(f.args.length > 0 ? { args: f.args.map((a) => ({ ...a, name: a.name.trim() })) } : {}),
              }))
            : undefined,
      },
    },
  };
}

const tagList = (text: string) => text.split(/[\s,]+/).filter((t) => t !== "");

const FIELD_OF: [prefix: string, field: keyof ScenarioFormValues | "_form"][] = [
  ["caller_number", "callerNumber"],
  ["simulated_at", "clock"],
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

/** A form error's key: a field (`name`, `clock`), or a table cell (`sipHeaders.0.name`, `functions.1.args.0.value`). */
export type FormErrorKey = keyof ScenarioFormValues | "_form" | `sipHeaders.${string}` | `functions.${string}`;
export type FormErrors = Partial<Record<FormErrorKey, string>>;

/**
 * The server's errors (`turns.1.dtmf`, `expect.handoff.headers.0.name`) on the form's fields; a
 * line-list error says which line, a tag which tag; a table's error lands on its cell.
 */
export function formErrorsOf(fieldErrors: FieldErrors): FormErrors {
  const out: FormErrors = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    if (key.startsWith("sip_headers.")) {
      out[`sipHeaders.${key.slice("sip_headers.".length)}`] ??= message;
      continue;
    }
    if (key.startsWith("expect.functions.")) {
      out[`functions.${key.slice("expect.functions.".length)}`] ??= message;
      continue;
    }
    if (key === "tags" || key.startsWith("tags.")) {
      const i = key.slice(5);
      out.tags ??= i === "" ? message : `Tag ${Number(i) + 1}: ${message}`;
      continue;
    }
    const hit = FIELD_OF.find(([prefix]) => key === prefix || key.startsWith(`${prefix}.`));
    const field = hit?.[1] ?? "_form";
    const index = hit ? /^\.(\d+)/.exec(key.slice(hit[0].length))?.[1] : undefined;
    const text = index !== undefined && hit![0] !== "behaviours" ? `Line ${Number(index) + 1}: ${message}` : message;
    out[field] ??= field === "_form" && key !== "_form" ? `${key}: ${text}` : text;
  }
  return out;
}
