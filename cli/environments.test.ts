import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-environments-"));
const db = path.join(dir, "cli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, SWITCHBOARD_DB: db },
    encoding: "utf8",
    input,
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const A = ["--agent", "Acme Support"];

describe("cli promote --dry-run, rollback, simulate --version pre-release", { timeout: 240_000 }, () => {
  it("moves versions one step, shows a dry run's changes, rolls back, and simulates pre-release", () => {
    expect(cli(["publish", ...A]).code).toBe(0);
    expect(cli(["promote", ...A, "--to", "pre-release"]).code).toBe(0);
    expect(cli(["promote", ...A, "--to", "live"]).code).toBe(0);
    const doc = JSON.parse(cli(["export", ...A]).stdout);
    doc.destinations[0].route = "sip:reception@pbx.acme.example";
    expect(cli(["import", "--file", "-", "--into", "Acme Support"], JSON.stringify(doc)).code).toBe(0);
    expect(cli(["publish", ...A]).code).toBe(0);

    const dry = cli(["promote", ...A, "--to", "pre-release", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      'Dry run: version 2 of "Acme Support" → pre-release (now version 1)\nChanges:\n  destination "Front desk" changed: route\nNothing was moved.\n',
    );
    expect(cli(["export", ...A, "--version", "pre-release"]).stdout).toContain("sip:frontdesk@pbx.acme.example");
    expect(cli(["promote", ...A, "--to", "pre-release"]).stdout).toBe(
      'Version 2 of "Acme Support" is in pre-release (was version 1)\n',
    );
    // Pre-release runs version 2 while live still runs version 1.
    const say = ["--say", "speak to a person", "--json"];
    const pre = JSON.parse(cli(["simulate", ...A, "--version", "pre-release", ...say]).stdout);
    expect(pre).toMatchObject({ version: 2, handoff: { route: "sip:reception@pbx.acme.example" } });
    const live = JSON.parse(cli(["simulate", ...A, "--version", "live", ...say]).stdout);
    expect(live).toMatchObject({ version: 1, handoff: { route: "sip:frontdesk@pbx.acme.example" } });

    expect(cli(["promote", ...A, "--to", "live"]).stdout).toBe(
      'Version 2 of "Acme Support" is in live (was version 1)\n',
    );
    expect(cli(["rollback", ...A, "--env", "live"]).stdout).toBe(
      'live of "Acme Support" is back to version 1 (was version 2)\n',
    );
    expect(cli(["rollback", ...A, "--env", "live"]).stdout).toBe(
      'live of "Acme Support" is back to no version (was version 1)\n',
    );
    const nothing = cli(["rollback", ...A, "--env", "live"]);
    expect(nothing).toMatchObject({ code: 1, stderr: "error: live has no earlier version to return to\n" });
    expect(cli(["rollback", ...A, "--env", "prod"]).code).toBe(2);
  });
});
