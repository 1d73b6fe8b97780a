import { blankCommentsAndStrings } from "./can-transfer";

/** A `conv.goto_flow("Name")` whose flow is written as a plain string literal. */
export interface FlowJump {
  flow: string;
  /** 1-based line. */
  line: number;
}

const GOTO = /\.\s*goto_flow\s*\(\s*$/;
const PREFIX = /(?:^|[^A-Za-z0-9_])([rRuU]?)$/;

/**
 * The flows a function's source jumps to by name (`conv.goto_flow("Billing")`), for lint: renaming or
 * deleting a flow does not touch Python. Only plain literals count (an f-string or a variable is
 * known during the call only); comments and strings that merely mention goto_flow do not.
 */
export function flowJumps(code: string): FlowJump[] {
  const { code: bare, strings } = blankCommentsAndStrings(code);
  const jumps: FlowJump[] = [];
  for (const s of strings) {
    // What precedes the literal's quote: an optional r/u prefix, then `.goto_flow(`.
    const before = bare.slice(Math.max(0, s.start - 200), s.start);
    const prefix = PREFIX.exec(before);
    if (!prefix) continue;
    const call = before.slice(0, before.length - prefix[1]!.length);
    if (!GOTO.test(call)) continue;
    // Only the literal as the whole first argument: `goto_flow("A" + x)` is decided during the call.
    const quote = code[s.start]!;
    const triple = code.startsWith(quote.repeat(3), s.start);
    const after = bare.slice(s.start + s.text.length + (triple ? 6 : 2));
    if (!/^\s*[,)]/.test(after) || s.text.includes("\\") || s.text.includes("\n")) continue;
    jumps.push({ flow: s.text, line: code.slice(0, s.start).split("\n").length });
  }
  return jumps;
}
