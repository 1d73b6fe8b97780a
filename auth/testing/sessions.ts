// Test support (imported by *.test.ts only): real members and real better-auth sessions on the
// temporary database, and the request headers a server action or route handler sees.
// A test file mocks next/headers with `nextHeadersMock` before importing what it tests.
import { getDb } from "../../db/server";
import { type Role } from "../../lib/auth/roles";
import { SESSION_COOKIE_NAME } from "../../lib/auth/session-cookie";
import { getAuth } from "../server";
import { CLI_ACTOR, createMember } from "../users";

const state = { headers: new Headers() };

/** `vi.mock("next/headers", () => nextHeadersMock)`: headers() answers what actAs set. */
export const nextHeadersMock = {
  headers: async () => state.headers,
  cookies: async () => ({
    get: (name: string) => {
      const m = new RegExp(`(?:^|; )${name.replace(/\./g, "\\.")}=([^;]*)`).exec(state.headers.get("cookie") ?? "");
      return m ? { name, value: m[1] } : undefined;
    },
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  }),
};

export const TEST_PASSWORD = "a test password";
let counter = 0;

/** A new member with this role, signed in: returns the Cookie header of their session. */
export async function signedInAs(
  role: Role,
  email = `${role}-${++counter}@test.example`,
): Promise<{ cookie: string; id: string }> {
  const created = await createMember(
    getDb(),
    { email, name: `${role} ${counter}`, password: TEST_PASSWORD, role },
    CLI_ACTOR,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  return { cookie: await sessionCookie(email), id: created.member.id };
}

export async function sessionCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const value = new RegExp(`${SESSION_COOKIE_NAME.replace(/\./g, "\\.")}=([^;]+)`).exec(
    res.headers.get("set-cookie") ?? "",
  )?.[1];
  if (!value) throw new Error("no session cookie");
  return `${SESSION_COOKIE_NAME}=${value}`;
}

/** The next server action or route handler runs as this session (null: signed out). */
export function actAs(cookie: string | null): void {
  state.headers = new Headers(cookie ? { cookie } : {});
}
