"use server";

import { redirect } from "next/navigation";
import { guardedAction, publicAction, type Denial } from "@/auth/viewer";
import { signInWithPassword, signOut, signOutEverywhere } from "@/auth/sign-in";
import { createFirstAdmin } from "@/auth/users";
import { getDb } from "@/db/server";
import { safeReturnPath, SIGN_IN_PATH } from "@/lib/auth/return-path";
import type { FieldErrors } from "@/lib/validation/field-errors";

export type SignInFormResult = { ok: false; fieldErrors: FieldErrors };

/** Email and password; on success the session cookie is set and the browser goes where it was headed. */
export const signInAction = publicAction(async (input: unknown, returnTo: unknown): Promise<SignInFormResult> => {
  const result = await signInWithPassword(input);
  if (!result.ok) return result;
  redirect(safeReturnPath(returnTo));
});

/** The first-run form: only while there are no members; then signs the new admin in. */
export const createFirstAdminAction = publicAction(async (input: unknown): Promise<SignInFormResult> => {
  const created = await createFirstAdmin(getDb(), input);
  if (!created.ok) return created;
  const { email, password } = input as { email: string; password: string };
  const signedIn = await signInWithPassword({ email, password });
  if (!signedIn.ok) return signedIn;
  redirect("/");
});

const denied = (d: Denial): SignInFormResult => ({ ok: false, fieldErrors: { _form: d.message } });

export const signOutAction = guardedAction("view", denied, async (): Promise<SignInFormResult> => {
  await signOut();
  redirect(SIGN_IN_PATH);
});

/** Ends every session of this member (every browser and device), this one included. */
export const signOutEverywhereAction = guardedAction("view", denied, async (): Promise<SignInFormResult> => {
  await signOutEverywhere();
  redirect(SIGN_IN_PATH);
});
