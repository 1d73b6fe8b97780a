import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { writeTransaction } from "../transaction";
import { prepared } from "./statements";
import type { Role } from "../../lib/auth/roles";
import type { Member } from "../../lib/auth/types";

interface Row {
  id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
}

const COLUMNS = "id, name, email, role, created_at";
const toMember = (r: Row): Member => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
});

export function countUsers(db: Db): number {
  return (prepared(db, "SELECT count(*) AS n FROM users").get() as { n: number }).n;
}

export function listMembers(db: Db): Member[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM users ORDER BY created_at, id`).all() as Row[]).map(toMember);
}

export function getMember(db: Db, id: string): Member | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as Row | undefined;
  return row ? toMember(row) : null;
}

export function findMemberByEmail(db: Db, email: string): Member | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM users WHERE email = ?`).get(email.toLowerCase()) as Row | undefined;
  return row ? toMember(row) : null;
}

export type InsertUserResult =
  | { ok: true; member: Member }
  | { ok: false; status: "email_taken"; message: string }
  | { ok: false; status: "not_first"; message: string };

/**
 * A member with a password login, written the way better-auth reads it (a `credential` account whose
 * accountId is the user id). The hash comes from the library (auth/passwords.ts). `onlyIfNoUsers`
 * makes the first-run admin safe against two forms submitted at once: the check and the insert
 * share one IMMEDIATE transaction.
 */
export function insertUser(
  db: Db,
  input: { email: string; name: string; role: Role; passwordHash: string },
  options: { onlyIfNoUsers?: boolean } = {},
): InsertUserResult {
  return writeTransaction(db, () => {
    if (options.onlyIfNoUsers && countUsers(db) > 0) {
      return {
        ok: false,
        status: "not_first",
        message: "The admin account already exists; sign in instead",
      } as const;
    }
    const email = input.email.toLowerCase();
    if (findMemberByEmail(db, email)) {
      return { ok: false, status: "email_taken", message: `A member with the email ${email} already exists` } as const;
    }
    const now = nowIso();
    const id = newId("usr");
    prepared(
      db,
      "INSERT INTO users (id, name, email, email_verified, role, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)",
    ).run(id, input.name, email, input.role, now, now);
    prepared(
      db,
      "INSERT INTO accounts (id, account_id, provider_id, user_id, password, created_at, updated_at) VALUES (?, ?, 'credential', ?, ?, ?, ?)",
    ).run(newId("acc"), id, id, input.passwordHash, now, now);
    return { ok: true, member: { id, name: input.name, email, role: input.role, createdAt: now } } as const;
  });
}

export type MemberChangeResult =
  | { ok: true; before: Member; after: Member | null }
  | { ok: false; status: "not_found" | "last_admin"; message: string };

const NOT_FOUND = {
  ok: false,
  status: "not_found",
  message: "This member was removed in the meantime; reload the list",
} as const;
const LAST_ADMIN = {
  ok: false,
  status: "last_admin",
  message: "This is the only admin; make someone else an admin first",
} as const;

function adminCount(db: Db): number {
  return (prepared(db, "SELECT count(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;
}

/** Changes a role; takes effect on the member's next request (sessions read the role each time). */
export function setMemberRole(db: Db, id: string, role: Role): MemberChangeResult {
  return writeTransaction(db, () => {
    const before = getMember(db, id);
    if (!before) return NOT_FOUND;
    if (before.role === "admin" && role !== "admin" && adminCount(db) === 1) return LAST_ADMIN;
    prepared(db, "UPDATE users SET role = ?, updated_at = ? WHERE id = ?").run(role, nowIso(), id);
    return { ok: true, before, after: { ...before, role } };
  });
}

/**
 * Removes a member: their sessions, login and API keys go with them (foreign keys cascade), so
 * a signed-in browser or a key of theirs stops working on its next request.
 */
export function removeMember(db: Db, id: string): MemberChangeResult {
  return writeTransaction(db, () => {
    const before = getMember(db, id);
    if (!before) return NOT_FOUND;
    if (before.role === "admin" && adminCount(db) === 1) return LAST_ADMIN;
    prepared(db, "DELETE FROM users WHERE id = ?").run(id);
    return { ok: true, before, after: null };
  });
}

/** Signs a member out everywhere: every session of theirs ends. Returns how many there were. */
export function revokeMemberSessions(db: Db, userId: string): number {
  return prepared(db, "DELETE FROM sessions WHERE user_id = ?").run(userId).changes;
}

/** Keys made before members existed have no owner; the first admin takes them, so they keep working. */
export function adoptOwnerlessApiKeys(db: Db, userId: string): number {
  return prepared(db, "UPDATE api_keys SET user_id = ? WHERE user_id IS NULL").run(userId).changes;
}
