import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliProcess } from "./testing/cli-process";

const { cli, cleanup, dir } = cliProcess("documents", 30_000);
afterAll(cleanup);

describe("cli export / import", { timeout: 120_000 }, () => {
  it("export → import --as-new → export is byte-identical", () => {
    const first = cli(["export", "--agent", "Acme Support"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 1, agent: { name: "Acme Support" } });
    const file = path.join(dir, "acme.json");
    writeFileSync(file, first.stdout);
    const imported = cli(["import", "--file", file, "--as-new", "--json"]);
    expect(imported.code).toBe(0);
    const agent = JSON.parse(imported.stdout) as { id: string; name: string };
    expect(agent.name).toBe("Acme Support");
    expect(cli(["export", "--agent", agent.id]).stdout).toBe(first.stdout);
  });

  it("imports into an agent's draft from standard input", () => {
    const doc = JSON.parse(cli(["export", "--agent", "Acme Support"]).stdout);
    doc.variables.push({ name: "region", sample_value: "emea", description: "" });
    const r = cli(["import", "--file", "-", "--into", "Acme Support"], JSON.stringify(doc));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Replaced the draft of "Acme Support"/);
    expect(
      JSON.parse(cli(["export", "--agent", "Acme Support"]).stdout).variables.map((v: { name: string }) => v.name),
    ).toContain("region");
  });

  it("lists each problem of an invalid file with its path, imports nothing and exits 2", () => {
    const doc = JSON.parse(cli(["export", "--agent", "Acme Support"]).stdout);
    doc.destinations[0].route = "not a route";
    doc.flows[0].name = "";
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = cli(["import", "--file", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/destinations\[0\]\.route: /);
    expect(r.stderr).toMatch(/flows\[0\]\.name: Enter a name/);
    expect(r.stderr).toMatch(/Nothing was imported/);
    expect(r.stdout).toBe("");
  });

  it("answers bad arguments with exit code 2", () => {
    expect(cli(["export"]).stderr).toMatch(/Missing --agent/);
    expect(cli(["export", "--agent", "Nobody"]).code).toBe(2);
    expect(cli(["import", "--file", path.join(dir, "missing.json")]).stderr).toMatch(/no such file/);
    const both = cli(["import", "--file", "x", "--as-new", "--into", "Acme Support"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --as-new or --into/);
  });
});
