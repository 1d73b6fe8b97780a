import { appendAudit } from "@/db/repositories/audit";
import { deleteDestination, updateDestination } from "@/db/repositories/handoffs";
import { writeTransaction } from "@/db/transaction";
import { destinationChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import { invalid, notFound } from "@/lib/api/errors";
import { toApiDestination } from "@/lib/api/destinations";
import { apiRoute, readJson, type ApiContext } from "@/app/api/v1/_lib/handler";
import { requireDestination } from "@/app/api/v1/_lib/lookups";
import { applyIsDefault, checkIsDefault, destinationOrThrow } from "@/app/api/v1/agents/[agentId]/handoffs/_mutations";
import { parseBody } from "./schema";

type Params = { agentId: string; handoffId: string };

/** GET /api/v1/agents/{agentId}/handoffs/{handoffId} */
export const GET = apiRoute<Params>(
  ({ db, params }) => toApiDestination(requireDestination(db, params.agentId, params.handoffId)),
  { permission: "view" },
);

async function save({ req, db, params, viewer }: ApiContext<Params>, partial: boolean) {
  const current = requireDestination(db, params.agentId, params.handoffId);
  const parsed = parseBody(await readJson(req), partial ? current : undefined);
  if (!parsed.ok) throw invalid(parsed.fields);
  checkIsDefault(current, parsed.isDefault);
  return writeTransaction(db, () => {
    const updated = destinationOrThrow(updateDestination(db, params.agentId, current.id, parsed.value));
    const result = applyIsDefault(db, updated, parsed.isDefault);
    appendAudit(db, actorOf(viewer!), destinationChange(current, requireDestination(db, params.agentId, current.id)));
    return result;
  });
}

/** PUT: replace the whole destination (omitted optional fields take their defaults). */
export const PUT = apiRoute<Params>((ctx) => save(ctx, false), { permission: "destinations.edit" });

/** PATCH: change only the fields sent. */
export const PATCH = apiRoute<Params>((ctx) => save(ctx, true), { permission: "destinations.edit" });

/** DELETE: when it was the default, the earliest remaining destination becomes the default. */
export const DELETE = apiRoute<Params>(
  ({ db, params, viewer }) =>
    writeTransaction(db, () => {
      const current = requireDestination(db, params.agentId, params.handoffId);
      const result = deleteDestination(db, params.agentId, current.id);
      if (!result.ok) throw notFound("handoff destination");
      appendAudit(db, actorOf(viewer!), destinationChange(current, null));
      return { id: current.id, deleted: true, new_default_id: result.newDefaultId };
    }),
  { permission: "destinations.edit" },
);
