import type { Db } from "@/db/client";
import { getAgent } from "@/db/repositories/agents";
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
