// `npm test`: every check the project has, ending with one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
for (const f of ["test-results/unit.json", "test-results/e2e.json"]) rmSync(f, { force: true });

const steps = [
  { name: "lint", cmd: "npm run lint" },
  { name: "typecheck", cmd: "npx tsc --noEmit -p ." },
  {
    name: "unit",
    cmd: "npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json",
    report: "test-results/unit.json",
  },
  { name: "build", cmd: "npm run build" },
  { name: "e2e", cmd: "npx playwright test", report: "test-results/e2e.json", needs: "build" },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps = [];
const failedTests = [];

for (const step of steps) {
  if (step.needs && failedSteps.includes(step.needs)) {
    console.log(`\n=== ${step.name}: skipped because ${step.needs} failed`);
    failed += 1;
    failedSteps.push(step.name);
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const r = spawnSync(step.cmd, { shell: true, stdio: "inherit", env: process.env });
  const ok = r.status === 0;
  console.log(
    `=== ${step.name}: ${ok ? "ok" : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const counts = step.report ? readCounts(step.name, step.report) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    failedTests.push(...counts.failedNames.map((t) => `${step.name}: ${t}`));
    if (!ok && counts.failed === 0) failed += 1; // the runner failed outside any test
  } else {
    // Checks without test cases count as one test each.
    if (ok) passed += 1;
    else failed += 1;
  }
  if (!ok) failedSteps.push(step.name);
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
// Named again at the very end, because CI logs are often read from their tail.
for (const t of failedTests) console.log(`FAILED ${t}`);
// Skipped tests are counted, so a test that silently stopped running shows in the last line.
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);

function readCounts(name, file) {
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, "utf8"));
  if (name === "unit") {
    const failedNames = [];
    for (const file of json.testResults ?? []) {
      const path = file.name.replace(`${process.cwd()}/`, "");
      for (const t of file.assertionResults ?? []) {
        if (t.status === "failed")
          failedNames.push(`${path} › ${t.fullName ?? t.title}\n    ${firstLine(t.failureMessages)}`);
      }
      // A file that fails to load has no test results, only a message.
      if (file.status === "failed" && !(file.assertionResults ?? []).length) {
        failedNames.push(`${path}\n    ${firstLine([file.message])}`);
      }
    }
    return {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
      failedNames,
    };
  }
  const s = json.stats ?? {};
  return {
    passed: s.expected ?? 0,
    failed: (s.unexpected ?? 0) + (s.flaky ?? 0),
    skipped: s.skipped ?? 0,
    failedNames: playwrightFailures(json.suites ?? []),
  };
}

function playwrightFailures(suites, trail = []) {
  const names = [];
  for (const suite of suites) {
    const here = suite.title ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected" || test.status === "flaky") {
          const error = test.results?.find((r) => r.error)?.error?.message;
          names.push(`${[...here, spec.title].join(" › ")} (${test.status})\n    ${firstLine([error])}`);
        }
      }
    }
    names.push(...playwrightFailures(suite.suites ?? [], here));
  }
  return names;
}

function firstLine(messages) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours from runner messages
  const text = (messages ?? [])
    .filter(Boolean)
    .join("\n")
    // eslint-disable-next-line no-control-regex -- strips terminal colours from runner messages
    .replace(/\u001b\[[0-9;]*m/g, "");
  return (
    text
      .split("\n")
      .find((l) => l.trim())
      ?.trim()
      .slice(0, 300) ?? "(no message)"
  );
}
