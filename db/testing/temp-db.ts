import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "../client";

/** A real SQLite file in a fresh temp folder, migrated; seeded only when asked. */
export function tempDb(options: { seed?: boolean } = {}): { db: Db; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-test-"));
  const file = path.join(dir, "test.db");
  const db = openDb(file, { seed: options.seed ?? false });
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
