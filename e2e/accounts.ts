import type { Browser } from "@playwright/test";
import type { Db } from "../db/client";
import { findMemberByEmail } from "../db/repositories/users";
import { CLI_ACTOR, createMember } from "../auth/users";
import type { Role } from "../lib/auth/roles";

/** One member per role, shared by every test of a run; each worker signs each in once. */
export const E2E_PASSWORD = "e2e password";
export const E2E_MEMBERS: Record<Role, { email: string; name: string }> = {
  admin: { email: "admin@e2e.test", name: "Avery Admin" },
  developer: { email: "developer@e2e.test", name: "Devon Developer" },
  designer: { email: "designer@e2e.test", name: "Dana Designer" },
  qa: { email: "qa@e2e.test", name: "Quinn QA" },
};

export type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>;

/** Creates the member unless it exists (two workers may race: the loser finds it taken, which is fine). */
export async function ensureMember(db: Db, email: string, name: string, role: Role, password = E2E_PASSWORD) {
  if (findMemberByEmail(db, email)) return;
  const r = await createMember(db, { email, name, role, password }, CLI_ACTOR);
  if (!r.ok && !r.fieldErrors.email?.includes("already exists")) throw new Error(JSON.stringify(r.fieldErrors));
}

/** Signs in through the sign-in page, as a person does, and keeps the cookies. */
export async function signInState(
  browser: Browser,
  baseURL: string,
  email: string,
  password = E2E_PASSWORD,
): Promise<StorageState> {
  // An empty jar: contexts made inside tests otherwise start with the default (admin) session.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const state = await context.storageState();
  await context.close();
  return state;
}
