import type { Browser, BrowserContext } from "@playwright/test";
import { openDb } from "../db/client";
import type { Db } from "../db/client";
import { findMemberByEmail, insertUser } from "../db/repositories/users";
import type { ApiKeyOwner } from "../lib/api/keys";
import { CLI_ACTOR, createMember } from "../auth/users";

export const BENCH_EMAIL = "bench@bench.example";
export const BENCH_PASSWORD = "bench password";

/** Every page needs a signed-in member: the benchmark's admin, created once in its database. */
export async function ensureBenchMember(dbFile: string): Promise<void> {
  const db = openDb(dbFile);
  try {
    if (!findMemberByEmail(db, BENCH_EMAIL)) {
      const r = await createMember(
        db,
        { email: BENCH_EMAIL, name: "Bench", password: BENCH_PASSWORD, role: "admin" },
        CLI_ACTOR,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    }
  } finally {
    db.$client.close();
  }
}

/** A browser context signed in through the sign-in page, as a person would. */
export async function signedInContext(
  browser: Browser,
  base: string,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(BENCH_EMAIL);
  await page.getByLabel("Password").fill(BENCH_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.close();
  return context;
}

/** An admin to own the benchmark's API key (never signs in: the key is all it needs). */
export function benchKeyOwner(db: Db): ApiKeyOwner {
  const existing = findMemberByEmail(db, BENCH_EMAIL);
  const member =
    existing ??
    (() => {
      const r = insertUser(db, { email: BENCH_EMAIL, name: "Bench", role: "admin", passwordHash: "no-sign-in" });
      if (!r.ok) throw new Error(r.message);
      return r.member;
    })();
  return { id: member.id, name: member.name, email: member.email, role: member.role };
}
