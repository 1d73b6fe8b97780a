import { afterAll, describe, expect, it } from "vitest";
import { cliProcess } from "./testing/cli-process";

const { cli, cleanup } = cliProcess("validate", 120_000);
afterAll(cleanup);

describe("cli validate", { timeout: 300_000 }, () => {
  it("passes the demo agent (exit 0), fails one with a Python syntax error and a dangling scenario (exit 1)", () => {
    const ok = cli(["validate", "--agent", "Acme Support"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK: "Acme Support" \(draft\): 1 flows, 3 destinations, \d+ functions, 3 scenarios; 0 errors/m,
    );

    const doc = JSON.parse(cli(["export", "--agent", "Acme Support"]).stdout);
    doc.functions.push({ name: "broken", description: "", code: "x = 1\ndef broken(:\n    return 1\n" });
    doc.scenarios[0].expect.path = ["No such node"];
    expect(cli(["import", "--file", "-", "--into", "Acme Support"], JSON.stringify(doc)).code).toBe(0);
    const bad = cli(["validate", "--agent", "Acme Support", "--json"]);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ area: "function", severity: "error", where: "Function broken, line 2" }),
        expect.objectContaining({
          area: "scenario",
          message: 'expect.path names "No such node", which is no node of any flow',
        }),
      ]),
    );
    expect(cli(["validate", "--agent", "Acme Support", "--version", "nine"]).code).toBe(2);
  });
});
