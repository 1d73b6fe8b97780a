import type { Agent } from "../agents/types";
import { anyKind, isNodeKind } from "../flow/catalogue";
import type { FlowDocument, FlowNode } from "../flow/types";
import type { HandoffDestination } from "../handoffs/types";
import { byName, byNameIgnoringCase } from "./order";
import {
  AGENT_DOCUMENT_FORMAT,
  documentTransferFields,
  fromFlowDocument,
  topicActionToDocument,
  type AgentDocument,
} from "./schema";
import type { Topic } from "../topics/types";
import type { Scenario } from "../scenarios/schema";

/** An agent's draft as the repositories return it. */
export interface DraftParts {
  agent: Pick<Agent, "name" | "trunkHost" | "pbxHost" | "functionTimeoutMs">;
  variables: readonly { name: string; sampleValue: string; description: string }[];
  /** In board order. */
  destinations: readonly Pick<
    HandoffDestination,
    | "id"
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
  >[];
  functions: readonly { name: string; description: string; code: string }[];
  flows: readonly FlowDocument[];
  /** In list order. */
  scenarios?: readonly Scenario[];
  /** In list order. */
  topics?: readonly Pick<Topic, "name" | "sampleQuestions" | "content" | "action" | "enabled">[];
}

/** Only model fields, each kind's data as its schema keeps it (what the flow editor exports). */
function cleanNode(n: FlowNode): FlowNode {
  let data: unknown = n.data;
  if (isNodeKind(n.type)) {
    const parsed = anyKind(n.type).dataSchema.safeParse(n.data);
    if (parsed.success) data = parsed.data;
  }
  return { id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y }, data } as FlowNode;
}

/**
 * The agent document of a draft. The order of every list is fixed here — destinations in board
 * order, flows by name ignoring case, functions and variables by name — so the same draft always
 * gives the same document. Handoff nodes name their destination; a node whose destination no
 * longer exists keeps the stale reference (lint reports it), so nothing is silently retargeted.
 */
export function buildAgentDocument(parts: DraftParts): AgentDocument {
  const nameById = new Map(parts.destinations.map((d) => [d.id, d.name]));
  return {
    format: AGENT_DOCUMENT_FORMAT,
    agent: {
      name: parts.agent.name,
      trunk_host: parts.agent.trunkHost,
      pbx_host: parts.agent.pbxHost,
      function_timeout_ms: parts.agent.functionTimeoutMs,
    },
    variables: byName(parts.variables).map((v) => ({
      name: v.name,
      sample_value: v.sampleValue,
      description: v.description,
    })),
    destinations: parts.destinations.map((d) => ({
      name: d.name,
      description: d.description,
      method: d.method,
      route: d.route,
      sip_headers: d.sipHeaders.map((h) => ({ name: h.name, value: h.value })),
      refer_header_placement: d.referHeaderPlacement,
      ...documentTransferFields(d),
      is_default: d.isDefault,
    })),
    functions: byName(parts.functions).map((f) => ({ name: f.name, description: f.description, code: f.code })),
    flows: byNameIgnoringCase(parts.flows).map((f) =>
      fromFlowDocument(
        {
          name: f.name,
          nodes: f.nodes.map(cleanNode),
          edges: f.edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target })),
        },
        (id) => nameById.get(id) ?? id,
      ),
    ),
    // Topics keep their list order: it decides ties when two match equally well.
    ...(parts.topics && parts.topics.length > 0
      ? {
          topics: parts.topics.map((t) => ({
            name: t.name,
            sample_questions: [...t.sampleQuestions],
            content: t.content,
            action: topicActionToDocument(t.action, (id) => nameById.get(id) ?? id),
            enabled: t.enabled,
          })),
        }
      : {}),
    ...(parts.scenarios && parts.scenarios.length > 0 ? { scenarios: parts.scenarios.map((x) => ({ ...x })) } : {}),
  };
}
