import type { Db } from "../client";
import type { Agent } from "../../lib/agents/types";
import type { StoredFlow } from "../../lib/flow";
import type { AgentSetup } from "../../lib/runtime";
import { listAgentVariables } from "./agents";
import { listFunctions } from "./functions";
import { listDestinations } from "./handoffs";
import { listTopics } from "./topics";
import { listFlowDocuments } from "./flows";

/**
 * Everything the runtime needs about an agent for a call that starts in `flow` (its entry flow, the
 * agent's first flow unless a host chooses another), with every flow for Go to flow, read in one
 * place for every host.
 */
export function loadAgentSetup(
  db: Db,
  agent: Agent,
  flow: StoredFlow,
): { setup: AgentSetup; samples: Record<string, string> } {
  const setup: AgentSetup = {
    name: agent.name,
    flow,
    flows: listFlowDocuments(db, agent.id).map((f) => ({ name: f.name, flow: f.id === flow.id ? flow : f })),
    destinations: listDestinations(db, agent.id),
    functions: listFunctions(db, agent.id).map((f) => ({ name: f.name, code: f.code })),
    hosts: { trunkHost: agent.trunkHost, pbxHost: agent.pbxHost },
    topics: listTopics(db, agent.id),
  };
  const samples = Object.fromEntries(listAgentVariables(db, agent.id).map((v) => [v.name, v.sampleValue]));
  return { setup, samples };
}
