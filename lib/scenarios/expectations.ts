import type { ConversationInput } from "../conversations/schema";
import { matchFunctionCalls, type RecordedFunctionCall } from "./function-calls";
import type { Scenario } from "./schema";

/** One expectation compared with what happened: shown side by side, expected against actual. */
export interface ExpectationResult {
  /** Stable key (`handoff.headers.X-Customer-ID`), for tests and the UI's list keys. */
  key: string;
  /** What a person reads: "Header X-Customer-ID". */
  label: string;
  expected: string;
  actual: string;
  pass: boolean;
}

const NONE = "(none)";
const NO_HANDOFF = "(no handoff)";

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.trim().toLowerCase());

/** The transcript as one text, one turn a line ("Agent: …", "Caller: …"), for contains checks and display. */
export function transcriptText(conversation: Pick<ConversationInput, "turns">): string {
  const who = { agent: "Agent", caller: "Caller", system: "System" } as const;
  return (conversation.turns ?? []).map((t) => `${who[t.role]}: ${t.text}`).join("\n");
}

/**
 * Compares every expectation of `expect` with the finished call. Text fields compare ignoring
 * case and surrounding space; utterance and transcript are "contains"; headers are exact values.
 */
export function matchExpectations(
  expect: Scenario["expect"],
  call: ConversationInput,
  functionCalls: readonly RecordedFunctionCall[] = [],
): ExpectationResult[] {
  const out: ExpectationResult[] = [];
  const push = (key: string, label: string, expected: string, actual: string, pass: boolean) =>
    out.push({ key, label, expected, actual, pass });

  push("outcome", "Outcome", expect.outcome, call.outcome, call.outcome === expect.outcome);

  const h = call.handoff ?? null;
  const e = expect.handoff;
  if (e) {
    const field = (key: keyof typeof e & string, label: string, actual: string | null | undefined) => {
      const expected = e[key];
      if (typeof expected !== "string") return;
      const a = h === null ? NO_HANDOFF : (actual ?? NONE);
      push(`handoff.${key}`, label, expected, a, h !== null && actual != null && same(actual, expected));
    };
    field("destination", "Handoff destination", h?.destination);
    field("method", "Handoff method", h?.method);
    field("reason", "Handoff reason", h?.reason);
    field("source", "Handoff source", h?.source);
    field("function", "Handoff function", h?.function);
    if (typeof e.utterance === "string") {
      const actual = h === null ? NO_HANDOFF : h.utterance || NONE;
      push(
        "handoff.utterance",
        "Handoff utterance contains",
        e.utterance,
        actual,
        h !== null && contains(h.utterance ?? "", e.utterance),
      );
    }
    for (const header of e.headers ?? []) {
      const sent = h?.sip_headers.filter((x) => same(x.name, header.name)) ?? [];
      const actual = h === null ? NO_HANDOFF : sent.length === 0 ? "(not sent)" : sent.map((x) => x.value).join(", ");
      push(
        `handoff.headers.${header.name}`,
        `Header ${header.name}`,
        header.value,
        actual,
        sent.some((x) => x.value === header.value),
      );
    }
  }

  if (expect.path && expect.path.length > 0) {
    const titles = (call.path ?? []).map((id) => call.node_titles?.[id] ?? id);
    const walked = titles.join(" → ") || NONE;
    for (const title of expect.path) {
      push(
        `path.${title}`,
        `Path reaches "${title}"`,
        title,
        walked,
        titles.some((t) => same(t, title)),
      );
    }
  }

  for (const metric of expect.metrics ?? []) {
    const written = (call.metrics ?? []).filter((m) => same(m.name, metric.name)).at(-1);
    const actual = written === undefined ? "(not written)" : String(written.value);
    push(
      `metrics.${metric.name}`,
      `Metric ${metric.name}`,
      metric.value,
      actual,
      written !== undefined && actual === metric.value.trim(),
    );
  }

  if (expect.transcript && expect.transcript.length > 0) {
    const transcript = transcriptText(call);
    for (const [i, needle] of expect.transcript.entries()) {
      push(`transcript.${i}`, "Transcript contains", needle, transcript || NONE, contains(transcript, needle));
    }
  }

  out.push(...matchFunctionCalls(expect.functions ?? [], functionCalls));
  return out;
}
