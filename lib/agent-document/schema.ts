import { z } from "zod";
import { agentNameSchema } from "../agents/schema";
import { flowDocumentSchema, type PathError, formatPath } from "../flow/schema";
import type { FlowEdge, FlowNode, HandoffData } from "../flow/types";
import { functionNameError, MAX_FUNCTION_CODE_LENGTH, MAX_FUNCTION_DESCRIPTION_LENGTH } from "../functions/schema";
import { destinationInputSchema } from "../handoffs/schema";
import { ATTEMPTS, RING_TIMEOUT } from "../handoffs/outcomes";
import {
  DEFAULT_ENCRYPTION,
  HANDOFF_METHODS,
  OUTBOUND_ENCRYPTIONS,
  REFER_PLACEMENTS,
  type OutboundEncryption,
} from "../handoffs/types";
import { byName, byNameIgnoringCase } from "./order";
import { variableDescriptionSchema, variableNameSchema, variableSampleSchema } from "../variables/schema";
import { MAX_TOPICS, topicInputSchema } from "../topics/schema";
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

/** Shape only; the Call Handoffs form's rules are applied in `agentDocumentSchema`. */
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

/** Shape only; each flow is checked with the flow editor's schema in `agentDocumentSchema`. */
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

/** The whole document's shape (for the OpenAPI document); `agentDocumentSchema` is what parses. */
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

const list = (max: number, what: string) => z.array(z.unknown()).max(max, `At most ${max} ${what}`);

// Sections are checked item by item inside the transform, so one bad item does not hide the
// problems of the others: a file lists all its problems at once.
const envelopeSchema = z.strictObject({
  format: z.literal(AGENT_DOCUMENT_FORMAT),
  agent: z.unknown(),
  variables: list(MAX_DOCUMENT_VARIABLES, "variables"),
  destinations: list(MAX_DOCUMENT_DESTINATIONS, "destinations"),
  functions: list(MAX_DOCUMENT_FUNCTIONS, "functions"),
  flows: list(MAX_DOCUMENT_FLOWS, "flows"),
  topics: list(MAX_TOPICS, "topics").optional(),
  scenarios: list(MAX_DOCUMENT_SCENARIOS, "scenarios").optional(),
});

const DESTINATION_FIELDS: Record<string, string> = {
  sipHeaders: "sip_headers",
  referHeaderPlacement: "refer_header_placement",
  ringTimeoutSeconds: "ring_timeout_seconds",
  outboundEndpoint: "outbound_endpoint",
  outboundEncryption: "outbound_encryption",
};

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

/** A valid item and where it stood in the file (for messages about it). */
type Indexed<T> = { at: number; value: T };

/** Each item parsed with `schema`; problems reported under `field[i]`, valid items returned. */
function items<S extends z.ZodType>(
  values: readonly unknown[],
  schema: S,
  field: string,
  ctx: Ctx,
): Indexed<z.output<S>>[] {
  const out: Indexed<z.output<S>>[] = [];
  values.forEach((value, at) => {
    const r = schema.safeParse(value);
    if (r.success) out.push({ at, value: r.data });
    else for (const is of r.error.issues) issue(ctx, [field, at, ...is.path], is.message);
  });
  return out;
}

/** Names are unique per agent: ignoring case for destinations and flows, exactly for Python and variable names. */
function checkUnique<T extends { name: string }>(
  list: readonly Indexed<T>[],
  field: string,
  ignoreCase: boolean,
  ctx: Ctx,
): void {
  const seen = new Map<string, number>();
  for (const { at, value } of list) {
    const k = ignoreCase ? value.name.toLowerCase() : value.name;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, at);
    else
      issue(
        ctx,
        [field, at, "name"],
        `${field}[${first}] already has this name${ignoreCase ? " (names are unique ignoring case)" : ""}`,
      );
  }
}

function checkDestinations(values: readonly unknown[], ctx: Ctx): DocumentDestination[] {
  const out: Indexed<DocumentDestination>[] = [];
  for (const { at: i, value: d } of items(values, documentDestinationSchema, "destinations", ctx)) {
    const parsed = destinationInputSchema.safeParse({
      name: d.name,
      description: d.description,
      method: d.method,
      route: d.route,
      sipHeaders: d.sip_headers,
      referHeaderPlacement: d.refer_header_placement,
      ringTimeoutSeconds: d.ring_timeout_seconds,
      attempts: d.attempts,
      outboundEndpoint: d.outbound_endpoint ?? null,
      outboundEncryption: d.outbound_encryption,
    });
    if (!parsed.success) {
      for (const is of parsed.error.issues) {
        const [head, ...rest] = is.path;
        issue(ctx, ["destinations", i, DESTINATION_FIELDS[String(head)] ?? head!, ...rest], is.message);
      }
      continue;
    }
    const v = parsed.data;
    out.push({
      at: i,
      value: {
        name: v.name,
        description: v.description,
        method: v.method,
        route: v.route,
        sip_headers: v.sipHeaders,
        refer_header_placement: v.referHeaderPlacement,
        ...documentTransferFields(v),
        is_default: d.is_default,
      },
    });
  }
  checkUnique(out, "destinations", true, ctx);
  const defaults = out.filter((d) => d.value.is_default).length;
  if (out.length > 0 && out.length === values.length && defaults !== 1) {
    issue(
      ctx,
      ["destinations"],
      defaults === 0
        ? "Mark exactly one destination as the default (is_default: true)"
        : `Exactly one destination is the default; ${defaults} have is_default: true`,
    );
  }
  return out.map((d) => d.value);
}

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

const TOPIC_FIELDS: Record<string, PropertyKey[]> = {
  sampleQuestions: ["sample_questions"],
  destinationId: ["destination"],
  functionName: ["function"],
};

/** Each topic with the topic form's rules; destinations resolve ignoring case (unknown names are kept for lint). */
function checkTopics(values: readonly unknown[], names: Map<string, string>, ctx: Ctx): DocumentTopic[] {
  const out: Indexed<DocumentTopic>[] = [];
  for (const { at: i, value: t } of items(values, documentTopicSchema, "topics", ctx)) {
    const parsed = topicInputSchema.safeParse({
      name: t.name,
      sampleQuestions: t.sample_questions,
      content: t.content,
      action: topicActionFromDocument(t.action, (n) => names.get(n.toLowerCase()) ?? n),
      enabled: t.enabled,
    });
    if (!parsed.success) {
      for (const is of parsed.error.issues) {
        const path = is.path.flatMap((p) => TOPIC_FIELDS[String(p)] ?? [p]);
        issue(ctx, ["topics", i, ...path], is.message);
      }
      continue;
    }
    const v = parsed.data;
    out.push({
      at: i,
      value: {
        name: v.name,
        sample_questions: v.sampleQuestions,
        content: v.content,
        action: topicActionToDocument(v.action),
        enabled: v.enabled,
      },
    });
  }
  checkUnique(out, "topics", true, ctx);
  return out.map((t) => t.value);
}

function checkFlows(values: readonly unknown[], names: Map<string, string>, ctx: Ctx): DocumentFlow[] {
  const out: Indexed<DocumentFlow>[] = [];
  for (const { at: i, value: flow } of items(values, documentFlowSchema, "flows", ctx)) {
    // Names resolve ignoring case, like code does; an unknown name is kept and reported by lint.
    const parsed = flowDocumentSchema.safeParse(toFlowDocument(flow, (n) => names.get(n.toLowerCase()) ?? n));
    if (!parsed.success) {
      for (const is of parsed.error.issues) {
        const path = [...is.path];
        const node = typeof path[1] === "number" ? flow.nodes[path[1]] : undefined;
        if (path[0] === "nodes" && node?.type === "handoff" && path[2] === "data" && path[3] === "destinationId") {
          path[3] = "destination";
        }
        issue(ctx, ["flows", i, ...path], is.message);
      }
      continue;
    }
    out.push({ at: i, value: fromFlowDocument(parsed.data) });
  }
  checkUnique(out, "flows", true, ctx);
  return out.map((f) => f.value);
}

/**
 * The agent document schema: shape, then every rule the app applies when the same things are
 * edited one by one (the Call Handoffs form's rules, flow structure, Python names, unique names,
 * one default destination). The output is normalised the way those forms store values, so
 * parsing what the app exports returns it unchanged.
 */
export const agentDocumentSchema = envelopeSchema.transform((doc, ctx): AgentDocument => {
  const agent = documentAgentSchema.safeParse(doc.agent);
  if (!agent.success) for (const is of agent.error.issues) issue(ctx, ["agent", ...is.path], is.message);
  const variables = items(doc.variables, documentVariableSchema, "variables", ctx);
  const destinations = checkDestinations(doc.destinations, ctx);
  const functions = items(doc.functions, documentFunctionSchema, "functions", ctx);
  const names = new Map(destinations.map((d) => [d.name.toLowerCase(), d.name]));
  checkUnique(functions, "functions", false, ctx);
  checkUnique(variables, "variables", false, ctx);
  const flows = checkFlows(doc.flows, names, ctx);
  const topics = checkTopics(doc.topics ?? [], names, ctx);
  const scenarios = items(doc.scenarios ?? [], scenarioSchema, "scenarios", ctx);
  checkUnique(scenarios, "scenarios", true, ctx);
  return {
    format: AGENT_DOCUMENT_FORMAT,
    agent: agent.success ? agent.data : (doc.agent as AgentDocument["agent"]),
    variables: byName(variables.map((v) => v.value)),
    destinations,
    functions: byName(functions.map((f) => f.value)),
    flows: byNameIgnoringCase(flows),
    ...(topics.length > 0 ? { topics } : {}),
    // Scenarios keep their list order (the Scenarios page's order).
    ...(scenarios.length > 0 ? { scenarios: scenarios.map((x) => x.value) } : {}),
  };
});

export type DocumentParseResult = { ok: true; doc: AgentDocument } | { ok: false; errors: PathError[] };

export function documentPathErrors(error: z.ZodError): PathError[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
