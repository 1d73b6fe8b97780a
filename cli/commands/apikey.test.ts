import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "../../db/client";
import { authenticateApiKey } from "../../db/repositories/api-keys";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-apikey-"));
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

describe("cli apikey", { timeout: 60_000 }, () => {
  it("needs a member to own the key", () => {
    const r = cli("apikey", "create", "--name", "CI");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No members yet: a key acts for a member/);
  });

  it("creates a working key for the first admin, printed alone on stdout; lists and revokes it", () => {
    expect(
      cli("user", "create", "--email", "ops@example.com", "--password", "long enough", "--role", "admin").code,
    ).toBe(0);
    const created = cli("apikey", "create", "--name", "CI");
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(created.stderr).toMatch(/not shown again/);
    const db = openDb(dbFile);
    const apiKey = authenticateApiKey(db, key);
    db.$client.close();
    expect(apiKey?.name).toBe("CI");
    expect(apiKey?.owner).toMatchObject({ email: "ops@example.com", role: "admin" });

    const list = JSON.parse(cli("apikey", "list", "--json").stdout) as {
      id: string;
      prefix: string;
      revoked_at: string | null;
    }[];
    expect(list).toEqual([expect.objectContaining({ id: apiKey!.id, prefix: key.slice(0, 12), revoked_at: null })]);
    expect(list[0]).not.toHaveProperty("key");

    expect(cli("apikey", "revoke", "--id", apiKey!.id).code).toBe(0);
    const db2 = openDb(dbFile);
    expect(authenticateApiKey(db2, key)).toBeNull();
    db2.$client.close();
  });

  it("exits 2 with a message on bad usage", () => {
    for (const args of [
      ["apikey"],
      ["apikey", "create"],
      ["apikey", "create", "--name", "  "],
      ["apikey", "rotate"],
      ["apikey", "revoke", "--id", "key_nope"],
      ["apikey", "create", "--name", "x", "--bogus"],
      ["apikey", "create", "--name", "x", "--user", "nobody@example.com"],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
