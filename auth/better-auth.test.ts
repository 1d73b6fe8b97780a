import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../db/testing/temp-db";
import type { Db } from "../db/client";
import { createAuth, SESSION_COOKIE_NAME } from "./better-auth";
import { createMember, CLI_ACTOR } from "./users";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
});
afterEach(() => ctx.cleanup());

const SECRET = "test-secret-test-secret-test-secret-0123456789";

async function signIn(auth: ReturnType<typeof createAuth>, email: string, password: string) {
  return auth.api.signInEmail({ body: { email, password }, asResponse: true });
}

describe("better-auth on the app's database", () => {
  it("signs a member in with the password set through createMember, and the session cookie is httpOnly, SameSite=Lax", async () => {
    const created = await createMember(
      db,
      { email: "Ada@Example.com", name: "Ada", password: "correct horse", role: "designer" },
      CLI_ACTOR,
    );
    expect(created.ok).toBe(true);
    const auth = createAuth(db, SECRET);
    const res = await signIn(auth, "ada@example.com", "correct horse");
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`${SESSION_COOKIE_NAME}=`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const token = /switchboard\.session_token=([^;]+)/.exec(cookie)![1]!;
    const session = await auth.api.getSession({ headers: new Headers({ cookie: `${SESSION_COOKIE_NAME}=${token}` }) });
    expect(session?.user).toMatchObject({ email: "ada@example.com", name: "Ada", role: "designer" });

    // The stored password is the library's hash, not the password.
    const stored = db.$client.prepare("SELECT password FROM accounts").get() as { password: string };
    expect(stored.password).not.toContain("correct horse");
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    await createMember(db, { email: "ada@example.com", name: "Ada", password: "correct horse", role: "qa" }, CLI_ACTOR);
    const auth = createAuth(db, SECRET);
    const wrong = await signIn(auth, "ada@example.com", "wrong horse");
    const unknown = await signIn(auth, "bob@example.com", "wrong horse");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("has sign-up closed: members are only created by admins and the CLI", async () => {
    const auth = createAuth(db, SECRET);
    const res = await auth.api.signUpEmail({
      body: { email: "eve@example.com", name: "Eve", password: "password123" },
      asResponse: true,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((db.$client.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n).toBe(0);
  });
});
