import { listScenariosWithLastRun } from "@/db/repositories/scenarios";
import { toApiScenario } from "@/lib/api/scenarios";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/agents/{agentId}/scenarios: the agent's scenarios in list order, each with its last result. */
export const GET = apiRoute<{ agentId: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    return { data: listScenariosWithLastRun(db, agent.id).map(toApiScenario) };
  },
  { permission: "view" },
);
