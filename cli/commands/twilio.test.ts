import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "../../db/client";
import { listAudit } from "../../db/repositories/audit";
import { getTwilioCredentials } from "../../db/repositories/telephony";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-twilio-"));
const dbFile = path.join(dir, "cli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, SWITCHBOARD_DB: dbFile },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SID = "AC" + "1".repeat(32);
const TOKEN = "9".repeat(32);

describe("cli twilio", { timeout: 90_000 }, () => {
  it("connects with --no-verify, assigns by hand and prints the URLs, without a network", () => {
    const bad = cli(
      "twilio",
      "connect",
      "--sid",
      "AC12",
      "--token",
      TOKEN,
      "--public-url",
      "http://x.example",
      "--no-verify",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sid: An Account SID is AC followed by 32/);
    expect(bad.stderr).toMatch(/--public-url: Use https:\/\//);

    const c = cli(
      "twilio",
      "connect",
      "--sid",
      SID,
      "--token",
      TOKEN,
      "--public-url",
      "https://voice.acme.example",
      "--no-verify",
    );
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toContain(`Connected ${SID} (not verified)`);
    expect(c.stdout).not.toContain(TOKEN);

    const a = cli("twilio", "assign", "--number", "+14155550100", "--agent", "Acme Support", "--by-hand");
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain("+14155550100 serves Acme Support");
    expect(a.stdout).toContain("A call comes in (HTTP POST): https://voice.acme.example/voice/call");
    expect(a.stdout).toContain("Call status changes (HTTP POST): https://voice.acme.example/voice/status");

    const s = cli("twilio", "status", "--json");
    expect(s.stdout).not.toContain(TOKEN);
    expect(JSON.parse(s.stdout)).toMatchObject({
      connection: { accountSid: SID, publicBaseUrl: "https://voice.acme.example" },
      numbers: [{ phoneNumber: "+14155550100", agentName: "Acme Support", assignedBy: "hand" }],
    });

    const db = openDb(dbFile);
    try {
      expect(getTwilioCredentials(db)!.sealedToken).not.toContain(TOKEN);
      const actions = listAudit(db, { filters: { targetType: "telephony" }, before: null, limit: 10 }).entries.map(
        (e) => `${e.action} by ${e.actor.name}`,
      );
      expect(actions).toEqual(["telephony.number_assigned by CLI", "telephony.connected by CLI"]);
    } finally {
      db.$client.close();
    }
    expect(cli("twilio", "disconnect").code).toBe(0);
    expect(cli("twilio", "status").stdout).toContain("Twilio is not connected");
  });
});
