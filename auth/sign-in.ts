import "server-only";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { getDb } from "../db/server";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "../db/repositories/sign-in-failures";
import { countUsers } from "../db/repositories/users";
import { clientAddress } from "../lib/auth/client-address";
import { signInSchema } from "../lib/auth/schemas";
import { signInLimitKeys, tooManyAttemptsMessage } from "../lib/auth/sign-in-limits";
import { parseWith, type FieldErrors } from "../lib/validation/field-errors";
import { getAuth } from "./server";

export type SignInResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/** Said for an unknown email and a wrong password alike, so the form does not reveal who has an account. */
export const WRONG_CREDENTIALS = "Wrong email or password";

/**
 * Checks the limits, then lets better-auth verify the password and set the session cookie (the
 * nextCookies plugin writes it on the server action's response).
 */
export async function signInWithPassword(input: unknown): Promise<SignInResult> {
  const parsed = parseWith(signInSchema, input);
  if (!parsed.ok) return parsed;
  const { email, password } = parsed.value;
  const db = getDb();
  const requestHeaders = await headers();
  const keys = signInLimitKeys(email, clientAddress(requestHeaders));
  const wait = signInRetryAfter(db, keys);
  if (wait > 0) return { ok: false, fieldErrors: { _form: tooManyAttemptsMessage(wait) } };
  try {
    await getAuth().api.signInEmail({ body: { email, password, rememberMe: true }, headers: requestHeaders });
  } catch (e) {
    if (!(e instanceof APIError) || e.statusCode !== 401) throw e;
    recordSignInFailure(db, keys);
    return { ok: false, fieldErrors: { _form: WRONG_CREDENTIALS } };
  }
  clearSignInFailures(db, keys[0]!.key);
  return { ok: true };
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
}

/** Ends every session of the signed-in member, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await getAuth().api.revokeSessions({ headers: await headers() });
}

export function needsFirstAdmin(): boolean {
  return countUsers(getDb()) === 0;
}
