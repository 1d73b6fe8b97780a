import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { seedIfEmpty } from "./seed";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DB_FILE = "data/switchboard.db";

export function databaseFile(): string {
  return process.env.SWITCHBOARD_DB || DEFAULT_DB_FILE;
}

function migrationsFolder(): string {
  return process.env.SWITCHBOARD_MIGRATIONS || path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
}

/** Opens (creating if needed) a database file, applies pending migrations and seeds a fresh one. */
export function openDb(file: string = databaseFile(), options: { seed?: boolean } = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrateWithRetry(() => migrate(db, { migrationsFolder: migrationsFolder() }));
  if (options.seed !== false) seedIfEmpty(db);
  return db;
}

/**
 * drizzle's migrator reads which migrations are applied, then opens a deferred transaction and
 * writes. When several processes open a fresh file at once, the others either get SQLITE_BUSY on
 * that upgrade, or — when they read before the winner committed and write after — find its tables
 * already there ("table agents already exists", "duplicate column name"); their transaction rolls back. Either way, trying
 * again reads the winner's record and finds nothing left to apply.
 */
export function migrateWithRetry(run: () => void): void {
  for (let attempt = 1; ; attempt++) {
    try {
      run();
      return;
    } catch (e) {
      const code =
        (e as { code?: string; cause?: { code?: string } }).code ??
        (e as { cause?: { code?: string } }).cause?.code ??
        "";
      const message = `${(e as Error).message ?? ""} ${(e as { cause?: Error }).cause?.message ?? ""}`;
      const busy = code.startsWith("SQLITE_BUSY");
      // A migration that itself clashes with the schema fails the same way every time: give up soon.
      const raced = /already exists|duplicate column name/.test(message) && attempt < 4;
      if ((!busy && !raced) || attempt >= 20) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25 * attempt);
    }
  }
}
