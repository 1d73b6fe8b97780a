import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { agents, flows, functions, handoffDestinations, variables } from "../schema";
import { writeTransaction } from "../transaction";
import {
  buildAgentDocument,
  canonicalJson,
  documentDestinationDefaults,
  topicActionFromDocument,
  toFlowDocument,
  type AgentDocument,
  type DraftParts,
} from "../../lib/agent-document";
import type { Agent } from "../../lib/agents/types";
import type { FlowDocument } from "../../lib/flow/types";
import { createAgent, getAgent, listAgentVariables } from "./agents";
import { getFlow, listFlows } from "./flows";
import { listFunctions } from "./functions";
import { listDestinations } from "./handoffs";
import { replaceTopics, listTopics } from "./topics";
import { listScenarios, replaceScenarios } from "./scenarios";

/** Everything the draft of an agent holds, read in one place. */
export function readDraftParts(db: Db, agentId: string): DraftParts | null {
  const agent = getAgent(db, agentId);
  if (!agent) return null;
  return {
    agent,
    variables: listAgentVariables(db, agentId),
    destinations: listDestinations(db, agentId),
    functions: listFunctions(db, agentId),
    flows: listFlows(db, agentId).flatMap((f) => getFlow(db, agentId, f.id) ?? []),
    topics: listTopics(db, agentId),
    scenarios: listScenarios(db, agentId).map((s) => s.scenario),
  };
}

/** The agent's draft as an agent document (what export, publish and compare use), or null. */
export function readDraftDocument(db: Db, agentId: string): AgentDocument | null {
  const parts = readDraftParts(db, agentId);
  return parts ? buildAgentDocument(parts) : null;
}

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * Makes the agent's draft exactly `doc` (restore and "import into this agent"): destinations,
 * functions and flows are matched by name and updated in place, so their ids — and the URLs of
 * open editors — survive; what the document lacks is deleted, what it adds is created. A flow
 * whose content changes gets a new revision (an editor open on it sees the change); unchanged
 * rows are not touched. The agent keeps its name: the document's settings are applied, not its
 * identity. One transaction: either the whole document is the draft, or nothing changed.
 */
export function replaceDraft(db: Db, agentId: string, doc: AgentDocument): void {
  writeTransaction(db, (tx) => {
    const now = nowIso();
    tx.update(agents)
      .set({
        trunkHost: doc.agent.trunk_host,
        pbxHost: doc.agent.pbx_host,
        functionTimeoutMs: doc.agent.function_timeout_ms,
      })
      .where(eq(agents.id, agentId))
      .run();

    tx.delete(variables).where(eq(variables.agentId, agentId)).run();
    if (doc.variables.length > 0) {
      tx.insert(variables)
        .values(
          doc.variables.map((v) => ({
            agentId,
            name: v.name,
            sampleValue: v.sample_value,
            description: v.description,
          })),
        )
        .run();
    }

    // Destinations: by name ignoring case, in the document's order.
    const existingDestinations = new Map(listDestinations(db, agentId).map((d) => [nameKey(d.name), d]));
    const destinationIds = new Map<string, string>();
    doc.destinations.forEach((d, position) => {
      const values = {
        name: d.name,
        nameKey: nameKey(d.name),
        description: d.description,
        method: d.method,
        route: d.route,
        sipHeaders: d.sip_headers,
        referHeaderPlacement: d.refer_header_placement,
        ...documentDestinationDefaults(d),
        isDefault: d.is_default,
        position,
      };
      const existing = existingDestinations.get(nameKey(d.name));
      if (existing) {
        existingDestinations.delete(nameKey(d.name));
        tx.update(handoffDestinations).set(values).where(eq(handoffDestinations.id, existing.id)).run();
        destinationIds.set(nameKey(d.name), existing.id);
      } else {
        const id = newId("hd");
        tx.insert(handoffDestinations)
          .values({ id, agentId, ...values, createdAt: now })
          .run();
        destinationIds.set(nameKey(d.name), id);
      }
    });
    const goneDestinations = [...existingDestinations.values()].map((d) => d.id);
    if (goneDestinations.length > 0)
      tx.delete(handoffDestinations).where(inArray(handoffDestinations.id, goneDestinations)).run();

    // Functions: by exact name (Python names are case-sensitive).
    const existingFunctions = new Map(listFunctions(db, agentId).map((f) => [f.name, f]));
    for (const f of doc.functions) {
      const existing = existingFunctions.get(f.name);
      if (existing) {
        existingFunctions.delete(f.name);
        if (existing.code !== f.code || existing.description !== f.description) {
          tx.update(functions)
            .set({ code: f.code, description: f.description, updatedAt: now })
            .where(eq(functions.id, existing.id))
            .run();
        }
      } else {
        tx.insert(functions)
          .values({
            id: newId("fn"),
            agentId,
            name: f.name,
            description: f.description,
            code: f.code,
            createdAt: now,
            updatedAt: now,
          })
          .run();
      }
    }
    const goneFunctions = [...existingFunctions.values()].map((f) => f.id);
    if (goneFunctions.length > 0) tx.delete(functions).where(inArray(functions.id, goneFunctions)).run();

    // Flows: by name ignoring case; handoff nodes get this install's destination ids back.
    const existingFlows = new Map(
      listFlows(db, agentId)
        .flatMap((f) => getFlow(db, agentId, f.id) ?? [])
        .map((f) => [nameKey(f.name), f]),
    );
    for (const flow of doc.flows) {
      const stored = toFlowDocument(flow, (name) => destinationIds.get(nameKey(name)) ?? name) as FlowDocument;
      const existing = existingFlows.get(nameKey(flow.name));
      if (existing) {
        existingFlows.delete(nameKey(flow.name));
        const same =
          existing.name === stored.name &&
          canonicalJson(existing.nodes) === canonicalJson(stored.nodes) &&
          canonicalJson(existing.edges) === canonicalJson(stored.edges);
        if (!same) {
          tx.update(flows)
            .set({
              name: stored.name,
              nameKey: nameKey(stored.name),
              nodes: stored.nodes,
              edges: stored.edges,
              revision: existing.revision + 1,
              updatedAt: now,
            })
            .where(and(eq(flows.agentId, agentId), eq(flows.id, existing.id)))
            .run();
        }
      } else {
        tx.insert(flows)
          .values({
            id: newId("flow"),
            agentId,
            name: stored.name,
            nameKey: nameKey(stored.name),
            nodes: stored.nodes,
            edges: stored.edges,
            revision: 1,
            createdAt: now,
            updatedAt: now,
          })
          .run();
      }
    }
    const goneFlows = [...existingFlows.values()].map((f) => f.id);
    if (goneFlows.length > 0) tx.delete(flows).where(inArray(flows.id, goneFlows)).run();

    // Topics: by name ignoring case, in the document's order; handoff actions get destination ids back.
    replaceTopics(
      db,
      agentId,
      (doc.topics ?? []).map((t) => ({
        name: t.name,
        sampleQuestions: t.sample_questions,
        content: t.content,
        action: topicActionFromDocument(t.action, (name) => destinationIds.get(nameKey(name)) ?? name),
        enabled: t.enabled,
      })),
    );
    // Scenarios: by name ignoring case (a matched one keeps its id and its runs), in the document's order.
    replaceScenarios(db, agentId, doc.scenarios ?? []);
  });
}

/** A new agent whose draft is `doc` ("Import agent as a new agent"). */
export function createAgentFromDocument(db: Db, doc: AgentDocument): Agent {
  return writeTransaction(db, () => {
    const agent = createAgent(db, doc.agent.name);
    replaceDraft(db, agent.id, doc);
    return getAgent(db, agent.id)!;
  });
}
