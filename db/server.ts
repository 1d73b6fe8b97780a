import "server-only";
import { openDb, type Db } from "./client";

// One connection per server process; Next may evaluate this module more than once in dev.
const holder = globalThis as unknown as { __switchboardDb?: Db };

export function getDb(): Db {
  holder.__switchboardDb ??= openDb();
  return holder.__switchboardDb;
}
