import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "./sign-in-failures";
import {
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
  SIGN_IN_WINDOW_MS,
  signInLimitKeys,
} from "../../lib/auth/sign-in-limits";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
});
afterEach(() => ctx.cleanup());

const t0 = Date.parse("2025-05-01T10:00:00.000Z");

describe("failed sign-in limits", () => {
  it("blocks an email after its failures, until the window has passed", () => {
    const keys = signInLimitKeys("Ada@x.io", "10.0.0.1");
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) recordSignInFailure(db, keys, t0 + i);
    expect(signInRetryAfter(db, keys, t0 + 10)).toBe(0);
    recordSignInFailure(db, keys, t0 + 10);
    expect(signInRetryAfter(db, keys, t0 + 10)).toBe(SIGN_IN_WINDOW_MS / 1000);
    // The same email from another address is still blocked; another email from this address is not.
    expect(signInRetryAfter(db, signInLimitKeys("ada@x.io", "10.9.9.9"), t0 + 20)).toBeGreaterThan(0);
    expect(signInRetryAfter(db, signInLimitKeys("bob@x.io", "10.0.0.1"), t0 + 20)).toBe(0);
    expect(signInRetryAfter(db, keys, t0 + SIGN_IN_WINDOW_MS + 1)).toBe(0);
  });

  it("blocks an address trying many emails", () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      recordSignInFailure(db, signInLimitKeys(`u${i}@x.io`, "10.0.0.2"), t0 + i);
    expect(signInRetryAfter(db, signInLimitKeys("new@x.io", "10.0.0.2"), t0 + 100)).toBeGreaterThan(0);
    expect(signInRetryAfter(db, signInLimitKeys("new@x.io", "10.0.0.3"), t0 + 100)).toBe(0);
  });

  it("a success clears its email, not the address", () => {
    const keys = signInLimitKeys("ada@x.io", "10.0.0.1");
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) recordSignInFailure(db, keys, t0);
    clearSignInFailures(db, keys[0]!.key);
    expect(signInRetryAfter(db, keys.slice(0, 1), t0)).toBe(0);
    expect(db.$client.prepare("SELECT failures FROM sign_in_failures WHERE key = ?").get(keys[1]!.key)).toEqual({
      failures: MAX_FAILURES_PER_EMAIL,
    });
  });
});
