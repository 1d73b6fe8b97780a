import type { Db } from "@/db/client";
import { getAgent, listAgents } from "@/db/repositories/agents";
import { getFlow, type StoredFlow } from "@/db/repositories/flows";
import { getDestination } from "@/db/repositories/handoffs";
import { notFound } from "@/lib/api/errors";
import type { Agent } from "@/lib/agents/types";
import type { HandoffDestination } from "@/lib/handoffs/types";

export function requireAgent(db: Db, agentId: string): Agent {
  const agent = getAgent(db, agentId);
  if (!agent) throw notFound("agent");
  return agent;
}

export function requireDestination(db: Db, agentId: string, id: string): HandoffDestination {
  requireAgent(db, agentId);
  const d = getDestination(db, agentId, id);
  if (!d) throw notFound("handoff destination");
  return d;
}

/**
 * A flow by id alone (flow ids are global). The flows repository looks flows up per agent, so
 * this asks each agent; a workspace has a handful.
 */
export function requireFlow(db: Db, flowId: string): StoredFlow {
  for (const agent of listAgents(db)) {
    const flow = getFlow(db, agent.id, flowId);
    if (flow) return flow;
  }
  throw notFound("flow");
}
