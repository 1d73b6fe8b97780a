import { listFlows } from "@/db/repositories/flows";
import { toApiFlowSummary } from "@/lib/api/flows";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/agents/{agentId}/flows: the agent's flows (without their nodes). */
export const GET = apiRoute<{ agentId: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    return { data: listFlows(db, agent.id).map(toApiFlowSummary) };
  },
  { permission: "view" },
);
