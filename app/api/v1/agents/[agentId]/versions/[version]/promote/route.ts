import { appendAudit } from "@/db/repositories/audit";
import { getVersion, promoteVersion } from "@/db/repositories/versions";
import { writeTransaction } from "@/db/transaction";
import { versionChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import { ApiError, invalid } from "@/lib/api/errors";
import { toApiVersionSummary } from "@/lib/api/versions";
import { parseVersionNumber } from "@/lib/versions/types";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/** POST /api/v1/agents/{agentId}/versions/{version}/promote: make that version live (an older one: a rollback). */
export const POST = apiRoute<{ agentId: string; version: string }>(
  ({ db, params, viewer }) => {
    const agent = requireAgent(db, params.agentId);
    const n = parseVersionNumber(params.version);
    if (n === null) throw invalid({ version: "Expected a version number (1, 2, …)" });
    const promoted = writeTransaction(db, () => {
      if (!promoteVersion(db, agent.id, n)) return false;
      const before = agent.liveVersion === null ? "none" : `version ${agent.liveVersion}`;
      appendAudit(db, actorOf(viewer!), versionChange("promoted", agent, n, `live ${before} → version ${n}`));
      return true;
    });
    if (!promoted) throw new ApiError(404, "not_found", `No version ${n}`);
    return toApiVersionSummary(getVersion(db, agent.id, n)!);
  },
  { permission: "promote" },
);
