import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before `tag` (a copy with the journal cut there). */
function migrationsBefore(tag: string): string {
  dir = mkdtempSync(path.join(tmpdir(), "switchboard-migrations-"));
  const folder = path.join(dir, "migrations");
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8"));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal));
  return folder;
}

describe("migration 0009_knowledge_topics", () => {
  it("gives handoff records stored before topics existed `topic: null` and leaves other rows alone", () => {
    const before = migrationsBefore("0009_knowledge_topics");
    const sqlite = new Database(path.join(dir!, "db.sqlite"));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.prepare("INSERT INTO agents (id, name) VALUES ('agt_1', 'A')").run();
    const insert = sqlite.prepare(
      "INSERT INTO conversations (id, agent_id, started_at, outcome, handoff) VALUES (?, 'agt_1', '2025-01-01T00:00:00.000Z', ?, ?)",
    );
    insert.run("conv_old", "handoff", JSON.stringify({ destination: "Front desk", source: "builtin" }));
    insert.run("conv_none", "hangup", null);
    expect(() => sqlite.prepare("SELECT 1 FROM knowledge_topics").get()).toThrow(/no such table/);

    migrate(db, { migrationsFolder: MIGRATIONS });
    const handoff = (id: string) =>
      (sqlite.prepare("SELECT handoff FROM conversations WHERE id = ?").pluck().get(id) as string | null) ?? null;
    expect(JSON.parse(handoff("conv_old")!)).toEqual({ destination: "Front desk", source: "builtin", topic: null });
    expect(handoff("conv_none")).toBeNull();
    expect(sqlite.prepare("SELECT count(*) FROM knowledge_topics").pluck().get()).toBe(0);
    sqlite.close();
  });
});
