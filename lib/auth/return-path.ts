/**
 * Where to go after signing in. Only same-origin relative paths are accepted: `//evil.example`,
 * `/\evil.example`, absolute URLs and anything with control characters fall back to `/`, so the
 * sign-in page can never be used to send someone elsewhere.
 */
export const SIGN_IN_PATH = "/sign-in";

/** Set by proxy.ts on every page request to the path asked for, so a page can send the browser back to it. */
export const REQUEST_PATH_HEADER = "x-switchboard-path";

const BASE = "http://switchboard.invalid";

export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return "/";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `returnTo` afterwards. */
export function signInUrl(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo);
  return path === "/" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(path)}`;
}
