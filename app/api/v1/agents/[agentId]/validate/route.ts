import { readDocument } from "@/db/repositories/versions";
import { validateAgentDocument } from "@/lib/agent-document/validate";
import { ApiError, invalid } from "@/lib/api/errors";
import { serverPythonPool } from "@/telephony/python-pool";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseQuery } from "./schema";

/**
 * GET /api/v1/agents/{agentId}/validate[?version=draft|pre-release|live|N]: the check `cli validate`
 * makes (document rules, flow and topic lint, every function compiled by Python, scenario
 * references). 200 with `{ ok, problems, checked }`; `ok` is false when there is an error.
 */
export const GET = apiRoute<{ agentId: string }>(
  async ({ req, db, params }) => {
    const agent = requireAgent(db, params.agentId);
    const query = parseQuery(new URL(req.url).searchParams);
    if (!query.ok) throw invalid(query.fields, "Some query parameters are invalid; see fields");
    const found = readDocument(db, agent.id, query.ref);
    if (!found.ok) throw new ApiError(404, "not_found", found.message);
    const pool = serverPythonPool();
    return validateAgentDocument(found.document, (code) => pool.check(code));
  },
  { permission: "view" },
);
