import { describe, expect, it } from "vitest";
import { checkTargets, reportOnly, verdictLines } from "./verdict";

describe("benchmark verdicts", () => {
  it("meets a ≤ target at or below the limit and a ≥ target at or above it; NaN never meets", () => {
    const checked = checkTargets([
      { name: "ratio", value: 1.2, op: "≤", limit: 1.2 },
      { name: "ratio", value: 1.21, op: "≤", limit: 1.2 },
      { name: "rate", value: 20_000, op: "≥", limit: 20_000 },
      { name: "rate", value: 19_999, op: "≥", limit: 20_000 },
      { name: "nothing measured", value: Number.NaN, op: "≤", limit: 1 },
    ]);
    expect(checked.map((t) => t.met)).toEqual([true, false, true, false, false]);
  });

  it("prints each target with its value, limit and unit", () => {
    const lines = verdictLines(checkTargets([{ name: "publish p95", value: 245.1, op: "≤", limit: 1000, unit: "ms" }]));
    expect(lines).toEqual(["met     publish p95: 245 ms (target ≤ 1,000 ms)"]);
    const missed = verdictLines(checkTargets([{ name: "render ratio", value: 1.4412, op: "≤", limit: 1.2 }]));
    expect(missed).toEqual(["MISSED  render ratio: 1.44 (target ≤ 1.2)"]);
  });

  it("--report-only is read from the arguments", () => {
    expect(reportOnly(["node", "bench.ts", "--report-only"])).toBe(true);
    expect(reportOnly(["node", "bench.ts"])).toBe(false);
  });
});
