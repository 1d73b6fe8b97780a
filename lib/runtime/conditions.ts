import type { ConditionRule } from "../flow";
import { substituteVariables } from "../variables/variables";

function asNumber(s: string): number | null {
  const t = s.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Text comparisons ignore case and surrounding space: callers' data ("Gold", "gold ") should not
 * change the route. Numeric operators are false when either side is not a number.
 */
export function evaluateRule(rule: ConditionRule, variables: Readonly<Record<string, string>>): boolean {
  const actual = (variables[rule.variable] ?? "").trim();
  const expected = substituteVariables(rule.value ?? "", variables).text.trim();
  const a = actual.toLowerCase();
  const e = expected.toLowerCase();
  switch (rule.operator) {
    case "equals":
      return a === e;
    case "not_equals":
      return a !== e;
    case "contains":
      return a.includes(e);
    case "starts_with":
      return a.startsWith(e);
    case "greater_than":
    case "less_than": {
      const x = asNumber(actual);
      const y = asNumber(expected);
      if (x === null || y === null) return false;
      return rule.operator === "greater_than" ? x > y : x < y;
    }
    case "is_set":
      return actual !== "";
    case "is_not_set":
      return actual === "";
  }
}
