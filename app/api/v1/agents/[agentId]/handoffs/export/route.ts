import { listDestinations } from "@/db/repositories/handoffs";
import { exportHandoffsYaml } from "@/lib/handoffs/yaml";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/**
 * GET /api/v1/agents/{agentId}/handoffs/export: the agent's destinations as PolyAI's handoffs.yaml
 * (application/yaml), the same bytes as Call Handoffs → Export and the CLI's export-handoffs.
 */
export const GET = apiRoute<{ agentId: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    return new Response(exportHandoffsYaml(listDestinations(db, agent.id)), {
      status: 200,
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": 'attachment; filename="handoffs.yaml"',
      },
    });
  },
  { permission: "view" },
);
