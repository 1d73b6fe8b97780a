import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "../../db/client";
import { listAudit } from "../../db/repositories/audit";
import { createAuth } from "../../auth/better-auth";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-user-"));
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

describe("cli user", { timeout: 90_000 }, () => {
  it("creates the first admin, who can then sign in with that password", async () => {
    const r = cli(
      "user",
      "create",
      "--email",
      "Ada@Example.com",
      "--password",
      "correct horse",
      "--role",
      "admin",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const created = JSON.parse(r.stdout) as { id: string; email: string; name: string; role: string };
    expect(created).toMatchObject({ email: "ada@example.com", name: "Ada", role: "admin" });

    const db = openDb(dbFile);
    try {
      const auth = createAuth(db, "cli-test-secret-cli-test-secret-0123456789");
      const ok = await auth.api.signInEmail({
        body: { email: "ada@example.com", password: "correct horse" },
        asResponse: true,
      });
      expect(ok.status).toBe(200);
      const wrong = await auth.api.signInEmail({
        body: { email: "ada@example.com", password: "wrong" },
        asResponse: true,
      });
      expect(wrong.status).toBe(401);
      const [entry] = listAudit(db, { filters: { targetType: "member" }, before: null, limit: 1 }).entries;
      expect(entry).toMatchObject({
        action: "member.created",
        actor: { name: "CLI", via: "cli" },
        summary: "added as Admin",
      });
    } finally {
      db.$client.close();
    }
  });

  it("lists members", () => {
    expect(
      cli("user", "create", "--email", "qa@example.com", "--password", "long enough", "--role", "qa", "--name", "Quinn")
        .code,
    ).toBe(0);
    const list = JSON.parse(cli("user", "list", "--json").stdout) as { email: string; role: string; name: string }[];
    expect(list.map((m) => [m.email, m.role, m.name])).toEqual([
      ["ada@example.com", "admin", "Ada"],
      ["qa@example.com", "qa", "Quinn"],
    ]);
  });

  it.each([
    [
      ["user", "create", "--email", "ada@example.com", "--password", "long enough", "--role", "qa"],
      /--email: A member with the email ada@example.com already exists/,
    ],
    [["user", "create", "--email", "ADA@example.com", "--password", "long enough", "--role", "qa"], /already exists/],
    [
      ["user", "create", "--email", "not-an-email", "--password", "long enough", "--role", "qa"],
      /--email: Enter an email address/,
    ],
    [
      ["user", "create", "--email", "b@example.com", "--password", "short", "--role", "qa"],
      /--password: Passwords are at least 8 characters/,
    ],
    [
      ["user", "create", "--email", "b@example.com", "--password", "long enough", "--role", "owner"],
      /--role: Choose a role: admin/,
    ],
    [["user", "create", "--email", "b@example.com", "--role", "qa"], /Missing --password/],
    [
      ["user", "create", "--email", "b@example.com", "--password", "long enough", "--role", "qa", "--bogus"],
      /Unknown option --bogus/,
    ],
    [["user", "delete"], /Unknown user command "delete"/],
    [["user"], /Say what to do/],
  ])("exits 2 with a clear message: %j", (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});
