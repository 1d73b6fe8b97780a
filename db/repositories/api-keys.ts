import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { prepared } from "./statements";
import {
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  DISPLAY_PREFIX_LENGTH,
  type ApiKey,
  type ApiKeyOwner,
} from "../../lib/api/keys";
import type { Role } from "../../lib/auth/roles";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** last_used_at is written at most this often per key, so authenticating stays a read. */
export const LAST_USED_RESOLUTION_MS = 60_000;

interface Row {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  owner_role: Role | null;
}

const COLUMNS = `k.id, k.name, k.prefix, k.created_at, k.last_used_at, k.revoked_at,
  u.id AS owner_id, u.name AS owner_name, u.email AS owner_email, u.role AS owner_role`;
const FROM = "api_keys k LEFT JOIN users u ON u.id = k.user_id";

const ownerOf = (r: Row): ApiKeyOwner | null =>
  r.owner_id === null ? null : { id: r.owner_id, name: r.owner_name!, email: r.owner_email!, role: r.owner_role! };

const toApiKey = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  owner: ownerOf(r),
});

/** A live key and the member it acts for (with their role as it is now). */
export type AuthenticatedKey = ApiKey & { owner: ApiKeyOwner };

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** 32 uniformly random base62 characters (rejection sampling: no modulo bias). */
export function generateApiKeySecret(): string {
  let out = API_KEY_PREFIX;
  while (out.length < API_KEY_PREFIX.length + 32) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && out.length < API_KEY_PREFIX.length + 32) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Creates a key owned by a member; the secret is returned here once and never stored. */
export function createApiKey(
  db: Db,
  name: string,
  owner: ApiKeyOwner,
  secret: string = generateApiKeySecret(),
): { apiKey: ApiKey; secret: string } {
  const apiKey: ApiKey = {
    id: newId("key"),
    name,
    prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
    createdAt: nowIso(),
    lastUsedAt: null,
    revokedAt: null,
    owner,
  };
  prepared(db, "INSERT INTO api_keys (id, user_id, name, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(
    apiKey.id,
    owner.id,
    apiKey.name,
    apiKey.prefix,
    hashApiKey(secret),
    apiKey.createdAt,
  );
  return { apiKey, secret };
}

/** Keys newest first, revoked ones included (they show as revoked): everyone's, or one member's. */
export function listApiKeys(db: Db, options: { ownerId?: string } = {}): ApiKey[] {
  const rows =
    options.ownerId === undefined
      ? (prepared(db, `SELECT ${COLUMNS} FROM ${FROM} ORDER BY k.created_at DESC, k.id DESC`).all() as Row[])
      : (prepared(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE k.user_id = ? ORDER BY k.created_at DESC, k.id DESC`).all(
          options.ownerId,
        ) as Row[]);
  return rows.map(toApiKey);
}

export function getApiKey(db: Db, id: string): ApiKey | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE k.id = ?`).get(id) as Row | undefined;
  return row ? toApiKey(row) : null;
}

/**
 * Revokes a key at once (only one of `ownerId`'s when given). False when there is no such key,
 * it is not theirs, or it was already revoked.
 */
export function revokeApiKey(db: Db, id: string, options: { ownerId?: string } = {}): boolean {
  const now = nowIso();
  const result =
    options.ownerId === undefined
      ? prepared(db, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(now, id)
      : prepared(db, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL").run(
          now,
          id,
          options.ownerId,
        );
  return result.changes === 1;
}

/**
 * The live key a secret belongs to, with its owner, or null. One indexed read per request (so
 * revocation, a role change or removing the owner takes effect at once, even from another
 * process); last_used_at is written at most once a minute per key.
 */
export function authenticateApiKey(db: Db, secret: string | null, now: number = Date.now()): AuthenticatedKey | null {
  if (secret === null || !API_KEY_PATTERN.test(secret)) return null;
  // An inner join: a key whose owner is gone (or that never had one) authenticates nobody.
  const row = prepared(db, `SELECT ${COLUMNS} FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.hash = ?`).get(
    hashApiKey(secret),
  ) as Row | undefined;
  if (!row || row.revoked_at !== null) return null;
  if (row.last_used_at === null || now - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    row.last_used_at = new Date(now).toISOString();
    prepared(db, "UPDATE api_keys SET last_used_at = ? WHERE id = ?").run(row.last_used_at, row.id);
  }
  return toApiKey(row) as AuthenticatedKey;
}
