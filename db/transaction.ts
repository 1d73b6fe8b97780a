import type { Db } from "./client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Runs `fn` in a transaction that takes SQLite's write lock when it begins.
 *
 * A deferred transaction that reads and then writes fails at once with SQLITE_BUSY(_SNAPSHOT)
 * in WAL mode when another process committed between its read and its write: the busy timeout
 * does not apply to that upgrade. BEGIN IMMEDIATE waits (up to busy_timeout) for the lock
 * instead, so several server processes can write through the same repositories safely.
 * Every multi-statement write goes through here; ESLint forbids a bare `.transaction(`.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  // eslint-disable-next-line no-restricted-syntax -- the one place that opens transactions
  return db.transaction(fn, { behavior: "immediate" });
}
