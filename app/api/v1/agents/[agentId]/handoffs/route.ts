import { createDestination, listDestinations } from "@/db/repositories/handoffs";
import { invalid } from "@/lib/api/errors";
import { apiRoute, json, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { applyIsDefault, checkIsDefault, destinationOrThrow } from "./_mutations";
import { parseBody } from "./schema";
import { toApiDestination } from "@/lib/api/destinations";

/** GET /api/v1/agents/{agentId}/handoffs: the agent's destinations in board order. */
export const GET = apiRoute<{ agentId: string }>(({ db, params }) => {
  const agent = requireAgent(db, params.agentId);
  return { data: listDestinations(db, agent.id).map(toApiDestination) };
});

/** POST /api/v1/agents/{agentId}/handoffs: create; the agent's first destination is its default. */
export const POST = apiRoute<{ agentId: string }>(async ({ req, db, params }) => {
  const agent = requireAgent(db, params.agentId);
  const parsed = parseBody(await readJson(req));
  if (!parsed.ok) throw invalid(parsed.fields);
  checkIsDefault(null, parsed.isDefault);
  const created = destinationOrThrow(createDestination(db, agent.id, parsed.value));
  return json(201, applyIsDefault(db, created, parsed.isDefault), {
    location: `/api/v1/agents/${agent.id}/handoffs/${created.id}`,
  });
});
