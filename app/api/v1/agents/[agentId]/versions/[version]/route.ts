import { getLiveVersion, getVersion } from "@/db/repositories/versions";
import { ApiError, invalid } from "@/lib/api/errors";
import { toApiVersionSummary } from "@/lib/api/versions";
import { parseVersionNumber } from "@/lib/versions/types";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/agents/{agentId}/versions/{version}: one version (a number, or `live`) with its agent document. */
export const GET = apiRoute<{ agentId: string; version: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    const n = parseVersionNumber(params.version);
    if (n === null && params.version !== "live")
      throw invalid({ version: "Expected a version number (1, 2, …) or live" });
    const version = n === null ? getLiveVersion(db, agent.id) : getVersion(db, agent.id, n);
    if (!version) throw new ApiError(404, "not_found", n === null ? "No version is live yet" : `No version ${n}`);
    return { ...toApiVersionSummary(version), document: version.document };
  },
  { permission: "view" },
);
