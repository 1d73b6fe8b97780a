import { appendAudit } from "@/db/repositories/audit";
import { listVersions, publishDraft } from "@/db/repositories/versions";
import { writeTransaction } from "@/db/transaction";
import { versionChange } from "@/lib/audit/changes";
import { quote } from "@/lib/audit/summaries";
import { actorOf } from "@/lib/audit/types";
import { ApiError, invalid } from "@/lib/api/errors";
import { toApiVersionSummary } from "@/lib/api/versions";
import { apiRoute, json, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseBody } from "./schema";

/** GET /api/v1/agents/{agentId}/versions: published versions, newest first, and which one is live. */
export const GET = apiRoute<{ agentId: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    return {
      data: listVersions(db, agent.id).map(toApiVersionSummary),
      live_version: agent.liveVersion,
      pre_release_version: agent.preReleaseVersion,
    };
  },
  { permission: "view" },
);

/**
 * POST /api/v1/agents/{agentId}/versions: publish the draft as the next version (201). An unchanged
 * draft is 409 nothing_changed; a draft with lint errors is 409 lint_errors listing them, unless
 * `force` is true.
 */
export const POST = apiRoute<{ agentId: string }>(
  async ({ req, db, params, viewer }) => {
    const agent = requireAgent(db, params.agentId);
    const body = parseBody(await readJson(req, undefined, { optional: true }));
    if (!body.ok) throw invalid(body.fields);
    const r = writeTransaction(db, () => {
      const r = publishDraft(db, agent.id, { note: body.note, author: viewer!.name, acceptLintErrors: body.force });
      if (r.ok)
        appendAudit(
          db,
          actorOf(viewer!),
          versionChange("published", agent, r.version.number, body.note ? `note ${quote(body.note)}` : "no note"),
        );
      return r;
    });
    if (r.ok) {
      return json(201, toApiVersionSummary(r.version), {
        location: `/api/v1/agents/${agent.id}/versions/${r.version.number}`,
      });
    }
    if (r.status === "unchanged") throw new ApiError(409, "nothing_changed", r.message);
    if (r.status === "lint_errors")
      throw new ApiError(409, "lint_errors", `${r.message} Send "force": true to publish anyway.`, undefined, r.errors);
    if (r.status === "invalid") throw invalid(r.fieldErrors);
    throw new ApiError(404, "not_found", r.message);
  },
  { permission: "publish" },
);
