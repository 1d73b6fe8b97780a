import { z } from "zod";
import { flowDocumentSchema, type PathError, formatPath } from "../flow/schema";
import { destinationInputSchema } from "../handoffs/schema";
import { byName, byNameIgnoringCase } from "./order";
import { MAX_TOPICS, topicInputSchema } from "../topics/schema";
import { scenarioSchema } from "../scenarios/schema";
import {
  AGENT_DOCUMENT_FORMAT,
  MAX_DOCUMENT_DESTINATIONS,
  MAX_DOCUMENT_FLOWS,
  MAX_DOCUMENT_FUNCTIONS,
  MAX_DOCUMENT_SCENARIOS,
  MAX_DOCUMENT_VARIABLES,
  documentAgentSchema,
  documentDestinationSchema,
  documentFlowSchema,
  documentFunctionSchema,
  documentTopicSchema,
  documentTransferFields,
  documentVariableSchema,
  fromFlowDocument,
  toFlowDocument,
  topicActionFromDocument,
  topicActionToDocument,
  type AgentDocument,
  type DocumentDestination,
  type DocumentFlow,
  type DocumentTopic,
} from "./schema";

/**
 * Parsing an agent document (schema.ts has its shape): each section item by item, then the rules
 * across items that the app applies when the same things are edited one by one — unique names, one
 * default destination, destinations and flows that handoff nodes and topics name.
 */

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
