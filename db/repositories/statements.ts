import type Database from "better-sqlite3";
import type { Db } from "../client";

// Hot API paths use better-sqlite3 prepared statements directly: preparing once per connection
// and SQL text keeps the per-request cost to binding and stepping.
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let byText = cache.get(db.$client);
  if (!byText) {
    byText = new Map();
    cache.set(db.$client, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.$client.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}
