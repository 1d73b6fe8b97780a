import type { ArgumentType, FunctionArgExpectation, FunctionExpectation } from "./schema";

/** One function the runtime asked the host to run during a scenario's call, with its arguments. */
export interface RecordedFunctionCall {
  name: string;
  /** Keyword arguments as passed (a Function node's values converted to the declared types). */
  args: Record<string, string | number | boolean>;
  /** Why it ran: a Function node, a handoff override, a topic's action, or a lifecycle function. */
  purpose: "node" | "override" | "topic" | "start" | "end";
}

type Actual = string | number | boolean;

const INTEGER = /^[+-]?\d+$/;

function asNumber(v: Actual): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v.trim()))) return Number(v.trim());
  return null;
}

/**
 * Whether an argument passed as `actual` equals the expected text read as `type`: integer — the same
 * whole number; number — numerically equal; boolean — true/false (any case); string — exactly the
 * text (a number or boolean passed is compared by its text, `42`, `true`).
 */
export function typedEqual(type: ArgumentType, expected: string, actual: Actual): boolean {
  const e = expected.trim();
  switch (type) {
    case "integer": {
      if (!INTEGER.test(e)) return false;
      if (typeof actual === "string" && !INTEGER.test(actual.trim())) return false;
      const a = asNumber(actual);
      return typeof actual !== "boolean" && a !== null && Number.isInteger(a) && a === Number(e);
    }
    case "number": {
      const a = typeof actual === "boolean" ? null : asNumber(actual);
      return a !== null && e !== "" && a === Number(e);
    }
    case "boolean": {
      const want = e.toLowerCase();
      if (want !== "true" && want !== "false") return false;
      const got =
        typeof actual === "boolean" ? String(actual) : typeof actual === "string" ? actual.trim().toLowerCase() : null;
      return got === want;
    }
    case "string":
      return String(actual) === expected;
  }
}

const argsMatch = (wanted: readonly FunctionArgExpectation[], call: RecordedFunctionCall) =>
  wanted.every((w) => Object.hasOwn(call.args, w.name) && typedEqual(w.type, w.value, call.args[w.name]!));

/** The call's function calls, briefly: `lookup(customer_id="42", vip=true)`; each distinct call once. */
export function describeCalls(calls: readonly RecordedFunctionCall[]): string {
  const shown = calls.map(
    (c) =>
      `${c.name}(${Object.entries(c.args)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(", ")})`,
  );
  return [...new Set(shown)].join("; ");
}

/** `name(a=1 [integer], b="x" [string])`: what an expectation asks for, as the results list shows it. */
export function describeExpectation(e: FunctionExpectation): string {
  const args = (e.args ?? []).map((a) => `${a.name}=${a.type === "string" ? JSON.stringify(a.value) : a.value.trim()}`);
  return `${e.name}(${args.join(", ")})`;
}

/**
 * One result per expected function: it passes when ANY call of that function had every listed
 * argument equal (typed comparison); order and other arguments are not checked.
 */
export function matchFunctionCalls(
  expected: readonly FunctionExpectation[],
  calls: readonly RecordedFunctionCall[],
): { key: string; label: string; expected: string; actual: string; pass: boolean }[] {
  return expected.map((e, i) => {
    const own = calls.filter((c) => c.name === e.name);
    const others = [...new Set(calls.map((c) => c.name))].filter((n) => n !== e.name);
    const actual =
      own.length > 0 ? describeCalls(own) : `(not called${others.length > 0 ? `; called: ${others.join(", ")}` : ""})`;
    return {
      key: `functions.${i}.${e.name}`,
      label: `Function ${e.name} called`,
      expected: describeExpectation(e),
      actual,
      pass: own.some((c) => argsMatch(e.args ?? [], c)),
    };
  });
}
