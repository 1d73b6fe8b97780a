import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { findAgent } from "../db/repositories/agents";
import { createScenario } from "../db/repositories/scenarios";
import { cliProcess } from "./testing/cli-process";

const { db: dbFile, cli, cleanup } = cliProcess("scenario-tags", 120_000);
afterAll(cleanup);

beforeAll(() => {
  // The seed runs on first use: list once, then add tagged scenarios beside the demo ones.
  expect(cli(["scenarios", "list", "--agent", "Acme Support"]).code).toBe(0);
  const db = openDb(dbFile);
  try {
    const agent = findAgent(db, "Acme Support")!;
    const goodbye = (name: string, tags: string[]) =>
      createScenario(db, agent.id, { name, tags, turns: [{ say: "goodbye" }], expect: { outcome: "hangup" } });
    goodbye("Smoke goodbye", ["smoke"]);
    goodbye("Billing goodbye", ["billing", "nightly"]);
  } finally {
    db.$client.close();
  }
}, 120_000);

describe("cli scenarios run --tag", { timeout: 300_000 }, () => {
  it("runs only scenarios with any of the tags (repeatable or comma list); list shows tags", () => {
    const one = cli(["scenarios", "run", "--agent", "Acme Support", "--tag", "smoke"]);
    expect(one.stderr).toBe("");
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split("\n")).toEqual(["PASS  Smoke goodbye", "1 passed, 0 failed"]);

    const both = cli(["scenarios", "run", "--agent", "Acme Support", "--tag", "smoke,NIGHTLY", "--json"]);
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).results.map((r: { name: string }) => r.name)).toEqual([
      "Smoke goodbye",
      "Billing goodbye",
    ]);
    const repeated = cli(["scenarios", "run", "--agent", "Acme Support", "--tag", "smoke", "--tag", "billing"]);
    expect(repeated.stdout).toContain("2 passed, 0 failed");

    expect(cli(["scenarios", "list", "--agent", "Acme Support"]).stdout).toContain(
      "Billing goodbye [billing, nightly]",
    );
  });

  it("exits 2 with a clear message when no scenario has the tag, or the tag is not one", () => {
    const none = cli(["scenarios", "run", "--agent", "Acme Support", "--tag", "vip"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No scenario has the tag vip (tags in use: billing, nightly, smoke)");
    expect(none.stdout).toBe("");
    const bad = cli(["scenarios", "run", "--agent", "Acme Support", "--tag", "Smoke!"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tag: "smoke!" is not a tag');
  });
});
