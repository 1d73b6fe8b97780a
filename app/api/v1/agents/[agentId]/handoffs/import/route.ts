import { importCounts, importDestinationsAudited } from "@/db/repositories/handoffs-import";
import { actorOf } from "@/lib/audit/types";
import { invalid } from "@/lib/api/errors";
import { MAX_HANDOFFS_YAML_BYTES } from "@/lib/handoffs/yaml";
import { apiRoute, json, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseBody } from "./schema";

/**
 * POST /api/v1/agents/{agentId}/handoffs/import: a handoffs.yaml into the agent's destinations
 * (merged by name, or with `replace` the file's are all it keeps). An invalid file changes nothing:
 * 400 with each problem under its path in the file.
 */
export const POST = apiRoute<{ agentId: string }>(
  async ({ req, db, params, viewer }) => {
    const agent = requireAgent(db, params.agentId);
    const parsed = parseBody(await readJson(req, MAX_HANDOFFS_YAML_BYTES * 2));
    if (!parsed.ok) throw invalid(parsed.fields, "The handoffs.yaml is invalid; nothing was imported; see fields");
    const result = importDestinationsAudited(
      db,
      agent.id,
      parsed.destinations,
      { replace: parsed.replace },
      actorOf(viewer!),
    );
    return json(200, importCounts(result));
  },
  { permission: "destinations.edit" },
);
