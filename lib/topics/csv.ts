import { topicInputSchema } from "./schema";
import type { Topic, TopicAction, TopicInput } from "./types";

/**
 * Topics as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, quotes
 * doubled). One topic a row; sample questions are separated by `|`. Columns, by header name in any
 * order: name, sample_questions, content, action (none, builtin-handoff, function) are required;
 * destination (a destination's name; empty: the agent's default), reason, utterance, function and
 * enabled (true/false, default true) are optional.
 */
export const TOPIC_CSV_COLUMNS = [
  "name",
  "sample_questions",
  "content",
  "action",
  "destination",
  "reason",
  "utterance",
  "function",
  "enabled",
] as const;
const REQUIRED_COLUMNS = ["name", "sample_questions", "content", "action"] as const;
type Column = (typeof TOPIC_CSV_COLUMNS)[number];

/** Largest CSV the import reads (about 5,000 long topics). */
export const MAX_TOPIC_CSV_BYTES = 2 * 1024 * 1024;

/** One problem, on a 1-based line of the file (the header is line 1) and optionally a column. */
export interface CsvRowError {
  row: number;
  column?: string;
  message: string;
}

export type TopicCsvResult = { ok: true; topics: TopicInput[] } | { ok: false; errors: CsvRowError[] };

/** RFC 4180 records, with the 1-based line each starts on; an unclosed quote is reported. */
export function parseCsvRecords(text: string): { records: { line: number; fields: string[] }[]; error?: string } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is not a record (blank lines and the final newline).
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") continue;
    else if (c === "\n" || c === "\r") {
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) return { records, error: `Line ${start}: a quoted field is never closed` };
  endRecord();
  return { records };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The topics as CSV with every column, destinations by name (what import reads back unchanged). */
export function topicsToCsv(
  topics: readonly Pick<Topic, "name" | "sampleQuestions" | "content" | "action" | "enabled">[],
  destinationName: (id: string) => string,
): string {
  const rows = topics.map((t) => {
    const a = t.action;
    const cells: Record<Column, string> = {
      name: t.name,
      sample_questions: t.sampleQuestions.join(" | "),
      content: t.content,
      action: a.kind,
      destination: a.kind === "builtin-handoff" && a.destinationId !== null ? destinationName(a.destinationId) : "",
      reason: a.kind === "builtin-handoff" ? a.reason : "",
      utterance: a.kind === "builtin-handoff" ? a.utterance : "",
      function: a.kind === "function" ? a.functionName : "",
      enabled: t.enabled ? "true" : "false",
    };
    return TOPIC_CSV_COLUMNS.map((c) => csvField(cells[c])).join(",");
  });
  return `${[TOPIC_CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

const FIELD_COLUMN: Record<string, Column> = {
  name: "name",
  sampleQuestions: "sample_questions",
  content: "content",
  action: "action",
  "action.kind": "action",
  "action.destinationId": "destination",
  "action.reason": "reason",
  "action.utterance": "utterance",
  "action.functionName": "function",
  enabled: "enabled",
};

/**
 * Reads a topics CSV. Every row is checked with the topic form's rules; destinations and functions
 * must exist. Any problem anywhere makes the whole file fail, with every problem listed by line and
 * column, so nothing is imported half-way.
 */
export function parseTopicsCsv(
  text: string,
  context: { destinations: readonly { id: string; name: string }[]; functions: readonly string[] },
): TopicCsvResult {
  const { records, error } = parseCsvRecords(text);
  if (error) return { ok: false, errors: [{ row: 1, message: error }] };
  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ row: 1, message: "The file is empty: expected a header row" }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const errors: CsvRowError[] = [];
  const unknown = names.filter((n) => !(TOPIC_CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    errors.push({
      row: header.line,
      message: `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; expected ${TOPIC_CSV_COLUMNS.join(", ")}`,
    });
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0)
    errors.push({ row: header.line, message: `Missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` });
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ row: header.line, message: "The file has no topics" }] };

  const destinations = new Map(context.destinations.map((d) => [d.name.trim().toLowerCase(), d.id]));
  const functions = new Set(context.functions);
  const seen = new Map<string, number>();
  const topics: TopicInput[] = [];
  for (const r of rows) {
    const rowErrors: CsvRowError[] = [];
    const add = (column: string | undefined, message: string) =>
      rowErrors.push({ row: r.line, ...(column ? { column } : {}), message });
    if (r.fields.length !== names.length) {
      add(undefined, `Expected ${names.length} fields, found ${r.fields.length}`);
      errors.push(...rowErrors);
      continue;
    }
    const cell = (c: Column) => {
      const at = names.indexOf(c);
      return at < 0 ? "" : r.fields[at]!;
    };
    const kind = cell("action").trim().toLowerCase() || "none";
    let action: TopicAction | { kind: string };
    if (kind === "builtin-handoff") {
      const dest = cell("destination").trim();
      const destinationId = dest === "" ? null : (destinations.get(dest.toLowerCase()) ?? null);
      if (dest !== "" && destinationId === null) add("destination", `No destination named "${dest}"`);
      action = { kind, destinationId, reason: cell("reason").trim(), utterance: cell("utterance") };
    } else if (kind === "function") {
      const fn = cell("function").trim();
      if (fn !== "" && !functions.has(fn)) add("function", `No function named ${fn}`);
      action = { kind, functionName: fn };
    } else action = { kind };
    const enabledText = cell("enabled").trim().toLowerCase();
    if (!["", "true", "false"].includes(enabledText)) add("enabled", "Expected true or false");
    const parsed = topicInputSchema.safeParse({
      name: cell("name"),
      sampleQuestions: cell("sample_questions").split("|"),
      content: cell("content"),
      action,
      enabled: enabledText !== "false",
    });
    if (!parsed.success) {
      for (const is of parsed.error.issues) {
        const key = is.path.filter((p) => typeof p === "string").join(".");
        add(FIELD_COLUMN[key] ?? (key || undefined), is.message);
      }
    } else {
      const key = parsed.data.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) add("name", `Line ${first} already has a topic named "${parsed.data.name}"`);
      else seen.set(key, r.line);
      topics.push(parsed.data);
    }
    errors.push(...rowErrors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, topics };
}

/** "Line 3, destination: No destination named …" */
export function formatCsvError(e: CsvRowError): string {
  return `Line ${e.row}${e.column ? `, ${e.column}` : ""}: ${e.message}`;
}
