import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { authenticateApiKey, createApiKey } from "./api-keys";
import {
  adoptOwnerlessApiKeys,
  countUsers,
  insertUser,
  listMembers,
  removeMember,
  revokeMemberSessions,
  setMemberRole,
} from "./users";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
});
afterEach(() => ctx.cleanup());

const add = (email: string, role: "admin" | "developer" | "designer" | "qa" = "designer") => {
  const r = insertUser(db, { email, name: email.split("@")[0]!, role, passwordHash: "h" });
  if (!r.ok) throw new Error(r.message);
  return r.member;
};

describe("users repository", () => {
  it("refuses a second member with the same email, ignoring case", () => {
    add("ada@example.com");
    const again = insertUser(db, { email: "ADA@example.com", name: "Ada", role: "qa", passwordHash: "h" });
    expect(again).toMatchObject({ ok: false, status: "email_taken" });
    expect(countUsers(db)).toBe(1);
  });

  it("makes the first admin only while there are no members", () => {
    const first = insertUser(
      db,
      { email: "a@x.io", name: "A", role: "admin", passwordHash: "h" },
      { onlyIfNoUsers: true },
    );
    const second = insertUser(
      db,
      { email: "b@x.io", name: "B", role: "admin", passwordHash: "h" },
      { onlyIfNoUsers: true },
    );
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, status: "not_first" });
    expect(listMembers(db).map((m) => m.email)).toEqual(["a@x.io"]);
  });

  it("never leaves the workspace without an admin", () => {
    const admin = add("admin@x.io", "admin");
    expect(setMemberRole(db, admin.id, "qa")).toMatchObject({ ok: false, status: "last_admin" });
    expect(removeMember(db, admin.id)).toMatchObject({ ok: false, status: "last_admin" });
    const other = add("other@x.io", "designer");
    expect(setMemberRole(db, other.id, "admin").ok).toBe(true);
    expect(setMemberRole(db, admin.id, "qa")).toMatchObject({
      ok: true,
      before: { role: "admin" },
      after: { role: "qa" },
    });
  });

  it("removing a member ends their sessions and their API keys at once", () => {
    add("admin@x.io", "admin");
    const m = add("dev@x.io", "developer");
    const { secret } = createApiKey(db, "dev key", m);
    db.$client
      .prepare(
        "INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES ('s1', 't1', ?, '2999-01-01T00:00:00.000Z', '', '')",
      )
      .run(m.id);
    expect(authenticateApiKey(db, secret)?.owner.role).toBe("developer");
    expect(removeMember(db, m.id).ok).toBe(true);
    expect(authenticateApiKey(db, secret)).toBeNull();
    expect(db.$client.prepare("SELECT count(*) AS n FROM sessions").get()).toEqual({ n: 0 });
    expect(db.$client.prepare("SELECT count(*) AS n FROM accounts").get()).toEqual({ n: 1 });
  });

  it("a key acts with its owner's current role", () => {
    const m = add("dev@x.io", "developer");
    add("admin@x.io", "admin");
    const { secret } = createApiKey(db, "k", m);
    setMemberRole(db, m.id, "qa");
    expect(authenticateApiKey(db, secret)?.owner.role).toBe("qa");
  });

  it("signs a member out everywhere", () => {
    const m = add("a@x.io");
    for (const t of ["t1", "t2"])
      db.$client
        .prepare(
          "INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES (?, ?, ?, '2999', '', '')",
        )
        .run(t, t, m.id);
    expect(revokeMemberSessions(db, m.id)).toBe(2);
  });

  it("gives keys made before members existed to the first admin", () => {
    db.$client
      .prepare(
        "INSERT INTO api_keys (id, name, prefix, hash, created_at) VALUES ('key_old', 'old', 'sk_live_abcd', 'h', '')",
      )
      .run();
    const admin = add("a@x.io", "admin");
    expect(adoptOwnerlessApiKeys(db, admin.id)).toBe(1);
    expect(db.$client.prepare("SELECT user_id FROM api_keys").get()).toEqual({ user_id: admin.id });
  });
});
