import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliProcess } from "./testing/cli-process";

const { cli, cleanup, dir } = cliProcess("handoffs", 30_000);
afterAll(cleanup);

describe("cli export-handoffs / import-handoffs", { timeout: 120_000 }, () => {
  it("exports handoffs.yaml; an invalid file imports nothing (exit 2, each problem by path); a valid one merges", () => {
    const first = cli(["export-handoffs", "--agent", "Acme Support"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^handoffs:\n {2}- name: Front desk\n/);
    const broken = first.stdout.replace("method: bye", "method: hangup");
    const file = path.join(dir, "handoffs.yaml");
    writeFileSync(file, broken);
    const bad = cli(["import-handoffs", "--agent", "Acme Support", "--file", file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'handoffs[2].sip_config.method: Expected one of refer, invite, bye, found string "hangup"',
    );
    expect(bad.stderr).toMatch(/Nothing was imported/);
    expect(cli(["export-handoffs", "--agent", "Acme Support"]).stdout).toBe(first.stdout);

    const added = `${first.stdout}  - name: Sales\n    sip_config:\n      method: refer\n      phone_number: "+14155550123"\n`;
    const ok = cli(["import-handoffs", "--agent", "Acme Support", "--file", "-"], added);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('Imported into "Acme Support": 1 added, 0 changed, 0 deleted\n');
    const out = path.join(dir, "out.yaml");
    expect(cli(["export-handoffs", "--agent", "Acme Support", "--file", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('  - name: Sales\n    description: ""\n    is_default: false\n');

    // --replace: only the file's destinations remain; the round trip is byte-identical.
    const replaced = cli(["import-handoffs", "--agent", "Acme Support", "--file", file.replace(".yaml", "-1.yaml")]);
    expect(replaced.code).toBe(2);
    writeFileSync(file, first.stdout);
    const r = cli(["import-handoffs", "--agent", "Acme Support", "--file", file, "--replace"]);
    expect(r.stdout).toBe('Imported into "Acme Support": 0 added, 0 changed, 1 deleted\n');
    expect(cli(["export-handoffs", "--agent", "Acme Support"]).stdout).toBe(first.stdout);
  });
});
