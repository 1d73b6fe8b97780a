import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import {
  authenticateApiKey,
  createApiKey,
  generateApiKeySecret,
  hashApiKey,
  listApiKeys,
  revokeApiKey,
} from "./api-keys";
import { API_KEY_PATTERN, bearerToken, type ApiKeyOwner } from "../../lib/api/keys";
import { insertTestMember } from "../testing/members";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let owner: ApiKeyOwner;
beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  owner = insertTestMember(db);
});
afterEach(() => ctx.cleanup());

describe("API keys repository", () => {
  it("generates high-entropy keys in the documented format", () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKeySecret));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(API_KEY_PATTERN);
  });

  it("stores only a hash and a display prefix", () => {
    const { apiKey, secret } = createApiKey(db, "CI", owner);
    expect(apiKey).toMatchObject({ name: "CI", prefix: secret.slice(0, 12), lastUsedAt: null, revokedAt: null });
    const row = db.$client.prepare("SELECT * FROM api_keys").get() as Record<string, unknown>;
    expect(row.hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("authenticates live keys, refuses unknown and revoked ones at once", () => {
    const { apiKey, secret } = createApiKey(db, "CI", owner);
    expect(authenticateApiKey(db, secret)?.id).toBe(apiKey.id);
    expect(authenticateApiKey(db, null)).toBeNull();
    expect(authenticateApiKey(db, generateApiKeySecret())).toBeNull();
    expect(authenticateApiKey(db, "not a key")).toBeNull();
    expect(revokeApiKey(db, apiKey.id)).toBe(true);
    expect(revokeApiKey(db, apiKey.id)).toBe(false);
    expect(authenticateApiKey(db, secret)).toBeNull();
    expect(listApiKeys(db)[0]!.revokedAt).not.toBeNull();
  });

  it("writes last_used_at at most once a minute", () => {
    const { apiKey, secret } = createApiKey(db, "CI", owner);
    const t = Date.parse("2025-05-01T09:00:00.000Z");
    const lastUsed = () => listApiKeys(db).find((k) => k.id === apiKey.id)!.lastUsedAt;
    authenticateApiKey(db, secret, t);
    expect(lastUsed()).toBe("2025-05-01T09:00:00.000Z");
    authenticateApiKey(db, secret, t + 59_000);
    expect(lastUsed()).toBe("2025-05-01T09:00:00.000Z");
    authenticateApiKey(db, secret, t + 60_000);
    expect(lastUsed()).toBe("2025-05-01T09:01:00.000Z");
  });

  it("lists newest first", () => {
    createApiKey(db, "first", owner);
    const second = createApiKey(db, "second", owner);
    db.$client
      .prepare("UPDATE api_keys SET created_at = '2000-01-01T00:00:00.000Z' WHERE id != ?")
      .run(second.apiKey.id);
    expect(listApiKeys(db).map((k) => k.name)).toEqual(["second", "first"]);
  });

  it("reads bearer tokens strictly", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer  abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
