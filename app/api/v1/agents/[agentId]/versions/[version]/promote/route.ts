import { getVersion, promoteVersion } from "@/db/repositories/versions";
import { ApiError, invalid } from "@/lib/api/errors";
import { toApiVersionSummary } from "@/lib/api/versions";
import { parseVersionNumber } from "@/lib/versions/types";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** POST /api/v1/agents/{agentId}/versions/{version}/promote: make that version live (an older one: a rollback). */
export const POST = apiRoute<{ agentId: string; version: string }>(({ db, params }) => {
  const agent = requireAgent(db, params.agentId);
  const n = parseVersionNumber(params.version);
  if (n === null) throw invalid({ version: "Expected a version number (1, 2, …)" });
  if (!promoteVersion(db, agent.id, n)) throw new ApiError(404, "not_found", `No version ${n}`);
  return toApiVersionSummary(getVersion(db, agent.id, n)!);
});
