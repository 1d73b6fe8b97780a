import { listConversations } from "@/db/repositories/conversations";
import { invalid } from "@/lib/api/errors";
import { apiRoute } from "../../../_lib/handler";
import { requireAgent } from "../../../_lib/lookups";
import { parseQuery } from "./schema";

/** GET /api/v1/agents/{agentId}/conversations?outcome=&reason=&…&cursor=&limit= */
export const GET = apiRoute<{ agentId: string }>(({ req, db, params }) => {
  const parsed = parseQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw invalid(parsed.fieldErrors, "Some query parameters are invalid; see fields");
  requireAgent(db, params.agentId);
  const { filters, cursor, limit } = parsed.value;
  return listConversations(db, params.agentId, filters, cursor, limit);
});
