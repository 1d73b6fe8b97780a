import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `npm run cli` as a child process on a database file of its own (seeded on first use), the way a
 * script runs it: arguments, optional standard input, exit code and both streams.
 */
export function cliProcess(label: string, timeoutMs: number) {
  const dir = mkdtempSync(path.join(tmpdir(), `switchboard-cli-${label}-`));
  const db = path.join(dir, "cli.db");
  const cli = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, SWITCHBOARD_DB: db },
      encoding: "utf8",
      input,
      timeout: timeoutMs,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { db, dir, cli, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
