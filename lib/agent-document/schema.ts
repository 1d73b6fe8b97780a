import { z } from "zod";
import { agentNameSchema } from "../agents/schema";
import type { FlowEdge, FlowNode, HandoffData } from "../flow/types";
import { functionNameError, MAX_FUNCTION_CODE_LENGTH, MAX_FUNCTION_DESCRIPTION_LENGTH } from "../functions/schema";
import { ATTEMPTS, RING_TIMEOUT } from "../handoffs/outcomes";
import {
  DEFAULT_ENCRYPTION,
  HANDOFF_METHODS,
  OUTBOUND_ENCRYPTIONS,
  REFER_PLACEMENTS,
  type OutboundEncryption,
} from "../handoffs/types";
import { variableDescriptionSchema, variableNameSchema, variableSampleSchema } from "../variables/schema";
import { TOPIC_ACTION_KINDS, type TopicAction } from "../topics/types";
import { scenarioSchema, type Scenario } from "../scenarios/schema";

/**
 * The one agent document (docs/design.md §10): everything a person edits about an agent — settings,
 * variables, handoff destinations, functions and flows — as one JSON value. Export, import,
 * publish and restore all use it, so a published version is exactly an export.
 *
 * Nothing in it is an id of this install: destinations, functions and flows are named, and a
 * handoff node names its destination (`data.destination`) instead of holding its database id.
 * Field names are snake_case like the API; flows keep the flow editor's own format (camelCase
 * node data), with that one change to handoff nodes.
 */

export const AGENT_DOCUMENT_FORMAT = 1;

/** Largest agent file import accepts (UI, API, CLI): a 20-flow agent of 500-node flows is about 4 MB. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
export const MAX_DOCUMENT_FLOWS = 200;
export const MAX_DOCUMENT_DESTINATIONS = 500;
export const MAX_DOCUMENT_FUNCTIONS = 500;
export const MAX_DOCUMENT_VARIABLES = 500;
export const MAX_HOST_LENGTH = 253;
export const MAX_FUNCTION_TIMEOUT_MS = 60_000;
export const MAX_DOCUMENT_SCENARIOS = 5_000;
export {
  MAX_SAMPLE_VALUE_LENGTH,
  MAX_VARIABLE_DESCRIPTION_LENGTH,
  MAX_VARIABLE_NAME_LENGTH,
} from "../variables/schema";

const HOST = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

const hostSchema = z
  .string()
  .max(MAX_HOST_LENGTH, `Hosts are at most ${MAX_HOST_LENGTH} characters`)
  .regex(HOST, "Expected a host name such as pbx.example.com");

export const documentAgentSchema = z.strictObject({
  name: agentNameSchema,
  trunk_host: hostSchema.describe("Host E.164 routes are sent through"),
  pbx_host: hostSchema.describe("Host extension routes are sent to"),
  function_timeout_ms: z
    .number()
    .int("Expected a whole number of milliseconds")
    .min(1, "Expected at least 1 ms")
    .max(MAX_FUNCTION_TIMEOUT_MS, `At most ${MAX_FUNCTION_TIMEOUT_MS} ms`),
});

/** The Variables page's rules (lib/variables/schema.ts), in the document's snake_case. */
export const documentVariableSchema = z.strictObject({
  name: variableNameSchema,
  sample_value: variableSampleSchema,
  description: variableDescriptionSchema,
});

const sipHeader = z.strictObject({ name: z.string(), value: z.string() });

/** Shape only; the Call Handoffs form's rules are applied in `agentDocumentSchema` (document-rules.ts). */
export const documentDestinationSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  method: z.enum(HANDOFF_METHODS, { error: `Expected one of ${HANDOFF_METHODS.join(", ")}` }),
  route: z.string().nullable(),
  sip_headers: z.array(sipHeader),
  refer_header_placement: z.enum(REFER_PLACEMENTS, { error: `Expected one of ${REFER_PLACEMENTS.join(", ")}` }),
  /** Written only when not the default (30), so documents made before it existed keep their bytes. */
  ring_timeout_seconds: z.number().optional(),
  /** Written only when not the default (1). */
  attempts: z.number().optional(),
  /** INVITE only; written only when set, so older documents keep their bytes. */
  outbound_endpoint: z.string().optional(),
  /** INVITE only; written only when not the default (UDP/RTP). */
  outbound_encryption: z
    .enum(OUTBOUND_ENCRYPTIONS, { error: `Expected one of ${OUTBOUND_ENCRYPTIONS.join(", ")}` })
    .optional(),
  is_default: z.boolean(),
});

/** A destination's transfer settings as a document writes them: only those that differ from the default. */
export function documentTransferFields(d: {
  ringTimeoutSeconds: number;
  attempts: number;
  outboundEndpoint: string | null;
  outboundEncryption: OutboundEncryption;
}): {
  ring_timeout_seconds?: number;
  attempts?: number;
  outbound_endpoint?: string;
  outbound_encryption?: OutboundEncryption;
} {
  return {
    ...(d.ringTimeoutSeconds === RING_TIMEOUT.default ? {} : { ring_timeout_seconds: d.ringTimeoutSeconds }),
    ...(d.attempts === ATTEMPTS.default ? {} : { attempts: d.attempts }),
    ...(d.outboundEndpoint === null ? {} : { outbound_endpoint: d.outboundEndpoint }),
    ...(d.outboundEncryption === DEFAULT_ENCRYPTION ? {} : { outbound_encryption: d.outboundEncryption }),
  };
}

/** The stored values of a document's optional destination fields (absent: the default). */
export function documentDestinationDefaults(d: {
  ring_timeout_seconds?: number;
  attempts?: number;
  outbound_endpoint?: string;
  outbound_encryption?: OutboundEncryption;
}) {
  return {
    ringTimeoutSeconds: d.ring_timeout_seconds ?? RING_TIMEOUT.default,
    attempts: d.attempts ?? ATTEMPTS.default,
    outboundEndpoint: d.outbound_endpoint ?? null,
    outboundEncryption: d.outbound_encryption ?? DEFAULT_ENCRYPTION,
  };
}

export const documentFunctionSchema = z.strictObject({
  name: z.string().superRefine((name, ctx) => {
    const err = functionNameError(name);
    if (err) ctx.addIssue({ code: "custom", message: err });
  }),
  description: z
    .string()
    .max(MAX_FUNCTION_DESCRIPTION_LENGTH, `Descriptions are at most ${MAX_FUNCTION_DESCRIPTION_LENGTH} characters`),
  code: z
    .string()
    .max(MAX_FUNCTION_CODE_LENGTH, `Functions are at most ${MAX_FUNCTION_CODE_LENGTH / 1000}k characters`),
});

const documentNodeShape = z.object({
  id: z.string(),
  type: z.string(),
  position: z.object({ x: z.number(), y: z.number() }),
  data: z.record(z.string(), z.unknown()).describe("The node kind's data; handoff nodes name their destination"),
});

/** Shape only; each flow is checked with the flow editor's schema in `agentDocumentSchema` (document-rules.ts). */
export const documentFlowSchema = z.strictObject({
  name: z.string(),
  nodes: z.array(documentNodeShape),
  edges: z.array(z.object({ id: z.string(), source: z.string(), sourceHandle: z.string(), target: z.string() })),
});

/**
 * A knowledge topic in a document: a handoff action names its destination (null: the agent's
 * default), a function action its function. Topics keep their list order (ties go to the earlier one).
 */
export const documentTopicSchema = z.strictObject({
  name: z.string(),
  sample_questions: z.array(z.string()),
  content: z.string(),
  action: z.discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("none") }),
      z.strictObject({
        kind: z.literal("builtin-handoff"),
        destination: z.string().nullable(),
        reason: z.string(),
        utterance: z.string(),
      }),
      z.strictObject({ kind: z.literal("function"), function: z.string() }),
    ],
    { error: `Expected an action whose kind is one of ${TOPIC_ACTION_KINDS.join(", ")}` },
  ),
  enabled: z.boolean(),
});
export type DocumentTopic = z.output<typeof documentTopicSchema>;

/** A topic's action with its destination as `resolve` names it (a name in a document, an id in the database). */
export function topicActionToDocument(
  action: TopicAction,
  nameOf: (id: string) => string = (id) => id,
): DocumentTopic["action"] {
  if (action.kind === "builtin-handoff")
    return {
      kind: action.kind,
      destination: action.destinationId === null ? null : nameOf(action.destinationId),
      reason: action.reason,
      utterance: action.utterance,
    };
  if (action.kind === "function") return { kind: action.kind, function: action.functionName };
  return { kind: "none" };
}

export function topicActionFromDocument(
  action: DocumentTopic["action"],
  resolve: (name: string) => string = (n) => n,
): TopicAction {
  if (action.kind === "builtin-handoff")
    return {
      kind: action.kind,
      destinationId: action.destination === null ? null : resolve(action.destination),
      reason: action.reason,
      utterance: action.utterance,
    };
  if (action.kind === "function") return { kind: action.kind, functionName: action.function };
  return { kind: "none" };
}

/** A handoff node in a document: `destination` (a name, or null for the agent's default) replaces `destinationId`. */
export type DocumentHandoffData = Omit<HandoffData, "destinationId"> & { destination: string | null };
export type DocumentNode =
  | Exclude<FlowNode, { type: "handoff" }>
  | { id: string; type: "handoff"; position: { x: number; y: number }; data: DocumentHandoffData };

export interface DocumentFlow {
  name: string;
  nodes: DocumentNode[];
  edges: FlowEdge[];
}

export interface AgentDocument {
  format: typeof AGENT_DOCUMENT_FORMAT;
  agent: z.output<typeof documentAgentSchema>;
  variables: z.output<typeof documentVariableSchema>[];
  destinations: z.output<typeof documentDestinationSchema>[];
  functions: z.output<typeof documentFunctionSchema>[];
  flows: DocumentFlow[];
  /** Absent when the agent has no topics, so documents made before topics existed keep their bytes and hash. */
  topics?: DocumentTopic[];
  /**
   * Regression scenarios (docs/design.md §15), as Build → Scenarios stores them (they name flows and
   * destinations already). Absent when there are none, so older documents import and hash as before.
   */
  scenarios?: Scenario[];
}
export type DocumentDestination = AgentDocument["destinations"][number];
export type DocumentFunction = AgentDocument["functions"][number];
export type DocumentVariable = AgentDocument["variables"][number];

/** The whole document's shape (for the OpenAPI document); `agentDocumentSchema` (document-rules.ts) is what parses. */
export const agentDocumentShapeSchema = z.strictObject({
  format: z.literal(AGENT_DOCUMENT_FORMAT),
  agent: documentAgentSchema,
  variables: z.array(documentVariableSchema),
  destinations: z.array(documentDestinationSchema),
  functions: z.array(documentFunctionSchema),
  flows: z.array(documentFlowSchema),
  topics: z.array(documentTopicSchema).optional(),
  scenarios: z.array(scenarioSchema).optional(),
});

/**
 * A document flow as the flow editor's FlowDocument, with each handoff node's destination name
 * in `destinationId` (`resolve` turns the name into whatever id the caller needs).
 */
export function toFlowDocument(
  flow: {
    name: string;
    nodes: readonly { id: string; type: string; position: unknown; data: unknown }[];
    edges: unknown;
  },
  resolve: (name: string) => string = (n) => n,
): unknown {
  return {
    name: flow.name,
    nodes: flow.nodes.map((n) => {
      if (n.type !== "handoff" || typeof n.data !== "object" || n.data === null) return n;
      const { destination, ...rest } = n.data as Record<string, unknown>;
      return {
        ...n,
        data: { ...rest, destinationId: typeof destination === "string" ? resolve(destination) : destination },
      };
    }),
    edges: flow.edges,
  };
}

/** The reverse of toFlowDocument: `destinationId` becomes `destination` (named by `nameOf`). */
export function fromFlowDocument(
  flow: { name: string; nodes: readonly FlowNode[]; edges: readonly FlowEdge[] },
  nameOf: (id: string) => string = (id) => id,
): DocumentFlow {
  return {
    name: flow.name,
    nodes: flow.nodes.map((n): DocumentNode => {
      if (n.type !== "handoff") return n;
      const { destinationId, ...rest } = n.data;
      return { ...n, data: { ...rest, destination: destinationId === null ? null : nameOf(destinationId) } };
    }),
    edges: [...flow.edges],
  };
}
