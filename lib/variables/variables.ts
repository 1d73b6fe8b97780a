/** `$variables` in utterances and header values (docs/design.md §1). */

export const BUILTIN_VARIABLES = [
  { name: "caller_id", description: "The caller's number", sample: "+14155550123" },
  { name: "called_number", description: "The number the caller dialled", sample: "+18005550100" },
  { name: "conversation_id", description: "This conversation's id", sample: "conv_demo" },
  { name: "call_sid", description: "The telephony provider's call id", sample: "CA0000000000000000" },
] as const;

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REFERENCE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

export interface VariableRef {
  name: string;
  /** Offset of the `$`. */
  start: number;
  /** Offset just past the name. */
  end: number;
}

export function findVariableRefs(text: string): VariableRef[] {
  return [...text.matchAll(REFERENCE)].map((m) => ({ name: m[1]!, start: m.index!, end: m.index! + m[0].length }));
}

export function referencedVariables(text: string): string[] {
  return [...new Set(findVariableRefs(text).map((r) => r.name))];
}

export function builtinVariableNames(): string[] {
  return BUILTIN_VARIABLES.map((v) => v.name);
}

/**
 * Substitutes `$name` references. Unknown names become empty and are listed in `unknown`.
 */
export function substituteVariables(
  text: string,
  values: Readonly<Record<string, string>>,
): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.replace(REFERENCE, (_m, name: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name]!;
    if (!unknown.includes(name)) unknown.push(name);
    return "";
  });
  return { text: out, unknown };
}

/** The token being typed at `caret` when it is a `$` reference (for autocomplete). */
export function variablePrefixAt(text: string, caret: number): { start: number; prefix: string } | null {
  const before = text.slice(0, caret);
  const m = /\$([A-Za-z0-9_]*)$/.exec(before);
  if (!m) return null;
  return { start: m.index, prefix: m[1]! };
}
