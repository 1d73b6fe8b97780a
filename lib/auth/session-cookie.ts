/** better-auth's session cookie with our prefix; `__Secure-` in front when SWITCHBOARD_SECURE_COOKIES=1. */
export const SESSION_COOKIE_PREFIX = "switchboard";
export const SESSION_COOKIE_NAME = `${SESSION_COOKIE_PREFIX}.session_token`;
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE_NAME, `__Secure-${SESSION_COOKIE_NAME}`] as const;
