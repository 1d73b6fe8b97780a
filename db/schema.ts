import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { SipHeader } from "../lib/handoffs/types";

export const agents = sqliteTable("agents", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  trunkHost: text("trunk_host").notNull().default("trunk.switchboard.example"),
  pbxHost: text("pbx_host").notNull().default("pbx.switchboard.example"),
  functionTimeoutMs: integer("function_timeout_ms").notNull().default(2000),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const variables = sqliteTable(
  "variables",
  {
    agentId: text("agent_id").notNull().references(() => agents.id, { onDelete: "cascade" }),
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
    agentId: text("agent_id").notNull().references(() => agents.id, { onDelete: "cascade" }),
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
