/**
 * Typed parameters (docs/design.md §4): a function may declare parameters after `conv`, typed
 * `str`, `int`, `float` or `bool` (`def refund(conv, amount: float, notify: bool = True):`). They are
 * read from the `def` line, so lint, the Function node's inspector and the runtime agree on them
 * without running Python. A Function node supplies each one (a literal, or `$variables`); values are
 * converted to the declared type before the call, and one that does not convert is a clear error.
 */

export const PARAMETER_TYPES = ["str", "int", "float", "bool"] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface FunctionParameter {
  name: string;
  /** Null: not annotated, or annotated with another type (the value is passed as text). */
  type: ParameterType | null;
  /** False when it has a default. */
  required: boolean;
}

export interface FunctionSignature {
  /** The parameters after `conv`. */
  parameters: FunctionParameter[];
  /** `**kwargs`: any other keyword argument is accepted too. */
  anyKeywords: boolean;
}

/** The parameters of `def <name>(conv, ...)` in `code`, or null when there is no such line to read. */
export function functionSignature(code: string, name: string): FunctionSignature | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const head = new RegExp(`^(?:async\\s+)?def\\s+${escaped}\\s*\\(`, "m").exec(code);
  if (!head) return null;
  const inner = balanced(code, head.index + head[0].length);
  if (inner === null) return null;
  const parts = splitTopLevel(inner)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const out: FunctionSignature = { parameters: [], anyKeywords: false };
  for (const part of parts.slice(1)) {
    if (part === "*" || part === "/") continue;
    if (part.startsWith("**")) {
      out.anyKeywords = true;
      continue;
    }
    if (part.startsWith("*")) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*([^=]+?))?\s*(=.*)?$/s.exec(part);
    if (!m) continue;
    const annotation = m[2]?.trim() ?? "";
    out.parameters.push({
      name: m[1]!,
      type: (PARAMETER_TYPES as readonly string[]).includes(annotation) ? (annotation as ParameterType) : null,
      required: m[3] === undefined,
    });
  }
  return out;
}

/** The text between an opening bracket (just before `from`) and its closing one, skipping strings. */
function balanced(code: string, from: number): string | null {
  let depth = 1;
  let quote: string | null = null;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#") while (i < code.length && code[i] !== "\n") i++;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return code.slice(from, i);
    }
  }
  return null;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((p) => p.replace(/#[^\n]*/g, ""));
}

export type Converted = { ok: true; value: string | number | boolean } | { ok: false; message: string };

const TRUE = new Set(["true", "yes", "1"]);
const FALSE = new Set(["false", "no", "0"]);

/** A text value as the declared type; an untyped parameter takes the text as is. */
export function convertArgument(text: string, type: ParameterType | null): Converted {
  const t = text.trim();
  switch (type) {
    case null:
    case "str":
      return { ok: true, value: text };
    case "int": {
      const n = Number(t);
      return /^[+-]?\d+$/.test(t) && Number.isSafeInteger(n)
        ? { ok: true, value: n }
        : { ok: false, message: `expects an int (a whole number like 42), got ${JSON.stringify(text)}` };
    }
    case "float": {
      const n = Number(t);
      return t !== "" && Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)
        ? { ok: true, value: n }
        : { ok: false, message: `expects a float (a number like 9.99), got ${JSON.stringify(text)}` };
    }
    case "bool": {
      const low = t.toLowerCase();
      if (TRUE.has(low)) return { ok: true, value: true };
      if (FALSE.has(low)) return { ok: true, value: false };
      return { ok: false, message: `expects a bool (true or false), got ${JSON.stringify(text)}` };
    }
  }
}

/** `amount: float`, `notify: bool = …` as the inspector and messages show a parameter. */
export function parameterLabel(p: FunctionParameter): string {
  return `${p.name}${p.type ? `: ${p.type}` : ""}${p.required ? "" : " (optional)"}`;
}

export interface ArgumentProblem {
  /** The Function node's argument row; null for a missing parameter. */
  index: number | null;
  kind: "unknown" | "invalid" | "missing";
  message: string;
}

/**
 * What is wrong with a Function node's arguments for `fn`'s signature: a name it does not take, a
 * value that does not convert, a required parameter with no value. `checkValue` false skips the
 * conversion (lint cannot know a `$variable`'s value; the runtime checks it).
 */
export function argumentProblems(
  fn: string,
  signature: FunctionSignature,
  args: readonly { name: string; value: string }[],
  checkValue: (value: string) => boolean = () => true,
): ArgumentProblem[] {
  const problems: ArgumentProblem[] = [];
  const byName = new Map(signature.parameters.map((p) => [p.name, p]));
  const takes = signature.parameters.map(parameterLabel).join(", ") || "no parameters";
  args.forEach((a, index) => {
    if (a.name.trim() === "") return;
    const param = byName.get(a.name);
    if (!param) {
      if (!signature.anyKeywords)
        problems.push({ index, kind: "unknown", message: `${fn} has no parameter ${a.name} (it takes ${takes})` });
      return;
    }
    if (!checkValue(a.value)) return;
    const converted = convertArgument(a.value, param.type);
    if (!converted.ok) problems.push({ index, kind: "invalid", message: `${fn}: ${a.name} ${converted.message}` });
  });
  const given = new Set(args.map((a) => a.name));
  for (const p of signature.parameters)
    if (p.required && !given.has(p.name))
      problems.push({
        index: null,
        kind: "missing",
        message: `${fn} needs a value for ${parameterLabel(p)}: add it as an argument`,
      });
  return problems;
}
