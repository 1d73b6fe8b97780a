import type { Db } from "@/db/client";
import { getAgent } from "@/db/repositories/agents";
import { getFlowById } from "@/db/repositories/flows";
import type { StoredFlow } from "@/lib/flow";
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

/** A flow by id alone (flow ids are global). */
export function requireFlow(db: Db, flowId: string): StoredFlow {
  const flow = getFlowById(db, flowId);
  if (!flow) throw notFound("flow");
  return flow;
}
