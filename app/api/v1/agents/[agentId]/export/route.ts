import { listAgentVariables } from "@/db/repositories/agents";
import { listDestinations } from "@/db/repositories/handoffs";
import { buildAgentExport } from "@/lib/api/export";
import { apiRoute } from "../../../_lib/handler";
import { requireAgent } from "../../../_lib/lookups";

/** GET /api/v1/agents/{agentId}/export: the agent as portable JSON (no ids). */
export const GET = apiRoute<{ agentId: string }>(({ db, params }) => {
  const agent = requireAgent(db, params.agentId);
  return buildAgentExport(agent, listAgentVariables(db, agent.id), listDestinations(db, agent.id), new Date().toISOString());
});
