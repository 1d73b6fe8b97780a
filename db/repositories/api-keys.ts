import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { prepared } from "./statements";
import { API_KEY_PATTERN, API_KEY_PREFIX, DISPLAY_PREFIX_LENGTH, type ApiKey } from "../../lib/api/keys";

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
}

const toApiKey = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

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

/** Creates a key; the secret is returned here once and never stored. */
export function createApiKey(
  db: Db,
  name: string,
  secret: string = generateApiKeySecret(),
): { apiKey: ApiKey; secret: string } {
  const row: Row = {
    id: newId("key"),
    name,
    prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  prepared(db, "INSERT INTO api_keys (id, name, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?)").run(
    row.id,
    row.name,
    row.prefix,
    hashApiKey(secret),
    row.created_at,
  );
  return { apiKey: toApiKey(row), secret };
}

/** Every key, newest first, revoked ones included (they show as revoked). */
export function listApiKeys(db: Db): ApiKey[] {
  const rows = prepared(
    db,
    "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys ORDER BY created_at DESC, id DESC",
  ).all() as Row[];
  return rows.map(toApiKey);
}

/** Revokes a key at once. False when there is no such key or it was already revoked. */
export function revokeApiKey(db: Db, id: string): boolean {
  return (
    prepared(db, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(nowIso(), id).changes ===
    1
  );
}

/**
 * The live key a secret belongs to, or null. One indexed read per request (so revocation is
 * immediate, even from another process); last_used_at is written at most once a minute per key.
 */
export function authenticateApiKey(db: Db, secret: string | null, now: number = Date.now()): ApiKey | null {
  if (secret === null || !API_KEY_PATTERN.test(secret)) return null;
  const row = prepared(
    db,
    "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE hash = ?",
  ).get(hashApiKey(secret)) as Row | undefined;
  if (!row || row.revoked_at !== null) return null;
  if (row.last_used_at === null || now - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    row.last_used_at = new Date(now).toISOString();
    prepared(db, "UPDATE api_keys SET last_used_at = ? WHERE id = ?").run(row.last_used_at, row.id);
  }
  return toApiKey(row);
}
