import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { SipHeader } from "../lib/handoffs/types";
import { OUTCOMES } from "../lib/handoffs/record";

export const agents = sqliteTable("agents", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  trunkHost: text("trunk_host").notNull().default("trunk.switchboard.example"),
  pbxHost: text("pbx_host").notNull().default("pbx.switchboard.example"),
  functionTimeoutMs: integer("function_timeout_ms").notNull().default(2000),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** The version real calls run (agent_versions.number); null until one is promoted. */
  liveVersion: integer("live_version"),
});

/**
 * Published versions: the draft frozen as one agent document (lib/agent-document), numbered per
 * agent from 1. Rows are immutable: triggers in the migration refuse UPDATE, and DELETE except
 * when the agent itself is being deleted.
 */
export const agentVersions = sqliteTable(
  "agent_versions",
  {
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    note: text("note").notNull().default(""),
    author: text("author").notNull(),
    createdAt: text("created_at").notNull(),
    /** sha256 of the canonical document: "nothing changed since version N" compares these. */
    contentHash: text("content_hash").notNull(),
    /** Canonical compact JSON of the agent document. */
    document: text("document").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.number] })],
);

export const variables = sqliteTable(
  "variables",
  {
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sampleValue: text("sample_value").notNull().default(""),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("variables_agent_name").on(t.agentId, t.name)],
);

export const handoffDestinations = sqliteTable(
  "handoff_destinations",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Names are how code refers to a destination; uniqueness ignores case so "billing" cannot shadow "Billing".
    nameKey: text("name_key").notNull(),
    description: text("description").notNull().default(""),
    method: text("method", { enum: ["refer", "invite", "bye"] }).notNull(),
    route: text("route"),
    sipHeaders: text("sip_headers", { mode: "json" }).$type<SipHeader[]>().notNull().default(sql`'[]'`),
    referHeaderPlacement: text("refer_header_placement", { enum: ["request", "refer-to-uri", "both"] })
      .notNull()
      .default("request"),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("handoff_destinations_agent_name").on(t.agentId, t.nameKey),
    index("handoff_destinations_agent_position").on(t.agentId, t.position),
  ],
);

export const flows = sqliteTable(
  "flows",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    nodes: text("nodes", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    edges: text("edges", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    // Optimistic concurrency: every save names the revision it was based on.
    revision: integer("revision").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("flows_agent_name").on(t.agentId, t.nameKey)],
);

export const functions = sqliteTable(
  "functions",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    code: text("code").notNull().default(""),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("functions_agent_name").on(t.agentId, t.name)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    // Shown in lists so people can tell keys apart; the key itself is only stored hashed.
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.hash)],
);

export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    flowId: text("flow_id"),
    channel: text("channel").notNull().default("simulator"),
    /** The published version the call ran; null when it ran the draft. */
    version: integer("version"),
    startedAt: text("started_at").notNull(),
    endedAt: text("ended_at"),
    durationMs: integer("duration_ms").notNull().default(0),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    /** Why the call ended (the runtime's end reason: end_node, caller_hangup, destination_deleted…). */
    endReason: text("end_reason"),
    turnCount: integer("turn_count").notNull().default(0),
    // Denormalised for filtering; the full record is in `handoff`.
    reason: text("reason"),
    destination: text("destination"),
    method: text("method"),
    source: text("source"),
    transcriptText: text("transcript_text").notNull().default(""),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    turns: text("turns", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    path: text("path", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    nodeTitles: text("node_titles", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    handoff: text("handoff", { mode: "json" }).$type<Record<string, unknown> | null>(),
    metrics: text("metrics", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    logs: text("logs", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    sipTrace: text("sip_trace", { mode: "json" }).$type<unknown>(),
  },
  (t) => [index("conversations_agent_started").on(t.agentId, t.startedAt, t.id)],
);
