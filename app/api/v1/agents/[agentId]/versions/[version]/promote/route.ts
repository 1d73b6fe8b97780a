import { promoteToEnvironment } from "@/db/repositories/environments";
import { getVersion, pointersOf } from "@/db/repositories/versions";
import { actorOf } from "@/lib/audit/types";
import { ApiError, invalid } from "@/lib/api/errors";
import { toApiDiff, toApiVersionSummary } from "@/lib/api/versions";
import { parseVersionNumber } from "@/lib/versions/types";
import { apiRoute, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseBody } from "./schema";

/**
 * POST /api/v1/agents/{agentId}/versions/{version}/promote: move that version one step — into
 * pre-release, or from pre-release into live (`{"to": …}`; absent: the next step for it). Nothing
 * reaches live without having been in pre-release (409 otherwise). `{"dry_run": true}` changes
 * nothing and answers what would change.
 */
export const POST = apiRoute<{ agentId: string; version: string }>(
  async ({ req, db, params, viewer }) => {
    const agent = requireAgent(db, params.agentId);
    const n = parseVersionNumber(params.version);
    if (n === null) throw invalid({ version: "Expected a version number (1, 2, …)" });
    const body = parseBody(await readJson(req, undefined, { optional: true }));
    if (!body.ok) throw invalid(body.fields);
    const to = body.to ?? (pointersOf(db, agent.id).preRelease === n ? "live" : "pre-release");
    const r = promoteToEnvironment(db, agent.id, { to, version: n, dryRun: body.dryRun, actor: actorOf(viewer!) });
    if (!r.ok)
      throw r.status === "not_found"
        ? new ApiError(404, "not_found", r.message)
        : new ApiError(409, "conflict", r.message);
    return {
      ...toApiVersionSummary(getVersion(db, agent.id, n)!),
      promotion: {
        environment: r.environment,
        from: r.from,
        dry_run: r.dryRun,
        changes: (({ from: _f, to: _t, ...d }) => d)(toApiDiff("", "", r.changes)),
      },
    };
  },
  { permission: "promote" },
);
