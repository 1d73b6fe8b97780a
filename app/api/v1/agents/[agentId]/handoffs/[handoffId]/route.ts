import { deleteDestination, updateDestination } from "@/db/repositories/handoffs";
import { invalid, notFound } from "@/lib/api/errors";
import { toApiDestination } from "@/lib/api/destinations";
import { apiRoute, readJson, type ApiContext } from "@/app/api/v1/_lib/handler";
import { requireDestination } from "@/app/api/v1/_lib/lookups";
import { applyIsDefault, checkIsDefault, destinationOrThrow } from "@/app/api/v1/agents/[agentId]/handoffs/_mutations";
import { parseBody } from "./schema";

type Params = { agentId: string; handoffId: string };

/** GET /api/v1/agents/{agentId}/handoffs/{handoffId} */
export const GET = apiRoute<Params>(({ db, params }) =>
  toApiDestination(requireDestination(db, params.agentId, params.handoffId)),
);

async function save({ req, db, params }: ApiContext<Params>, partial: boolean) {
  const current = requireDestination(db, params.agentId, params.handoffId);
  const parsed = parseBody(await readJson(req), partial ? current : undefined);
  if (!parsed.ok) throw invalid(parsed.fields);
  checkIsDefault(current, parsed.isDefault);
  const updated = destinationOrThrow(updateDestination(db, params.agentId, current.id, parsed.value));
  return applyIsDefault(db, updated, parsed.isDefault);
}

/** PUT: replace the whole destination (omitted optional fields take their defaults). */
export const PUT = apiRoute<Params>((ctx) => save(ctx, false));

/** PATCH: change only the fields sent. */
export const PATCH = apiRoute<Params>((ctx) => save(ctx, true));

/** DELETE: when it was the default, the earliest remaining destination becomes the default. */
export const DELETE = apiRoute<Params>(({ db, params }) => {
  const current = requireDestination(db, params.agentId, params.handoffId);
  const result = deleteDestination(db, params.agentId, current.id);
  if (!result.ok) throw notFound("handoff destination");
  return { id: current.id, deleted: true, new_default_id: result.newDefaultId };
});
