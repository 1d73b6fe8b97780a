import type { ScenarioResult } from "./runner";

const STATUS_WORD = { pass: "PASS", fail: "FAIL", cannot_run: "CANNOT RUN" } as const;

/** One scenario's result as text: a status line, then each failed expectation, expected against actual. */
export function formatResult(r: ScenarioResult): string {
  const head = `${STATUS_WORD[r.status]}  ${r.name}${r.status === "cannot_run" ? `: cannot run: ${r.reason}` : ""}`;
  const lines = [head];
  for (const e of r.expectations) {
    if (e.pass) continue;
    const actual = e.actual.includes("\n") ? `${e.actual.split("\n")[0]} …` : e.actual;
    lines.push(`      ${e.label}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(actual)}`);
  }
  return lines.join("\n");
}

/** `N passed, N failed` (a scenario that cannot run counts as failed, and is also named). */
export function summaryLine(results: readonly Pick<ScenarioResult, "status">[]): string {
  const passed = results.filter((r) => r.status === "pass").length;
  const cannot = results.filter((r) => r.status === "cannot_run").length;
  const failed = results.length - passed;
  return `${passed} passed, ${failed} failed${cannot > 0 ? ` (${cannot} could not run)` : ""}`;
}
