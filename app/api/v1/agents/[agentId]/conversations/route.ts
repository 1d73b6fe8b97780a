import { listConversationsJson } from "@/db/repositories/conversations";
import { invalid } from "@/lib/api/errors";
import { apiRoute, rawJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseQuery } from "./schema";

/** GET /api/v1/agents/{agentId}/conversations?outcome=&reason=&…&cursor=&limit= → { data, next_cursor } */
export const GET = apiRoute<{ agentId: string }>(
  ({ req, db, params }) => {
    const parsed = parseQuery(new URL(req.url).searchParams);
    if (!parsed.ok) throw invalid(parsed.fieldErrors, "Some query parameters are invalid; see fields");
    const { filters, cursor, limit } = parsed.value;
    // Serialised by SQLite (same JSON as listConversations would give): this is the API's hot path.
    const page = listConversationsJson(db, params.agentId, filters, cursor, limit);
    // Rows prove the agent exists; only an empty page needs the lookup that tells 404 from "no calls".
    if (page.count === 0) requireAgent(db, params.agentId);
    return rawJson(200, page.json);
  },
  { permission: "review" },
);
