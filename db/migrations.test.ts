import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { listConversations } from "./repositories/conversations";
import type { ConversationFilters } from "../lib/conversations/filters";

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

describe("migration 0014_review_time_order", () => {
  it("renumbers stored calls into the list's order and indexes their text and filter values", () => {
    const before = migrationsBefore("0014_review_time_order");
    const sqlite = new Database(path.join(dir!, "db.sqlite"));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.prepare("INSERT INTO agents (id, name) VALUES ('agt_1', 'A')").run();
    const insert = sqlite.prepare(
      "INSERT INTO conversations (id, agent_id, started_at, outcome, destination, source, transcript_text) VALUES (?, 'agt_1', ?, ?, ?, ?, ?)",
    );
    // Stored out of time order, two in one millisecond (ids out of arrival order).
    insert.run("conv_b", "2025-01-02T00:00:00.000Z", "handoff", "Front desk", "builtin", "I want a refund");
    insert.run("conv_a", "2025-01-01T00:00:00.000Z", "hangup", null, null, "Hello refunds");
    insert.run("conv_d", "2025-01-03T00:00:00.000Z", "handoff", "Front desk", "builtin", "Where is my order");
    insert.run("conv_c", "2025-01-03T00:00:00.000Z", "handoff", "Front desk", "function", "refund now");

    migrate(db, { migrationsFolder: MIGRATIONS });
    const byRowid = sqlite.prepare("SELECT id FROM conversations ORDER BY rowid").pluck().all();
    // Newest first; in one millisecond by id.
    expect(byRowid).toEqual(["conv_c", "conv_d", "conv_b", "conv_a"]);
    const page = (filters: ConversationFilters) =>
      listConversations(db as unknown as Db, "agt_1", filters, null, 10).data.map((r) => r.id);
    expect(page({ q: "refu*" })).toEqual(["conv_c", "conv_b", "conv_a"]);
    expect(page({ q: "refund", destination: "Front desk" })).toEqual(["conv_c", "conv_b"]);
    expect(page({ outcome: "handoff", source: "builtin" })).toEqual(["conv_d", "conv_b"]);
    expect(page({ outcome: "hangup", destination: "Front desk" })).toEqual([]);
    // A call stored afterwards lands in order too.
    sqlite
      .prepare(
        "INSERT INTO conversations (id, agent_id, started_at, outcome, transcript_text) VALUES ('conv_e', 'agt_1', '2025-01-01T12:00:00.000Z', 'hangup', 'refund')",
      )
      .run();
    expect(page({ q: "refund" })).toEqual(["conv_c", "conv_b", "conv_e"]);
    sqlite.close();
  });
});
