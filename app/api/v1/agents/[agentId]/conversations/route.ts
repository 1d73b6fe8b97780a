import { listConversations } from "@/db/repositories/conversations";
import { invalid } from "@/lib/api/errors";
import { apiRoute } from "../../../_lib/handler";
import { requireAgent } from "../../../_lib/lookups";
import { parseQuery } from "./schema";

/** GET /api/v1/agents/{agentId}/conversations?outcome=&reason=&…&cursor=&limit= */
export const GET = apiRoute<{ agentId: string }>(({ req, db, params }) => {
  const parsed = parseQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw invalid(parsed.fieldErrors, "Some query parameters are invalid; see fields");
  const { filters, cursor, limit } = parsed.value;
  const page = listConversations(db, params.agentId, filters, cursor, limit);
  // Rows prove the agent exists; only an empty page needs the lookup that tells 404 from "no calls".
  if (page.data.length === 0) requireAgent(db, params.agentId);
  return page;
});
