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
    if (!ok && counts.failed === 0) failed += 1; // the runner failed outside any test
  } else {
    // Checks without test cases count as one test each.
    if (ok) passed += 1;
    else failed += 1;
  }
  if (!ok) failedSteps.push(step.name);
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
// Skipped tests are counted, so a test that silently stopped running shows in the last line.
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);

function readCounts(name, file) {
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, "utf8"));
  if (name === "unit") {
    return {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  }
  const s = json.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}
