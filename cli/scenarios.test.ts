import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { findAgent } from "../db/repositories/agents";
import { listDestinations, updateDestination } from "../db/repositories/handoffs";
import { destinationInputSchema } from "../lib/handoffs/schema";
import { DEMO_SCENARIOS } from "../lib/scenarios/demo";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-scenarios-"));
const dbFile = path.join(dir, "cli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, SWITCHBOARD_DB: dbFile },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A JUnit report's shape (the common schema CI servers read): testsuites > testsuite > testcase [> failure]. */
function readJunit(file: string) {
  const xml = readFileSync(file, "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => name === "testcase" || name === "testsuite",
  }).parse(xml);
  const suites = parsed.testsuites.testsuite as {
    name: string;
    tests: string;
    failures: string;
    testcase: { name: string; classname: string; failure?: { message: string; type: string; "#text": string } }[];
  }[];
  expect(suites).toHaveLength(1);
  const suite = suites[0]!;
  expect(Number(suite.tests)).toBe(suite.testcase.length);
  expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
  for (const c of suite.testcase) expect(typeof c.name === "string" && typeof c.classname === "string").toBe(true);
  return suite;
}

describe("cli scenarios", { timeout: 300_000 }, () => {
  it("lists the demo scenarios, runs them (exit 0), then fails on a changed header (exit 1) with JUnit", () => {
    const list = cli(["scenarios", "list", "--agent", "Acme Support", "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((s: { name: string; last_result: null }) => [s.name, s.last_result])).toEqual(
      DEMO_SCENARIOS.map((s) => [s.name, null]),
    );

    const junit = path.join(dir, "pass.xml");
    const ok = cli(["scenarios", "run", "--agent", "acme support", "--junit", junit]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split("\n")).toEqual([
      ...DEMO_SCENARIOS.map((s) => `PASS  ${s.name}`),
      "3 passed, 0 failed",
    ]);
    const passing = readJunit(junit);
    expect(passing.testcase.map((c) => [c.name, c.classname, c.failure])).toEqual(
      DEMO_SCENARIOS.map((s) => [s.name, "Main line", undefined]),
    );
    expect(cli(["scenarios", "list", "--agent", "Acme Support"]).stdout).toMatch(/never run|pass at/);

    // Billing Support now sends the caller's number as X-Customer-ID.
    const db = openDb(dbFile);
    try {
      const agent = findAgent(db, "Acme Support")!;
      const billing = listDestinations(db, agent.id).find((d) => d.name === "Billing Support")!;
      const input = destinationInputSchema.parse({
        ...billing,
        sipHeaders: billing.sipHeaders.map((h) => (h.name === "X-Customer-ID" ? { ...h, value: "$caller_id" } : h)),
      });
      expect(updateDestination(db, agent.id, billing.id, input).ok).toBe(true);
    } finally {
      db.$client.close();
    }
    const failJunit = path.join(dir, "fail.xml");
    const bad = cli(["scenarios", "run", "--agent", "Acme Support", "--junit", failJunit]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      `FAIL  ${DEMO_SCENARIOS[0]!.name}\n      Header X-Customer-ID: expected "abc123", got "+14155550123"\n`,
    );
    expect(bad.stdout.trim().split("\n").at(-1)).toBe("2 passed, 1 failed");
    const failing = readJunit(failJunit);
    const failed = failing.testcase.filter((c) => c.failure);
    expect(failed.map((c) => c.name)).toEqual([DEMO_SCENARIOS[0]!.name]);
    expect(failed[0]!.failure!["#text"]).toContain('expected "abc123", got "+14155550123"');

    // One scenario by name, as JSON.
    const one = cli(["scenarios", "run", "--agent", "Acme Support", "--name", DEMO_SCENARIOS[2]!.name, "--json"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ passed: 1, failed: 0, results: [{ status: "pass" }] });

    // Against a version that does not exist: every scenario cannot run (exit 1).
    const missing = cli(["scenarios", "run", "--agent", "Acme Support", "--version", "7"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("CANNOT RUN");
    expect(missing.stdout.trim().split("\n").at(-1)).toBe("0 passed, 3 failed (3 could not run)");
  });

  it("exits 2 on bad arguments", () => {
    for (const args of [
      ["scenarios", "run", "--agent", "Acme Support", "--name", "No such scenario"],
      ["scenarios", "run", "--agent", "Acme Support", "--version", "v2"],
      ["scenarios", "run", "--agent", "Nobody"],
      ["scenarios", "run"],
      ["scenarios", "jog", "--agent", "Acme Support"],
      ["scenarios", "list", "--agent", "Acme Support", "--junit", "x.xml"],
    ]) {
      const r = cli(args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
