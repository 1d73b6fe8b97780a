import type { ScenarioResult } from "./runner";

const escape = (s: string) =>
  s
    // XML 1.0 forbids most control characters even escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** What a failing scenario's JUnit failure says: each failed expectation, expected against actual. */
export function failureText(r: ScenarioResult): string {
  if (r.status === "cannot_run") return `cannot run: ${r.reason}`;
  return r.expectations
    .filter((e) => !e.pass)
    .map((e) => `${e.label}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.actual)}`)
    .join("\n");
}

/**
 * Results as JUnit XML (the common testsuite/testcase/failure schema CI servers read): one suite
 * for the agent, one testcase per scenario (classname: the flow), a failure for a failed
 * scenario and for one that cannot run.
 */
export function junitXml(suite: string, results: readonly ScenarioResult[], timestamp: Date): string {
  const failures = results.filter((r) => r.status !== "pass").length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(suite)}" tests="${results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${escape(suite)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" timestamp="${timestamp.toISOString().slice(0, 19)}">`,
  ];
  for (const r of results) {
    const open = `    <testcase name="${escape(r.name)}" classname="${escape(r.flow ?? "scenarios")}"`;
    if (r.status === "pass") {
      lines.push(`${open}/>`);
      continue;
    }
    const message = r.status === "cannot_run" ? `cannot run: ${r.reason}` : "expectations failed";
    lines.push(
      `${open}>`,
      `      <failure message="${escape(message)}" type="${r.status}">${escape(failureText(r))}</failure>`,
      "    </testcase>",
    );
  }
  lines.push("  </testsuite>", "</testsuites>");
  return lines.join("\n") + "\n";
}
