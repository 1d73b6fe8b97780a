import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { SipHeader } from "../lib/handoffs/types";
import { OUTCOMES } from "../lib/handoffs/record";
import type { TopicAction } from "../lib/topics/types";
import type { Scenario, ScenarioResult } from "../lib/scenarios";

export * from "./schema-people";

export const agents = sqliteTable("agents", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  trunkHost: text("trunk_host").notNull().default("trunk.switchboard.example"),
  pbxHost: text("pbx_host").notNull().default("pbx.switchboard.example"),
  functionTimeoutMs: integer("function_timeout_ms").notNull().default(2000),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** The version real calls run (agent_versions.number); null until one is promoted. */
  liveVersion: integer("live_version"),
  /** The version in pre-release, the step before live (docs/design.md §10); null until one is promoted. */
  preReleaseVersion: integer("pre_release_version"),
});

/**
 * Every move of an environment's pointer (promote, rollback), so a rollback can return the
 * environment to the version it had before, and live can require a version that was in pre-release.
 */
export const environmentMoves = sqliteTable(
  "environment_moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    environment: text("environment", { enum: ["pre-release", "live"] }).notNull(),
    kind: text("kind", { enum: ["promote", "rollback"] }).notNull(),
    fromVersion: integer("from_version"),
    toVersion: integer("to_version"),
    /** A promote undone by a rollback; the next rollback goes one further back. */
    rolledBack: integer("rolled_back", { mode: "boolean" }).notNull().default(false),
    by: text("by").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("environment_moves_agent").on(t.agentId, t.environment, t.id)],
);

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
    ringTimeoutSeconds: integer("ring_timeout_seconds").notNull().default(30),
    attempts: integer("attempts").notNull().default(1),
    // INVITE only (docs/design.md §5): host[:port] the INVITE is sent through, and the leg's transport.
    outboundEndpoint: text("outbound_endpoint"),
    outboundEncryption: text("outbound_encryption", { enum: ["UDP/RTP", "TLS/SRTP"] })
      .notNull()
      .default("UDP/RTP"),
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

/**
 * Knowledge topics (docs/design.md §13). `action` is the lib/topics TopicAction as JSON; a handoff
 * action names its destination by id (null: the agent's default), like a handoff node.
 */
export const knowledgeTopics = sqliteTable(
  "knowledge_topics",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Unique ignoring case, like destinations: "opening hours" cannot shadow "Opening hours".
    nameKey: text("name_key").notNull(),
    sampleQuestions: text("sample_questions", { mode: "json" }).$type<string[]>().notNull(),
    content: text("content").notNull().default(""),
    action: text("action", { mode: "json" }).$type<TopicAction>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    position: integer("position").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("knowledge_topics_agent_name").on(t.agentId, t.nameKey),
    index("knowledge_topics_agent_position").on(t.agentId, t.position),
  ],
);

/** Regression scenarios (docs/design.md §15): the scenario as JSON (lib/scenarios/schema.ts), its name beside it. */
export const scenarios = sqliteTable(
  "scenarios",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Unique ignoring case, like topics.
    nameKey: text("name_key").notNull(),
    definition: text("definition", { mode: "json" }).$type<Scenario>().notNull(),
    position: integer("position").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("scenarios_agent_name").on(t.agentId, t.nameKey),
    index("scenarios_agent_position").on(t.agentId, t.position),
  ],
);

/**
 * One scenario's run: its result with the call as it happened (channel `scenario`: transcript,
 * path, handoff, SIP trace). Never in `conversations`, so Review does not list it. Runs started
 * together share a batch.
 */
export const scenarioRuns = sqliteTable(
  "scenario_runs",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    scenarioId: text("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    batchId: text("batch_id").notNull(),
    status: text("status", { enum: ["pass", "fail", "cannot_run"] }).notNull(),
    startedAt: text("started_at").notNull(),
    result: text("result", { mode: "json" }).$type<ScenarioResult>().notNull(),
  },
  (t) => [index("scenario_runs_scenario").on(t.scenarioId, t.startedAt), index("scenario_runs_agent").on(t.agentId)],
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
    /** The handoff's final outcome (docs/design.md §11): completed, busy, no_answer, …; null without a handoff. */
    transferOutcome: text("transfer_outcome"),
    transcriptText: text("transcript_text").notNull().default(""),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    turns: text("turns", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    path: text("path", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    nodeTitles: text("node_titles", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    handoff: text("handoff", { mode: "json" }).$type<Record<string, unknown> | null>(),
    metrics: text("metrics", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    logs: text("logs", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
    sipTrace: text("sip_trace", { mode: "json" }).$type<unknown>(),
    /** Every transfer attempt of the call, in order, across all its handoffs. */
    transferAttempts: text("transfer_attempts", { mode: "json" }).$type<unknown[]>().notNull().default(sql`'[]'`),
  },
  // One index per equality filter, each followed by the list's order (started_at, id), so any one
  // filter is an index walk in page order. Two or more filters, and transcript text, are FTS5 tables
  // keyed by rowid, which follows the list's order (migration 0014; db/repositories/conversation-query.ts).
  (t) => [
    index("conversations_agent_started").on(t.agentId, t.startedAt, t.id),
    index("conversations_agent_outcome").on(t.agentId, t.outcome, t.startedAt, t.id),
    index("conversations_agent_reason").on(t.agentId, t.reason, t.startedAt, t.id),
    index("conversations_agent_destination").on(t.agentId, t.destination, t.startedAt, t.id),
    index("conversations_agent_method").on(t.agentId, t.method, t.startedAt, t.id),
    index("conversations_agent_source").on(t.agentId, t.source, t.startedAt, t.id),
    index("conversations_agent_transfer_outcome").on(t.agentId, t.transferOutcome, t.startedAt, t.id),
    index("conversations_agent_version").on(t.agentId, t.version, t.startedAt, t.id),
  ],
);

/**
 * The connected Twilio account (docs/design.md §10): at most one row. The auth token is stored
 * AES-256-GCM encrypted (telephony/secret-box.ts) and never leaves the server.
 */
export const twilioAccount = sqliteTable("twilio_account", {
  /** Always 1: one account per installation. */
  id: integer("id").primaryKey(),
  accountSid: text("account_sid").notNull(),
  authTokenEncrypted: text("auth_token_encrypted").notNull(),
  publicBaseUrl: text("public_base_url").notNull(),
  /** The account's name as Twilio reported it on the last successful test; null when never verified. */
  friendlyName: text("friendly_name"),
  connectedAt: text("connected_at").notNull(),
  verifiedAt: text("verified_at"),
});

/** The account's numbers: listed through the SDK or added by hand, each serving at most one agent. */
export const twilioNumbers = sqliteTable(
  "twilio_numbers",
  {
    phoneNumber: text("phone_number").primaryKey(),
    /** Twilio's IncomingPhoneNumber sid (PN…); null for a number only ever assigned by hand. */
    sid: text("sid"),
    friendlyName: text("friendly_name").notNull().default(""),
    agentId: text("agent_id").references(() => agents.id, { onDelete: "set null" }),
    /** How the voice URL was set: through the SDK, or pasted by hand. */
    assignedBy: text("assigned_by", { enum: ["sdk", "hand"] }),
    assignedAt: text("assigned_at"),
  },
  (t) => [index("twilio_numbers_agent").on(t.agentId)],
);

/**
 * A live call's state between webhooks, so any server process (and a restarted one) takes the
 * next one. `turnStart` + `turnEvents` replay the last turn when a transfer it made fails.
 */
export const twilioCalls = sqliteTable(
  "twilio_calls",
  {
    conversationId: text("conversation_id").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    callSid: text("call_sid").notNull(),
    fromNumber: text("from_number").notNull(),
    toNumber: text("to_number").notNull(),
    startedAt: text("started_at").notNull(),
    session: text("session", { mode: "json" }).$type<unknown>().notNull(),
    turnStart: text("turn_start", { mode: "json" }).$type<unknown>().notNull(),
    turnEvents: text("turn_events", { mode: "json" }).$type<unknown[]>().notNull(),
    /** Bumped by every save; a save that read an older revision is refused (two webhooks at once). */
    revision: integer("revision").notNull().default(0),
    finishedAt: text("finished_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("twilio_calls_call_sid").on(t.callSid)],
);
