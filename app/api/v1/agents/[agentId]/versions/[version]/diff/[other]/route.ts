import { readDocument } from "@/db/repositories/versions";
import { ApiError, invalid } from "@/lib/api/errors";
import { toApiDiff } from "@/lib/api/versions";
import { diffDocuments } from "@/lib/versions/diff";
import { parseVersionRef, VERSION_REF_MESSAGE } from "@/lib/versions/types";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";

/**
 * GET /api/v1/agents/{agentId}/versions/{version}/diff/{other}: what changed from one to the other.
 * Each side is a version number, `live` or `draft`.
 */
export const GET = apiRoute<{ agentId: string; version: string; other: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    const from = parseVersionRef(params.version);
    const to = parseVersionRef(params.other);
    if (!from || !to) {
      throw invalid({
        ...(from ? {} : { version: VERSION_REF_MESSAGE }),
        ...(to ? {} : { other: VERSION_REF_MESSAGE }),
      });
    }
    const a = readDocument(db, agent.id, from);
    if (!a.ok) throw new ApiError(404, "not_found", a.message);
    const b = readDocument(db, agent.id, to);
    if (!b.ok) throw new ApiError(404, "not_found", b.message);
    const label = (version: number | null) => (version === null ? "draft" : String(version));
    return toApiDiff(label(a.version), label(b.version), diffDocuments(a.document, b.document));
  },
  { permission: "view" },
);
