import type { Db } from "../client";
import { prepared } from "./statements";
import { SIGN_IN_WINDOW_MS, type LimitKey } from "../../lib/auth/sign-in-limits";

/** Seconds until the first key that reached its limit opens again, or 0 when none has. */
export function signInRetryAfter(db: Db, keys: LimitKey[], now: number = Date.now()): number {
  const cutoff = new Date(now - SIGN_IN_WINDOW_MS).toISOString();
  let wait = 0;
  for (const { key, max } of keys) {
    const row = prepared(
      db,
      "SELECT failures, window_started_at FROM sign_in_failures WHERE key = ? AND window_started_at > ?",
    ).get(key, cutoff) as { failures: number; window_started_at: string } | undefined;
    if (row && row.failures >= max) {
      wait = Math.max(wait, Math.ceil((Date.parse(row.window_started_at) + SIGN_IN_WINDOW_MS - now) / 1000));
    }
  }
  return wait;
}

/** Counts one failure against each key, in one statement per key (atomic across processes). */
export function recordSignInFailure(db: Db, keys: LimitKey[], now: number = Date.now()): void {
  const at = new Date(now).toISOString();
  const cutoff = new Date(now - SIGN_IN_WINDOW_MS).toISOString();
  for (const { key } of keys) {
    prepared(
      db,
      `INSERT INTO sign_in_failures (key, failures, window_started_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN window_started_at <= ? THEN 1 ELSE failures + 1 END,
         window_started_at = CASE WHEN window_started_at <= ? THEN excluded.window_started_at ELSE window_started_at END`,
    ).run(key, at, cutoff, cutoff);
  }
  // Expired windows are dead weight; clearing them here keeps the table as small as the attack.
  prepared(db, "DELETE FROM sign_in_failures WHERE window_started_at <= ?").run(cutoff);
}

export function clearSignInFailures(db: Db, key: string): void {
  prepared(db, "DELETE FROM sign_in_failures WHERE key = ?").run(key);
}
