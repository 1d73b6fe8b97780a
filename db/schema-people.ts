import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Role } from "../lib/auth/roles";

/**
 * The people side of the database: members and their sign-in (better-auth's tables), failed
 * sign-ins, API keys and the audit log. `schema.ts` re-exports it, so drizzle-kit and every
 * repository see one schema; nothing here refers to an agent's tables.
 */

// Users, sessions, accounts and verifications are better-auth's tables (auth/better-auth.ts maps
// them); the JS property names are the library's field names. Dates are ISO text like every other table.
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  // Stored lower-cased (by better-auth and by our own inserts), so the unique index ignores case.
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role").$type<Role>().notNull().default("designer"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The library's scrypt hash; never read outside it.
    password: text("password"),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: text("access_token_expires_at"),
    refreshTokenExpiresAt: text("refresh_token_expires_at"),
    scope: text("scope"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("accounts_user").on(t.userId)],
);

export const verifications = sqliteTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: text("expires_at").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("verifications_identifier").on(t.identifier)],
);

/** Failed sign-ins per `email:<address>` and per `ip:<address>`, counted in a fixed window (shared by every server process). */
export const signInFailures = sqliteTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: text("window_started_at").notNull(),
});

/**
 * Append-only (SQLite triggers refuse UPDATE and DELETE, migration 0006). The actor is copied in,
 * not referenced, so removing a member keeps what they did.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name").notNull(),
    actorEmail: text("actor_email"),
    via: text("via", { enum: ["app", "api", "cli"] }).notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    targetName: text("target_name").notNull().default(""),
    agentId: text("agent_id"),
    summary: text("summary").notNull().default(""),
  },
  (t) => [
    index("audit_log_actor").on(t.actorId, t.id),
    index("audit_log_target_type").on(t.targetType, t.id),
    index("audit_log_agent").on(t.agentId, t.id),
  ],
);

/**
 * A flow's autosaves by one person within a minute of each other are one audit entry: the entry is
 * appended at the burst's first save, and this row (one per entry, never the log itself) follows the
 * burst: its last save, how many saves, and the before → after summary of the whole burst.
 */
export const auditBursts = sqliteTable(
  "audit_bursts",
  {
    entryId: integer("entry_id")
      .primaryKey()
      .references(() => auditLog.id),
    targetId: text("target_id").notNull(),
    actorId: text("actor_id").notNull(),
    lastAt: text("last_at").notNull(),
    saves: integer("saves").notNull(),
    // What the target looked like before the burst, for the summary (a small JSON digest).
    before: text("before", { mode: "json" }).$type<unknown>().notNull(),
    summary: text("summary").notNull(),
  },
  (t) => [index("audit_bursts_target_actor").on(t.targetId, t.actorId, t.lastAt)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    // The member who made the key; it acts with their role and goes when they are removed.
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Shown in lists so people can tell keys apart; the key itself is only stored hashed.
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.hash), index("api_keys_user").on(t.userId)],
);
