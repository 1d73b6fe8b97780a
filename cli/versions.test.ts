import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { listAudit } from "../db/repositories/audit";
import { getConversation } from "../db/repositories/conversations";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-versions-"));
const dbFile = path.join(dir, "cli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, SWITCHBOARD_DB: dbFile },
    encoding: "utf8",
    input,
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("cli publish / promote", { timeout: 180_000 }, () => {
  it("publishes with a note, says when nothing changed, promotes, and exports a version", () => {
    const first = cli(["publish", "--agent", "Acme Support", "--note", "First cut", "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ published: true, version: 1, note: "First cut" });
    const again = cli(["publish", "--agent", "Acme Support"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("Nothing changed since version 1\n");

    // Change the draft through import, publish version 2, promote 1 (a rollback), export it.
    const doc = JSON.parse(cli(["export", "--agent", "Acme Support"]).stdout);
    doc.destinations[0].route = "sip:reception@pbx.acme.example";
    expect(cli(["import", "--file", "-", "--into", "Acme Support"], JSON.stringify(doc)).code).toBe(0);
    expect(cli(["publish", "--agent", "Acme Support"]).stdout).toMatch(/^Published version 2 of "Acme Support"/);
    const early = cli(["promote", "--agent", "Acme Support", "--to", "live", "--version", "1"]);
    expect(early).toMatchObject({ code: 1, stderr: expect.stringMatching(/Version 1 has not been in pre-release/) });
    const pre = cli(["promote", "--agent", "Acme Support", "--to", "pre-release", "--version", "1"]);
    expect(pre).toMatchObject({ code: 0, stdout: 'Version 1 of "Acme Support" is in pre-release (was none)\n' });
    const promoted = cli(["promote", "--agent", "Acme Support", "--to", "live"]);
    expect(promoted).toMatchObject({ code: 0, stdout: 'Version 1 of "Acme Support" is in live (was none)\n' });
    const live = JSON.parse(cli(["export", "--agent", "Acme Support", "--version", "live"]).stdout);
    expect(live.destinations[0].route).toBe("sip:frontdesk@pbx.acme.example");

    // Each change is in the audit log, by the CLI.
    const db = openDb(dbFile);
    try {
      const entries = listAudit(db, { filters: {}, before: null, limit: 50 }).entries;
      expect(entries.map((e) => [e.actor.name, e.actor.via, e.action, e.summary])).toEqual([
        ["CLI", "cli", "version.promoted", "live none → version 1"],
        ["CLI", "cli", "version.promoted", "pre-release none → version 1"],
        ["CLI", "cli", "version.published", "no note"],
        ["CLI", "cli", "agent.imported", "draft replaced from standard input"],
        ["CLI", "cli", "version.published", 'note "First cut"'],
      ]);
    } finally {
      db.$client.close();
    }
  });

  it("simulates the live version (or any version) and stores what ran", () => {
    const say = ["--say", "speak to a person", "--json"];
    const live = JSON.parse(cli(["simulate", "--agent", "Acme Support", "--version", "live", "--save", ...say]).stdout);
    expect(live.handoff.route).toBe("sip:frontdesk@pbx.acme.example");
    expect(live).toMatchObject({ version: 1, saved: true });
    const draft = JSON.parse(cli(["simulate", "--agent", "Acme Support", ...say]).stdout);
    expect(draft).toMatchObject({ version: null, handoff: { route: "sip:reception@pbx.acme.example" } });
    const db = openDb(dbFile);
    try {
      expect(getConversation(db, live.conversation_id)!.version).toBe(1);
    } finally {
      db.$client.close();
    }
    expect(cli(["simulate", "--agent", "Acme Support", "--version", "7"]).stderr).toMatch(/No version 7/);
  });

  it("refuses a draft with lint errors unless --force, listing them", () => {
    const doc = JSON.parse(cli(["export", "--agent", "Acme Support"]).stdout);
    doc.flows[0].nodes = doc.flows[0].nodes.filter((n: { type: string }) => n.type !== "start");
    doc.flows[0].edges = doc.flows[0].edges.filter((e: { source: string }) => e.source !== "start");
    expect(cli(["import", "--file", "-", "--into", "Acme Support"], JSON.stringify(doc)).code).toBe(0);
    const refused = cli(["publish", "--agent", "Acme Support"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/lint error/);
    expect(refused.stderr).toMatch(/Flow "Main line": .*Start node/);
    expect(cli(["publish", "--agent", "Acme Support", "--force"]).code).toBe(0);
  });

  it("answers bad arguments with exit code 2", () => {
    expect(cli(["promote", "--agent", "Acme Support", "--to", "live", "--version", "x"]).stderr).toMatch(
      /version number/,
    );
    expect(cli(["promote", "--agent", "Acme Support", "--to", "staging"]).stderr).toMatch(/pre-release or live/);
    const missing = cli(["promote", "--agent", "Acme Support", "--to", "live", "--version", "99"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No version 99\. Versions: /);
    expect(cli(["export", "--agent", "Acme Support", "--version", "99"]).stderr).toMatch(/No version 99/);
    expect(cli(["publish"]).code).toBe(2);
  });
});
