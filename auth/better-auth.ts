import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "../db/client";
import { accounts, sessions, users, verifications } from "../db/schema";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../lib/auth/schemas";

import { SESSION_COOKIE_PREFIX } from "../lib/auth/session-cookie";

export { SESSION_COOKIE_NAME } from "../lib/auth/session-cookie";
const SESSION_DAYS = 7;

/**
 * The server speaks plain HTTP; behind a TLS-terminating proxy set SWITCHBOARD_SECURE_COOKIES=1 so
 * the session cookie is Secure (and named `__Secure-switchboard.session_token`).
 */
export function secureCookies(): boolean {
  return process.env.SWITCHBOARD_SECURE_COOKIES === "1";
}

/**
 * better-auth on the app's own database. Used only from the server (server actions, pages, route
 * handlers) through `auth.api`: no `/api/auth/*` routes are mounted, so there is no open sign-up
 * endpoint and no second place to defend. Sign-up is disabled; members are created through
 * auth/users.ts. Sessions are rows read on every request (no cookie cache), so sign-out, a role
 * change or removing a member takes effect on the next request.
 */
export function createAuth(db: Db, secret: string) {
  return betterAuth({
    appName: "Switchboard",
    secret,
    // The request's Host was already checked against SWITCHBOARD_ALLOWED_HOSTS (proxy.ts) before any
    // page, action or route runs; the base URL only has to follow it.
    baseURL: { allowedHosts: ["*"], protocol: secureCookies() ? "https" : "http", fallback: "http://localhost" },
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: { role: { type: "string", required: false, input: false, defaultValue: "designer" } },
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 3600,
      updateAge: 24 * 3600,
      cookieCache: { enabled: false },
    },
    // Its limiter counts every request per address and path, and only on the HTTP routes we do not
    // mount; failed sign-ins are limited per email and per address in auth/sign-in.ts instead.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: secureCookies(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    },
    telemetry: { enabled: false },
    // Failed sign-ins are answered and limited by auth/sign-in.ts; the library's per-attempt warnings are noise.
    logger: { level: "error" },
    // Lets auth.api calls from server actions set and clear cookies through next/headers.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
