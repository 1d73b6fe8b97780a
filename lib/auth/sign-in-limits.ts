/**
 * Failed sign-ins are limited per email (guessing one person's password) and per client address
 * (trying many emails from one place). Counts live in the database so every server process sees
 * the same numbers. A success clears its email's count, never the address's.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface LimitKey {
  key: string;
  max: number;
}

export function signInLimitKeys(email: string, address: string | null): LimitKey[] {
  const keys: LimitKey[] = [{ key: `email:${email.trim().toLowerCase()}`, max: MAX_FAILURES_PER_EMAIL }];
  if (address) keys.push({ key: `ip:${address}`, max: MAX_FAILURES_PER_ADDRESS });
  return keys;
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
