import { toApiAgent } from "@/lib/api/agents";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/agents/{agentId} */
export const GET = apiRoute<{ agentId: string }>(({ db, params }) => toApiAgent(requireAgent(db, params.agentId)), {
  permission: "view",
});
