import { z } from "zod";
import type { Role } from "../auth/roles";

/** API keys, each owned by a member: `sk_live_` + 32 base62 characters (~190 bits). Only a hash is stored. */
export const API_KEY_PREFIX = "sk_live_";
export const API_KEY_PATTERN = /^sk_live_[0-9A-Za-z]{32}$/;
/** How much of a key is kept in clear to tell keys apart in lists (`sk_live_AbCd…`). */
export const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 4;

export const apiKeyNameSchema = z
  .string({ error: "Enter a name" })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "Enter a name").max(60, "Names are at most 60 characters"));

/** The member a key belongs to; the key acts with their role. */
export interface ApiKeyOwner {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, for display (`sk_live_AbCd`). */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Null only for a key made before sign-in existed whose owner was never set (it authenticates nobody). */
  owner: ApiKeyOwner | null;
}

/** What creating a key from Settings returns: the secret, in this one response and nowhere else. */
export type CreateApiKeyResult =
  | { ok: true; key: string; apiKey: ApiKey }
  | { ok: false; fieldErrors: { name?: string }; formError?: string };
export type RevokeApiKeyResult = { ok: true } | { ok: false; formError: string };

/** The bearer token from an Authorization header, or null when there is none. */
export function bearerToken(header: string | null): string | null {
  if (header === null) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1]! : null;
}
