import { z } from "zod";
import { HANDOFF_SOURCES } from "../handoffs/record";
import { HANDOFF_METHODS, REFER_PLACEMENTS } from "../handoffs/types";
import type { FunctionHandoff, JsonValue, LogEntry, RunError, RunResult } from "./types";

/**
 * What a run must look like when it comes back from Python. The `switchboard` module builds it,
 * but user code can reach the module's private state (`conv._handoff = {...}`,
 * `conv._says.append(5)`), so the host checks the shape before anything uses it: a malformed
 * result becomes the function's error, never a crash of the simulator or the CLI.
 */

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

const handoffSchema = z.strictObject({
  source: z.enum(HANDOFF_SOURCES.filter((s) => s !== "builtin") as ["function", "transfer_call"]),
  destination: z.string().nullable(),
  method: z.enum(HANDOFF_METHODS),
  route: z.string().nullable(),
  sipHeaders: z.array(z.strictObject({ name: z.string(), value: z.string() })),
  referHeaderPlacement: z.enum(REFER_PLACEMENTS),
  reason: z.string(),
  utterance: z.string().nullable(),
  soft: z.boolean(),
  whisper: z.string().nullable(),
}) satisfies z.ZodType<FunctionHandoff>;

const logSchema = z.object({
  level: z.enum(["info", "warning", "error", "print"]),
  message: z.string(),
  fields: z.record(z.string(), jsonValue),
}) satisfies z.ZodType<LogEntry>;

const errorSchema = z.object({
  kind: z.enum(["syntax", "exception", "not_found", "timeout", "crashed", "invalid_result"]),
  type: z.string(),
  message: z.string(),
  traceback: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  endLine: z.number().nullable(),
  endColumn: z.number().nullable(),
}) satisfies z.ZodType<RunError>;

export const runResultSchema = z.object({
  ok: z.boolean(),
  returnValue: jsonValue,
  returnRepr: z.string().nullable(),
  says: z.array(z.string()),
  utterance: z.string().nullable(),
  endTurn: z.boolean(),
  hangup: z.boolean(),
  handoff: handoffSchema.nullable(),
  flow: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("goto"), flow: z.string() }),
      z.strictObject({ kind: z.literal("exit"), flow: z.null() }),
    ])
    .nullable(),
  metrics: z.array(z.object({ name: z.string(), value: z.union([z.number(), z.string(), z.boolean()]) })),
  logs: z.array(logSchema),
  state: z.record(z.string(), jsonValue),
  error: errorSchema.nullable(),
  durationMs: z.number(),
}) satisfies z.ZodType<RunResult>;

/**
 * The result as is when it has the right shape; otherwise a failed run whose error names the
 * first wrong field (`handoff.sipHeaders[0].value: expected text, got 5`). Logs that are
 * themselves well-formed are kept: print output helps find the bug.
 */
export function checkRunResult(raw: unknown): RunResult {
  const parsed = runResultSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length === 0 ? "the result" : pathText(issue.path);
  const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const logs = z.array(logSchema).safeParse(record.logs);
  const durationMs = typeof record.durationMs === "number" ? record.durationMs : 0;
  return {
    ok: false,
    returnValue: null,
    returnRepr: null,
    says: [],
    utterance: null,
    endTurn: true,
    hangup: false,
    handoff: null,
    flow: null,
    metrics: [],
    logs: logs.success ? logs.data : [],
    state: {},
    error: {
      kind: "invalid_result",
      type: "InvalidResult",
      message:
        `The function's result is malformed: ${where}: ${expectation(issue)}, got ${shown(valueAt(raw, issue.path))}. ` +
        "Hand off with conv.handoff or conv.transfer_call and say things with conv.say or a return value; conv's private fields (conv._handoff, conv._says…) are not part of the API.",
      traceback: "",
      line: null,
      column: null,
      endLine: null,
      endColumn: null,
    },
    durationMs,
  };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected === "string" ? "text" : issue.expected}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `unexpected key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    default:
      return issue.message;
  }
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
