/**
 * How every benchmark ends: each target checked and printed as met or missed, the load average
 * beside it (a figure measured on a busy machine says little), the result written to
 * bench/results/<name>.json, and a non-zero exit when a target is missed — unless the run was
 * started with --report-only, which prints the same verdict without failing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";

export interface Target {
  /** What is measured, e.g. "render ratio editor / bare (median of runs)". */
  name: string;
  value: number;
  /** "≤" when smaller is better (latency, ratios of cost), "≥" when larger is (throughput). */
  op: "≤" | "≥";
  limit: number;
  unit?: string;
}

export interface CheckedTarget extends Target {
  met: boolean;
}

export function checkTargets(targets: Target[]): CheckedTarget[] {
  return targets.map((t) => ({
    ...t,
    // NaN (nothing measured) never meets a target.
    met: t.op === "≤" ? t.value <= t.limit : t.value >= t.limit,
  }));
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : String(+x.toPrecision(3)));

export function verdictLines(checked: CheckedTarget[]): string[] {
  return checked.map((t) => {
    const unit = t.unit ? ` ${t.unit}` : "";
    return `${t.met ? "met   " : "MISSED"}  ${t.name}: ${round(t.value)}${unit} (target ${t.op} ${round(t.limit)}${unit})`;
  });
}

export const reportOnly = (argv: readonly string[] = process.argv): boolean => argv.includes("--report-only");

/**
 * Prints the verdict, writes the result file and sets the exit code. `figures` is everything else
 * worth keeping (medians, baselines, per-run numbers).
 */
export function finishBenchmark(name: string, figures: Record<string, unknown>, targets: Target[]): CheckedTarget[] {
  const checked = checkTargets(targets);
  const load = loadavg().map((x) => +x.toFixed(2));
  const missed = checked.filter((t) => !t.met).length;
  console.log(`\nverdict (load average ${load.join(", ")}):`);
  for (const line of verdictLines(checked)) console.log(`  ${line}`);
  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), loadAverage: load, targets: checked, figures }, null, 2)}\n`,
  );
  console.log(`result: ${file}`);
  if (missed > 0) {
    if (reportOnly()) console.log(`${missed} target(s) missed (--report-only: exit 0)`);
    else {
      console.log(`${missed} target(s) missed`);
      process.exitCode = 1;
    }
  }
  return checked;
}
