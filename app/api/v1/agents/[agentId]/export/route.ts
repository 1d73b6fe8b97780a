import { readDraftDocument } from "@/db/repositories/agent-document";
import { prettyCanonicalJson } from "@/lib/agent-document";
import { apiRoute, rawJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/**
 * GET /api/v1/agents/{agentId}/export: the agent's draft as an agent document (format 1; no ids),
 * in the stable key order, so exporting twice gives the same bytes.
 */
export const GET = apiRoute<{ agentId: string }>(({ db, params }) => {
  const agent = requireAgent(db, params.agentId);
  return rawJson(200, prettyCanonicalJson(readDraftDocument(db, agent.id)!));
});
