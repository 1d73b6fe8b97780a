import { listAgentVariables } from "@/db/repositories/agents";
import { getFlow, listFlows } from "@/db/repositories/flows";
import { listDestinations } from "@/db/repositories/handoffs";
import { buildAgentExport } from "@/lib/api/export";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/agents/{agentId}/export: the agent as portable JSON (variables, handoff destinations, flows; no ids). */
export const GET = apiRoute<{ agentId: string }>(({ db, params }) => {
  const agent = requireAgent(db, params.agentId);
  const flows = listFlows(db, agent.id).flatMap((f) => getFlow(db, agent.id, f.id) ?? []);
  return buildAgentExport(
    agent,
    listAgentVariables(db, agent.id),
    listDestinations(db, agent.id),
    flows,
    new Date().toISOString(),
  );
});
