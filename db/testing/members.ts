import type { Db } from "../client";
import { insertUser } from "../repositories/users";
import type { ApiKeyOwner } from "../../lib/api/keys";
import type { Role } from "../../lib/auth/roles";

let counter = 0;

/**
 * A member for tests that need an owner (API keys) but never sign in: the password hash is a
 * placeholder no password matches. Tests that sign in use auth/testing/sessions.ts.
 */
export function insertTestMember(
  db: Db,
  role: Role = "admin",
  email = `member-${++counter}@test.example`,
): ApiKeyOwner {
  const result = insertUser(db, { email, name: `Test ${role}`, role, passwordHash: "not-a-hash" });
  if (!result.ok) throw new Error(result.message);
  const { id, name, role: r } = result.member;
  return { id, name, email: result.member.email, role: r };
}
