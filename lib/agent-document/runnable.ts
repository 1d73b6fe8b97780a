import { lintFlow } from "../flow/lint";
import type { LintContext, Problem } from "../flow/problems";
import type { FlowDocument } from "../flow/types";
import type { HandoffDestination } from "../handoffs/types";
import type { AgentSetup } from "../runtime/types";
import { lintTopics, topicProblemLines, type TopicProblem } from "../topics/lint";
import {
  documentDestinationDefaults,
  topicActionFromDocument,
  toFlowDocument,
  type AgentDocument,
  type DocumentFlow,
} from "./schema";

/**
 * A document as the runtime, lint and the canvas use an agent: a version has no database ids, so
 * inside it a destination's id is its name (names are unique per agent) and handoff nodes hold
 * the name in `destinationId`.
 */

export type RunnableDestination = Pick<
  HandoffDestination,
  | "id"
  | "agentId"
  | "name"
  | "description"
  | "method"
  | "route"
  | "sipHeaders"
  | "referHeaderPlacement"
  | "ringTimeoutSeconds"
  | "attempts"
  | "outboundEndpoint"
  | "outboundEncryption"
  | "isDefault"
  | "createdAt"
>;

export function documentDestinations(doc: AgentDocument, agentId = ""): RunnableDestination[] {
  return doc.destinations.map((d) => ({
    id: d.name,
    agentId,
    name: d.name,
    description: d.description,
    method: d.method,
    route: d.route,
    sipHeaders: d.sip_headers,
    referHeaderPlacement: d.refer_header_placement,
    ...documentDestinationDefaults(d),
    isDefault: d.is_default,
    createdAt: "",
  }));
}

export function documentFlowDocument(flow: DocumentFlow): FlowDocument {
  return toFlowDocument(flow) as FlowDocument;
}

export function findDocumentFlow(doc: AgentDocument, name: string): DocumentFlow | null {
  return (
    doc.flows.find((f) => f.name === name) ?? doc.flows.find((f) => f.name.toLowerCase() === name.toLowerCase()) ?? null
  );
}

/** What the runtime needs to run `flow` of this document. */
export function agentSetupFromDocument(doc: AgentDocument, flow: DocumentFlow): AgentSetup {
  return {
    name: doc.agent.name,
    flow: documentFlowDocument(flow),
    flows: doc.flows.map((f) => ({ name: f.name, flow: documentFlowDocument(f) })),
    destinations: documentDestinations(doc),
    functions: doc.functions.map((f) => ({ name: f.name, code: f.code })),
    hosts: { trunkHost: doc.agent.trunk_host, pbxHost: doc.agent.pbx_host },
    topics: (doc.topics ?? []).map((t) => ({
      name: t.name,
      sampleQuestions: t.sample_questions,
      content: t.content,
      action: topicActionFromDocument(t.action),
      enabled: t.enabled,
    })),
  };
}

/** Variable name → sample value (the simulator's starting conv.state). */
export function documentSamples(doc: AgentDocument): Record<string, string> {
  return Object.fromEntries(doc.variables.map((v) => [v.name, v.sample_value]));
}

export function documentLintContext(doc: AgentDocument): LintContext {
  return {
    destinations: documentDestinations(doc),
    functions: doc.functions.map((f) => ({ name: f.name, code: f.code })),
    variables: doc.variables.map((v) => v.name),
    flows: doc.flows.map((f) => f.name),
  };
}

export interface FlowProblems {
  flow: string;
  problems: Problem[];
}

/** Flow lint over every flow of the document (errors and warnings), flows with none left out. */
export function lintDocument(doc: AgentDocument): FlowProblems[] {
  const ctx = documentLintContext(doc);
  return doc.flows
    .map((f) => ({ flow: f.name, problems: lintFlow(documentFlowDocument(f), { ...ctx, flowName: f.name }) }))
    .filter((f) => f.problems.length > 0);
}

/** Topic lint over the document's topics (destination names are ids inside a document). */
export function lintDocumentTopics(doc: AgentDocument): TopicProblem[] {
  return lintTopics(
    (doc.topics ?? []).map((t) => ({
      name: t.name,
      sampleQuestions: t.sample_questions,
      action: topicActionFromDocument(t.action),
    })),
    {
      destinations: documentDestinations(doc),
      functions: doc.functions,
      flows: doc.flows.map(documentFlowDocument),
    },
  );
}

/** Only the errors, as `Flow "Main", node n3: message` and `Topic "X": message` lines (what publishing asks about). */
export function documentLintErrors(doc: AgentDocument): string[] {
  return [...flowLintErrors(doc), ...topicProblemLines(lintDocumentTopics(doc))];
}

function flowLintErrors(doc: AgentDocument): string[] {
  return lintDocument(doc).flatMap((f) =>
    f.problems
      .filter((p) => p.severity === "error")
      .map(
        (p) =>
          `Flow "${f.flow}"${p.nodeId ? `, node ${p.nodeId}` : p.edgeId ? `, edge ${p.edgeId}` : ""}: ${p.message}`,
      ),
  );
}
