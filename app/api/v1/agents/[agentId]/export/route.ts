import { readDocument } from "@/db/repositories/versions";
import { prettyCanonicalJson } from "@/lib/agent-document";
import { ApiError, invalid } from "@/lib/api/errors";
import { apiRoute, rawJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseQuery } from "./schema";

/**
 * GET /api/v1/agents/{agentId}/export[?version=draft|live|N]: the draft (or a published version) as
 * an agent document (format 1; no ids), in the stable key order, so exporting twice gives the same bytes.
 */
export const GET = apiRoute<{ agentId: string }>(
  ({ req, db, params }) => {
    const agent = requireAgent(db, params.agentId);
    const query = parseQuery(new URL(req.url).searchParams);
    if (!query.ok) throw invalid(query.fields, "Some query parameters are invalid; see fields");
    const found = readDocument(db, agent.id, query.ref);
    if (!found.ok) throw new ApiError(404, "not_found", found.message);
    return rawJson(200, prettyCanonicalJson(found.document));
  },
  { permission: "view" },
);
