import { z } from "zod";
import { HANDOFF_SOURCES, handoffRecordSchema, OUTCOMES } from "../handoffs/record";
import { TRANSFER_OUTCOMES, transferAttemptSchema } from "../handoffs/outcomes";
import { HANDOFF_METHODS } from "../handoffs/types";

/**
 * A conversation as stored and as returned by the API. Field names are snake_case on purpose: the
 * record is the API's wire format, so no mapping sits between the database, the API and the Review
 * UI. The handoff record and its vocabulary live in ../handoffs/record.
 */

export const TURN_ROLES = ["agent", "caller", "system"] as const;

/** Conversation ids appear in URLs and cursors. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isoDateTime = z.iso.datetime({ offset: true, error: "Expected an ISO 8601 date-time" });

export const turnSchema = z.object({
  role: z.enum(TURN_ROLES),
  text: z.string(),
  /** ISO date-time the turn was spoken. */
  at: isoDateTime,
  node_id: z.string().optional(),
});
export type Turn = z.infer<typeof turnSchema>;

export const metricSchema = z.object({
  name: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
  at: isoDateTime.optional(),
});
export type Metric = z.infer<typeof metricSchema>;

export const logEntrySchema = z.object({
  level: z.enum(["debug", "info", "warning", "error"]),
  message: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  at: isoDateTime.optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const sipTraceSchema = z.object({
  messages: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      label: z.string(),
      raw: z.string(),
      /** Simulated milliseconds since the inbound INVITE. */
      at: z.number(),
      kind: z.enum(["sip", "media"]),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type SipTraceRecord = z.infer<typeof sipTraceSchema>;

const conversationFields = {
  agent_id: z.string().min(1),
  flow_id: z.string().nullable(),
  channel: z.string().min(1),
  /** What ran: a published version's number, or null for the agent's draft. */
  version: z.number().int().min(1).nullable().describe("The published version the call ran; null: the draft"),
  started_at: isoDateTime,
  ended_at: isoDateTime.nullable(),
  duration_ms: z.number().int().min(0),
  outcome: z.enum(OUTCOMES),
  /**
   * Why the call ended, as the runtime names it: `end_node`, `handoff`, `caller_hangup`,
   * `destination_deleted` (a `failed` call whose handoff node's destination was deleted)…; null for
   * records stored without one.
   */
  end_reason: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, "End reasons are codes like caller_hangup")
    .nullable(),
  turns: z.array(turnSchema),
  /** Node ids in the order the call visited them. */
  path: z.array(z.string()),
  /** The title each visited node had when the call ran (docs/design.md §2), by node id: how Review names nodes. */
  node_titles: z.record(z.string(), z.string().max(200)),
  variables: z.record(z.string(), z.string()),
  /** The call's last handoff, completed or not (its `outcome` says which). */
  handoff: handoffRecordSchema.nullable(),
  /** Every transfer attempt of the call in order, across all its handoffs (docs/design.md §11). */
  transfer_attempts: z.array(transferAttemptSchema),
  metrics: z.array(metricSchema),
  logs: z.array(logEntrySchema),
  sip_trace: sipTraceSchema.nullable(),
};

/** The stored record (and the API's `GET /conversations/{id}`). */
export const conversationSchema = z.object({ id: z.string(), ...conversationFields });
export type Conversation = z.infer<typeof conversationSchema>;

/**
 * What the simulator (or an importer) hands to `insertConversation`: the record with defaults
 * for what a short call may not have. The id is generated when absent.
 */
export const conversationInputSchema = z
  .object({
    id: z.string().regex(CONVERSATION_ID, "Ids are 1–64 letters, digits, _ or -").optional(),
    agent_id: conversationFields.agent_id,
    flow_id: conversationFields.flow_id.default(null),
    channel: conversationFields.channel.default("simulator"),
    version: conversationFields.version.default(null),
    started_at: conversationFields.started_at,
    ended_at: conversationFields.ended_at.default(null),
    duration_ms: conversationFields.duration_ms.default(0),
    outcome: conversationFields.outcome,
    end_reason: conversationFields.end_reason.default(null),
    turns: conversationFields.turns.default([]),
    path: conversationFields.path.default([]),
    node_titles: conversationFields.node_titles.default({}),
    variables: conversationFields.variables.default({}),
    handoff: conversationFields.handoff.default(null),
    transfer_attempts: conversationFields.transfer_attempts.default([]),
    metrics: conversationFields.metrics.default([]),
    logs: conversationFields.logs.default([]),
    sip_trace: conversationFields.sip_trace.default(null),
  })
  .superRefine((c, ctx) => {
    if (c.outcome === "handoff" && c.handoff === null) {
      ctx.addIssue({ code: "custom", path: ["handoff"], message: "A handoff outcome needs a handoff record" });
    }
    if (c.outcome === "handoff" && c.handoff !== null && c.handoff.outcome !== "completed") {
      ctx.addIssue({
        code: "custom",
        path: ["handoff", "outcome"],
        message: `A handoff outcome needs a completed transfer (got ${c.handoff.outcome})`,
      });
    }
    // A transfer that connected ends the call as a handoff; one that failed leaves it going on.
    if (c.outcome !== "handoff" && c.handoff !== null && c.handoff.outcome === "completed") {
      ctx.addIssue({
        code: "custom",
        path: ["handoff"],
        message: `A ${c.outcome} outcome has no completed handoff: its transfer outcome must be a failure`,
      });
    }
  });
export type ConversationInput = z.input<typeof conversationInputSchema>;
export type ValidConversationInput = z.output<typeof conversationInputSchema>;

/** One row of a list: everything but the heavy parts (turns, logs, trace), plus a turn count. */
export const conversationSummarySchema = z.object({
  id: z.string(),
  agent_id: z.string(),
  flow_id: z.string().nullable(),
  channel: z.string(),
  version: z.number().int().nullable(),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  duration_ms: z.number().int(),
  outcome: z.enum(OUTCOMES),
  end_reason: z.string().nullable(),
  turn_count: z.number().int(),
  reason: z.string().nullable(),
  destination: z.string().nullable(),
  method: z.enum(HANDOFF_METHODS).nullable(),
  source: z.enum(HANDOFF_SOURCES).nullable(),
  /** The last handoff's outcome; null when the call had none. */
  transfer_outcome: z.enum(TRANSFER_OUTCOMES).nullable(),
  /** The whole handoff record, as `GET /conversations/{id}` returns it. */
  handoff: handoffRecordSchema.nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** The text searched by `q`: one line per turn. */
export function transcriptText(turns: readonly Turn[]): string {
  return turns.map((t) => t.text).join("\n");
}
